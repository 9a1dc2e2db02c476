"""Every page of the demo tree renders, in every language, with the right lang and dir."""
import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

HTML_TAG = re.compile(r'<html lang="(?P<lang>[a-z-]+)" dir="(?P<dir>ltr|rtl)">')


def test_demo_has_every_page_type_in_every_language():
    live = Page.objects.live().filter(depth__gt=1)
    for code in ("fr", "ar", "en"):
        assert live.filter(locale__language_code=code).exists(), code
    content_types = {p.content_type for p in live}
    for ct in content_types:
        assert live.filter(content_type=ct, locale__language_code="ar").exists(), f"no ar {ct}"


def test_every_live_page_renders_with_its_language_and_direction(client):
    pages = list(Page.objects.live().filter(depth__gt=1).select_related("locale"))
    assert len(pages) >= 9
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        match = HTML_TAG.search(response.content.decode())
        assert match, url
        code = page.locale.language_code
        assert match["lang"] == code, url
        assert match["dir"] == ("rtl" if code == "ar" else "ltr"), url


def test_root_redirects_to_french(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_home_links_to_its_translations_with_hreflang(client):
    html = client.get("/fr/").content.decode()
    for code in ("fr", "ar", "en"):
        assert f'hreflang="{code}" href="http://testserver/{code}/"' in html
    assert 'hreflang="x-default" href="http://testserver/fr/"' in html


def test_language_switcher_goes_to_the_same_page_in_the_other_language(client):
    html = client.get("/fr/quest-ce-que-cafe-ia/").content.decode()
    assert 'href="/ar/quest-ce-que-cafe-ia/" hreflang="ar"' in html
    assert 'href="/en/quest-ce-que-cafe-ia/" hreflang="en"' in html


def test_a_page_published_in_french_only_is_offered_in_every_language_as_french(client, django_capture_on_commit_callbacks):
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="fr")
    lonely = StandardPage(title="Seulement en français", slug="seulement-fr")
    home.add_child(instance=lonely)
    lonely.save_revision().publish()
    html = client.get("/fr/seulement-fr/").content.decode()
    # The switcher leads to it in Arabic and English, saying its text is French; no hreflang claims a translation.
    assert 'href="/ar/seulement-fr/" hreflang="ar"' in html and 'href="/en/seulement-fr/" hreflang="en"' in html
    assert html.count("<small>(en français)</small>") == 2
    assert '<link rel="alternate" hreflang="ar"' not in html
    arabic = client.get("/ar/seulement-fr/")
    assert arabic.status_code == 200
    assert '<h1 lang="fr" dir="ltr">Seulement en français</h1>' in arabic.content.decode()


def test_arabic_pages_are_right_to_left_and_translated(client):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الانتقال إلى المحتوى" in html  # the skip link, from the ar catalog
    html = client.get("/en/").content.decode()
    assert "Skip to content" in html


def test_unknown_page_is_the_404_template_in_the_visitors_language(client):
    response = client.get("/ar/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الصفحة غير موجودة" in html


def test_unknown_language_prefix_is_a_french_404(client):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Page introuvable" in html


def test_500_page_renders_without_database_or_context():
    from django.test import RequestFactory

    from cafeia_site.views import server_error

    response = server_error(RequestFactory().get("/fr/"))
    assert response.status_code == 500
    assert "Un problème est survenu" in response.content.decode()
