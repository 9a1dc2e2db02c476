"""The page cache: anonymous readers get stored pages, emptied on publish; nothing private is ever stored."""
import json

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from home.models import ArticlePage, Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, module_site_tree):
    settings.CAFEIA_PAGE_CACHE = True  # off by default in tests, so that query counts measure the pages


@pytest.fixture
def publish_article(module_site_tree):
    def publish(title: str) -> ArticlePage:
        page = ArticlePage(title=title, slug="article-cache-test", body=json.dumps([]))
        module_site_tree.lettre["fr"].add_child(instance=page)
        page.save_revision().publish()
        return page

    return publish


def test_a_public_page_is_stored_then_served_from_the_cache(client, django_assert_max_num_queries):
    first = client.get("/fr/")
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    with django_assert_max_num_queries(3):  # the cache lookups, no page query
        second = client.get("/fr/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert "Expires" not in second
    assert not second.cookies  # nothing per visitor in a shared page
    assert "csrfmiddlewaretoken" not in second.content.decode()


def test_the_browser_revalidates_with_the_etag(client):
    etag = client.get("/fr/lettre/")["ETag"]
    assert etag
    again = client.get("/fr/lettre/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    # The 304 answered one browser: the next reader still gets the whole page.
    fresh = Client().get("/fr/lettre/")
    assert fresh.status_code == 200 and b"<html" in fresh.content


def test_publishing_a_page_empties_the_cache(client, publish_article):
    assert client.get("/fr/lettre/")["X-Cache"] == "miss"
    assert client.get("/fr/lettre/")["X-Cache"] == "hit"
    publish_article("Un article tout juste publié")
    response = client.get("/fr/lettre/")
    assert response["X-Cache"] == "miss"
    assert "Un article tout juste publié" in response.content.decode()


def test_unpublishing_a_page_empties_the_cache(client, publish_article):
    page = publish_article("Article bientôt retiré")
    assert "Article bientôt retiré" in client.get("/fr/lettre/").content.decode()
    assert client.get("/fr/lettre/")["X-Cache"] == "hit"
    page.unpublish()
    assert "Article bientôt retiré" not in client.get("/fr/lettre/").content.decode()


def test_a_draft_does_not_empty_the_cache(client, publish_article):
    page = publish_article("Article publié")
    client.get("/fr/lettre/")
    page.title = "Brouillon pas encore relu"
    page.save_revision()
    response = client.get("/fr/lettre/")
    assert response["X-Cache"] == "hit"
    assert "Brouillon pas encore relu" not in response.content.decode()


def test_editing_a_snippet_empties_the_cache(client, module_site_tree):
    organisation = module_site_tree.organisation
    client.get("/fr/cafes/structures/")
    assert client.get("/fr/cafes/structures/")["X-Cache"] == "hit"
    organisation.name = "Médiathèque renommée à cet instant"
    organisation.save()
    response = client.get("/fr/cafes/structures/")
    assert response["X-Cache"] == "miss"
    assert "Médiathèque renommée à cet instant" in response.content.decode()


def test_a_new_subscriber_does_not_empty_the_cache(client, django_capture_on_commit_callbacks):
    client.get("/fr/lettre/")
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/fr/abonnement/", {"email": "nouvelle@example.org", "language": "fr", "consent": "on", "website": ""})
    assert Subscriber.objects.filter(email="nouvelle@example.org").exists()
    assert client.get("/fr/lettre/")["X-Cache"] == "hit"


def test_a_new_redirect_replaces_a_stored_not_found(client):
    assert client.get("/fr/ancienne-adresse/").status_code == 404
    assert client.get("/fr/ancienne-adresse/")["X-Cache"] == "hit"
    Redirect.objects.create(old_path="/fr/ancienne-adresse", redirect_link="/fr/lettre/", is_permanent=True)
    response = client.get("/fr/ancienne-adresse/")
    assert response.status_code == 301 and response["Location"] == "/fr/lettre/"


def test_a_page_with_a_view_restriction_is_never_stored(client, publish_article):
    page = publish_article("Article réservé")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    for _ in range(2):
        response = Client().get(page.url)
        assert response.status_code == 200 and b"password" in response.content  # the password form
        assert response["X-Cache"] == "skip" and "public" not in response["Cache-Control"]


def test_signed_in_users_and_cookie_holders_are_never_served_a_stored_page(client, admin_user):
    client.get("/fr/")
    client.force_login(admin_user)
    response = client.get("/fr/")
    assert response["X-Cache"] == "skip" and "public" not in response["Cache-Control"]

    with_token = Client()
    with_token.cookies["csrftoken"] = "a" * 32
    assert with_token.get("/fr/")["X-Cache"] == "skip"


@pytest.mark.parametrize("path", ["/fr/contribuer/compte-rendu/", "/fr/contribuer/suivi/forged-token/",
                                  "/fr/contribuer/confirmer/forged-token/", "/fr/abonnement/confirmer/forged/",
                                  "/admin/login/"])
def test_forms_private_links_and_the_admin_are_never_stored(path):
    for _ in range(2):
        response = Client().get(path)
        assert response.get("X-Cache", "skip") == "skip", path
        assert "public" not in response.get("Cache-Control", ""), path


def test_private_links_forbid_any_cache(client):
    for path in ("/fr/contribuer/suivi/forged-token/", "/fr/abonnement/desinscription/forged/"):
        response = client.get(path)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], path


def test_the_footer_form_subscribes_from_a_cached_page_without_a_csrf_token(django_capture_on_commit_callbacks):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/fr/")
    assert browser.get("/fr/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post("/fr/abonnement/", {"email": "lectrice@example.org", "language": "fr",
                                                    "consent": "on", "website": ""})
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="lectrice@example.org", status=Subscriber.Status.PENDING).exists()


def test_a_stored_page_lives_five_minutes_at_most(client):
    from datetime import UTC, datetime, timedelta

    from django.db import connection
    from django.utils import timezone

    client.get("/fr/cafes/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM cafeia_pages WHERE cache_key LIKE '%pc:page:%'")
        # SQLite hands the column back as text.
        expiries = [datetime.fromisoformat(e) if isinstance(e, str) else e for (e,) in cursor.fetchall()]
    assert expiries
    latest = max(e if timezone.is_aware(e) else e.replace(tzinfo=UTC) for e in expiries)
    assert latest <= timezone.now() + timedelta(minutes=5, seconds=5)


def test_a_publish_purges_what_shows_the_page_in_every_variant_and_nothing_else(client, module_site_tree, publish_article):
    tree = module_site_tree
    showing = ["/fr/lettre/", "/fr/lettre/?page=1", "/fr/", "/ar/", tree.article.url.replace("/fr/", "/ar/", 1)]
    elsewhere = [tree.cafe.url, tree.resource.url]
    for path in showing + elsewhere:
        client.get(path)
        assert client.get(path)["X-Cache"] == "hit", path
    article = tree.article
    article.title = "Un titre changé à cet instant"
    article.save_revision().publish()
    for path in showing:
        assert client.get(path)["X-Cache"] == "miss", path
    assert "Un titre changé à cet instant" in client.get("/fr/lettre/").content.decode()
    for path in elsewhere:
        assert client.get(path)["X-Cache"] == "hit", path


def test_a_render_begun_before_a_purge_is_neither_stored_nor_public(client, module_site_tree):
    from cafeia_site import page_cache
    from cafeia_site.middleware import PublicCacheControlMiddleware

    def view_while_an_editor_publishes(request):
        from django.http import HttpResponse

        page_cache.purge([request.path])  # the editor's commit lands while this page is rendered
        return HttpResponse("ancien texte")

    middleware = PublicCacheControlMiddleware(page_cache.PageCacheMiddleware(view_while_an_editor_publishes))
    from django.test import RequestFactory

    response = middleware(RequestFactory().get("/fr/lettre/"))
    assert response["X-Cache"] == "skip" and "public" not in response["Cache-Control"]
    assert client.get("/fr/lettre/")["X-Cache"] == "miss"


def test_the_front_cache_is_sent_one_purge_per_path_on_commit(settings, module_site_tree, django_capture_on_commit_callbacks):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    received = []

    class FrontCache(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), FrontCache)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                                                 "LOCATION": f"http://127.0.0.1:{server.server_port}"}}
    try:
        cafe = module_site_tree.cafe
        with django_capture_on_commit_callbacks(execute=True):
            cafe.save_revision().publish()
            assert received == []  # nothing before the commit: the front would fetch the old page again
    finally:
        server.shutdown()
    paths = {path for _host, path in received}
    assert {cafe.url, "/fr/cafes/", "/fr/", "/data/cafes.geojson", f"/data/cafes/{cafe.pk}.ics", "/fr/recherche/"} <= paths
    assert module_site_tree.article.url not in paths and module_site_tree.resource.url not in paths
    assert {host for host, _path in received} == {module_site_tree.site.hostname + (
        f":{module_site_tree.site.port}" if module_site_tree.site.port not in (80, 443) else "")}


def test_with_redis_away_pages_render_and_say_so(settings, client):
    settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                                     "LOCATION": "redis://127.0.0.1:1/0",
                                                     "OPTIONS": {"socket_connect_timeout": 0.2}}}
    response = client.get("/fr/")
    assert response.status_code == 200 and response["X-Cache"] == "error"
    assert "public" not in response.get("Cache-Control", "")


def test_the_shared_cache_answers_missing_while_redis_is_away(settings):
    from cafeia_site.cache_backends import ResilientRedisCache

    away = ResilientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    assert away.get("chrome", "absent") == "absent" and away.get_many(["a", "b"]) == {}
    assert away.get_or_set("chrome", lambda: "rebuilt") == "rebuilt"
    away.set("chrome", "x")
    away.delete_many(["a"])
