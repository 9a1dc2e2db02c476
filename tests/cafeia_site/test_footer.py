"""The footer's human text (postal address, social link labels) in the page's language, cached and kept fresh."""
import json

import pytest
from wagtail.models import Locale, Site

from cafeia_site.demo import translate
from cafeia_site.models import FooterContent, SiteSettings
from tests.factories import FooterContentFactory, site_settings

pytestmark = pytest.mark.django_db

ADDRESS = "Café IA\n(adresse fictive)"
LINKS = json.dumps([{"type": "link", "value": {"label": "La lettre en RSS", "url": "https://cafeia.example/fr/lettre/rss/"}}])
TRANSLATIONS = {
    "ar": {ADDRESS: "مقهى الذكاء الاصطناعي\n(عنوان تجريبي)", "La lettre en RSS": "الرسالة عبر RSS"},
    "en": {ADDRESS: "Café IA\n(test address)", "La lettre en RSS": "The letter as RSS"},
}


@pytest.fixture(autouse=True)
def footer(module_site_tree):
    """The footer the settings choose, in fr with its ar and en translations."""
    chosen = FooterContentFactory(postal_address=ADDRESS, social_links=LINKS)
    translate(chosen, TRANSLATIONS)
    site_settings(module_site_tree.site, footer=chosen)
    return chosen


def footer_html(client, url) -> str:
    html = client.get(url).content.decode()
    return html[html.index('<footer class="site-footer">'):]


def chosen_footer() -> FooterContent:
    return SiteSettings.for_site(Site.objects.get(is_default_site=True)).footer


def test_each_language_shows_its_translated_address_and_link_labels(client):
    fr, ar, en = (footer_html(client, f"/{code}/") for code in ("fr", "ar", "en"))
    assert "(adresse fictive)" in fr and "La lettre en RSS" in fr
    assert "(عنوان تجريبي)" in ar and "الرسالة عبر RSS" in ar
    assert "(adresse fictive)" not in ar
    assert "(test address)" in en and "The letter as RSS" in en
    # The line breaks of the address survive translation.
    assert "مقهى الذكاء الاصطناعي<br>(عنوان تجريبي)" in ar


def test_a_language_without_translation_falls_back_to_the_default_language(client):
    footer = FooterContent.objects.create(name="Nouveau pied", locale=Locale.objects.get(language_code="fr"),
                                          postal_address="12 rue des Essais\n41000 Blois")
    row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    row.footer = footer
    row.save()
    assert "12 rue des Essais<br>41000 Blois" in footer_html(client, "/ar/")
    assert "12 rue des Essais" in footer_html(client, "/en/")
    translate(footer, {"ar": {"12 rue des Essais\n41000 Blois": "12 شارع التجارب\n41000 بلوا"}})
    ar = footer_html(client, "/ar/")
    assert "12 شارع التجارب<br>41000 بلوا" in ar
    assert "12 rue des Essais" not in ar
    assert "12 rue des Essais" in footer_html(client, "/en/")


def test_for_language_prefers_the_language_then_the_default_then_the_chosen_one():
    chosen = chosen_footer()
    assert FooterContent.for_language(chosen.pk, "ar").locale.language_code == "ar"
    assert FooterContent.for_language(chosen.pk, "xx").locale.language_code == "fr"
    arabic = chosen.get_translation(Locale.objects.get(language_code="ar"))
    assert FooterContent.for_language(arabic.pk, "en").locale.language_code == "en"
    FooterContent.objects.filter(translation_key=chosen.translation_key).exclude(pk=arabic.pk).delete()
    assert FooterContent.for_language(arabic.pk, "en") == arabic
    assert FooterContent.for_language(None, "fr") is None


def test_editing_a_translation_drops_the_cached_footer(client):
    arabic = chosen_footer().get_translation(Locale.objects.get(language_code="ar"))
    assert "(عنوان تجريبي)" in footer_html(client, "/ar/")
    # Changed behind the signals' back, the cached footer stays as it was: it really is cached...
    FooterContent.objects.filter(pk=arabic.pk).update(postal_address="عنوان بلا إشارة")
    assert "عنوان بلا إشارة" not in footer_html(client, "/ar/")
    # ...and saving (as the admin and wagtail-localize do) drops it.
    arabic.refresh_from_db()
    arabic.postal_address = "صندوق البريد 2024، الرباط"
    arabic.save()
    html = footer_html(client, "/ar/")
    assert "صندوق البريد 2024، الرباط" in html
    assert "(adresse fictive)" in footer_html(client, "/fr/")


def test_choosing_another_footer_in_the_settings_drops_the_cache(client):
    assert "(adresse fictive)" in footer_html(client, "/fr/")
    row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    row.footer = None
    row.save()
    assert "<address>" not in footer_html(client, "/fr/")


def test_footer_text_is_escaped_and_kept_intact(client):
    chosen = chosen_footer()
    chosen.postal_address = "<script>alert(1)</script>\nمقهى 🤖 Café — Anticonstitutionnellementissimement" + "x" * 80
    chosen.save()
    html = footer_html(client, "/fr/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>مقهى 🤖 Café — Anticonstitutionnellementissimement" in html
