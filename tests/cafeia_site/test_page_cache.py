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
    settings.WAGTAIL_CACHE = True  # off by default in tests, so that query counts measure the pages


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
    assert second["Cache-Control"] == "public, max-age=60"
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
        cursor.execute("SELECT expires FROM cafeia_pages")
        # SQLite hands the column back as text.
        expiries = [datetime.fromisoformat(e) if isinstance(e, str) else e for (e,) in cursor.fetchall()]
    assert expiries
    latest = max(e if timezone.is_aware(e) else e.replace(tzinfo=UTC) for e in expiries)
    assert latest <= timezone.now() + timedelta(minutes=5, seconds=5)
