"""The country landing page: its news, organisers, contact and moderators, in each language, in few queries."""
import datetime as dt
import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cafeia_site import counters
from cafeia_site.demo import translate
from cafes.models import CountryPage, Organisation, SynthesisPage
from home.models import ArticleIndexPage, ArticlePage

from .factories import country, home, make_cafe, organisation, translated_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree", "morocco")]

_counter = itertools.count(1)

# What a country's team writes, in each language (the e-mail address is one for all).
MOROCCO_TEXTS = {
    "fr": {"contact_text": "Écrivez à l'équipe Maroc", "contact_address": "Café IA Maroc\n(adresse d'essai)\nRabat",
           "moderators_text": "L'équipe de modération de Café IA Maroc"},
    "ar": {"contact_text": "راسلوا فريق المغرب", "contact_address": "مقهى الذكاء الاصطناعي المغرب\n(عنوان تجريبي)\nالرباط",
           "moderators_text": "فريقُ الإشراف في مقهى الذكاء الاصطناعي المغرب"},
    "en": {"contact_text": "Write to the Morocco team", "contact_address": "Café IA Morocco\n(test address)\nRabat",
           "moderators_text": "The moderation team of Café IA Morocco"},
}
MOROCCO_NEWS = {
    "fr": ["Rabat accueille le premier café IA du Maroc", "Ifrane : les étudiants animent leur café IA"],
    "ar": ["الرباط تحتضن أول مقهى ذكاء اصطناعي في المغرب", "إفران: الطلبة ينشّطون مقهى الذكاء الاصطناعي الخاص بهم"],
    "en": ["Rabat hosts the first café IA in Morocco", "Ifrane: students run their own café IA"],
}


@pytest.fixture
def morocco():
    """Morocco's page in three languages with its team's texts, news about it, cafés and their organisers;
    one article about something else, a French café by another organiser, and a synthesis of Morocco."""
    for code, texts in MOROCCO_TEXTS.items():
        page = country("MA", code)
        for name, value in {**texts, "contact_email": "maroc@cafeia.example"}.items():
            setattr(page, name, value)
        page.save()
    maroc_fr = country("MA")
    for code, titles in MOROCCO_NEWS.items():
        for days_ago, title in enumerate(titles):
            make_article(code, about=maroc_fr, days_ago=400 + days_ago, title=title)  # older than the tests' own
    make_article(title="Le kit d'animation mis à jour", days_ago=401)
    university = translated_organisation({"fr": "Université Al Akhawayn", "ar": "جامعة الأخوين",
                                          "en": "Al Akhawayn University"}, "universite-al-akhawayn-essai")
    dar_nour = translated_organisation({"fr": "Tiers-lieu Dar Nour", "ar": "الفضاء الثالث دار النور"}, "dar-nour-essai")
    make_cafe(country("MA", "ar"), title="مقهى الذكاء الاصطناعي في إفران", city="Ifrane", organiser=university)
    make_cafe(maroc_fr, title="Café IA à Rabat", city="Rabat", organiser=dar_nour)
    cnnum = translated_organisation({"fr": "Conseil national du numérique", "ar": "المجلس الوطني للرقمنة"}, "cnnum-essai")
    make_cafe(country("FR"), title="Café IA à Blois", city="Blois", organiser=cnnum)
    for code in ("fr", "ar"):
        country("MA", code).add_child(instance=SynthesisPage(title="Synthèse 2025", slug="synthese-2025", year=2025,
                                                             country_code="MA"))
    return maroc_fr


def section(html: str, heading_id: str) -> str:
    """The <section> labelled by `heading_id`, or "" when the page has none."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def make_article(language="fr", *, about=None, days_ago=0, live=True, **fields) -> ArticlePage:
    n = next(_counter)
    lettre = ArticleIndexPage.objects.descendant_of(home(language)).get()
    page = ArticlePage(title=fields.pop("title", f"Nouvelle de test {n}"), slug=f"nouvelle-de-test-{n}",
                       date=dt.date(2030, 1, 1) - dt.timedelta(days=days_ago), country=about, live=live,
                       locale=lettre.locale, **fields)
    lettre.add_child(instance=page)
    return page


def get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- the blocks, on Morocco's page ------------------------------------------------------------------

def test_arabic_maroc_page_shows_news_organisers_contact_and_moderators(client):
    html = get(client, "/ar/cafes/maroc/")
    news = section(html, "country-news-title")
    assert 'id="country-news-title"' in news
    assert "الرباط تحتضن أول مقهى ذكاء اصطناعي في المغرب" in news
    assert "إفران: الطلبة ينشّطون مقهى الذكاء الاصطناعي الخاص بهم" in news
    assert 'href="/ar/lettre/?pays=MA"' in news
    organisers = section(html, "country-organisers-title")
    assert '<a href="/ar/cafes/structures/universite-al-akhawayn-essai/"><bdi>جامعة الأخوين</bdi></a>' in organisers
    assert "الفضاء الثالث دار النور" in organisers
    assert "Conseil national du numérique" not in organisers and "المجلس الوطني للرقمنة" not in organisers
    contact = section(html, "country-contact-title")
    assert "mailto:maroc@cafeia.example" in contact
    assert "راسلوا فريق المغرب" in contact
    assert '<address dir="auto">مقهى الذكاء الاصطناعي المغرب<br>(عنوان تجريبي)<br>الرباط</address>' in contact
    moderation = section(html, "country-moderation-title")
    assert "فريقُ الإشراف في مقهى الذكاء الاصطناعي المغرب" in moderation
    assert 'href="/ar/contribuer/"' in moderation
    assert "@" not in moderation  # a team's name, never anyone's address


def test_french_and_english_maroc_pages_show_their_own_language(client):
    fr = get(client, "/fr/cafes/maroc/")
    assert "Rabat accueille le premier café IA du Maroc" in section(fr, "country-news-title")
    assert "Écrivez à l&#x27;équipe Maroc" in section(fr, "country-contact-title")
    assert 'href="/fr/contribuer/"' in section(fr, "country-moderation-title")
    en = get(client, "/en/cafes/maroc/")
    assert "Rabat hosts the first café IA in Morocco" in section(en, "country-news-title")
    assert "Rabat accueille" not in en
    assert "Al Akhawayn University" in section(en, "country-organisers-title")
    assert "Write to the Morocco team" in section(en, "country-contact-title")


def test_france_page_has_no_moroccan_news_or_organisers(client):
    html = get(client, "/fr/cafes/france/")
    assert section(html, "country-news-title") == ""  # no article is about France
    organisers = section(html, "country-organisers-title")
    assert "Conseil national du numérique" in organisers
    assert "Université Al Akhawayn" not in organisers and "Dar Nour" not in organisers


def test_country_page_links_its_synthesis(client):
    html = get(client, "/ar/cafes/maroc/")
    maroc = country("MA", "ar")
    synthesis = SynthesisPage.objects.live().child_of(maroc).get()
    assert f'href="{synthesis.url}"' in html


# --- translation: what is synchronised, what is translated ----------------------------------------

def test_contact_email_is_synchronised_and_texts_translated():
    fields = {f.field_name: type(f) for f in CountryPage.override_translatable_fields}
    assert fields["contact_email"] is SynchronizedField and fields["country_code"] is SynchronizedField
    for name in ("contact_text", "contact_address", "moderators_text"):
        assert fields[name] is TranslatableField, name
    fr = country("MA")
    fr.contact_email = "equipe-maroc@cafeia.example"
    fr.save_revision().publish()
    ar = translate(fr, {"ar": {"Maroc": "المغرب", MOROCCO_TEXTS["fr"]["contact_text"]: MOROCCO_TEXTS["ar"]["contact_text"]}})["ar"]
    assert ar.contact_email == fr.contact_email == "equipe-maroc@cafeia.example"
    assert ar.contact_text != fr.contact_text and "المغرب" in ar.contact_text


def test_an_article_keeps_its_country_in_every_translation():
    assert {f.field_name: type(f) for f in ArticlePage.override_translatable_fields}["country"] is SynchronizedField
    maroc = country("MA")
    source = make_article(about=maroc, title="Ifrane : les étudiants animent leur café IA")
    source.save_revision().publish()
    for code, article in translate(source, {"ar": {}, "en": {}}).items():
        assert article.country is not None, code
        assert article.country.translation_key == maroc.translation_key


# --- news -----------------------------------------------------------------------------------------

def test_news_shows_the_latest_four_live_articles_of_the_page_language_about_that_country(client):
    maroc_fr = country("MA")
    fresh = [make_article(about=maroc_fr, days_ago=i, title=f"Maroc récent {i}") for i in range(5)]
    draft = make_article(about=maroc_fr, days_ago=-1, live=False, title="Brouillon sur le Maroc")
    other = make_article(about=country("FR"), days_ago=-2, title="Nouvelle de France")
    arabic = make_article("ar", about=maroc_fr, days_ago=-3, title="خبر عربي عن المغرب")
    news = section(get(client, "/fr/cafes/maroc/"), "country-news-title")
    titles = re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", news)
    assert titles == [p.title for p in fresh[:4]]
    assert draft.title not in news and other.title not in news and arabic.title not in news
    ar_news = section(get(client, "/ar/cafes/maroc/"), "country-news-title")
    assert arabic.title in ar_news and "Maroc récent" not in ar_news


def test_an_unpublished_article_leaves_the_news(client):
    article = make_article(about=country("MA"), days_ago=-5, title="Bientôt retiré")
    assert article.title in get(client, "/fr/cafes/maroc/")
    article.unpublish()
    assert article.title not in get(client, "/fr/cafes/maroc/")


def test_lettre_can_be_filtered_by_country(client):
    html = get(client, "/fr/lettre/?pays=MA")
    assert "Rabat accueille le premier café IA du Maroc" in html
    assert "Le kit d&#x27;animation mis à jour" not in html
    assert '<option value="MA" selected>Maroc</option>' in html
    ar = get(client, "/ar/lettre/?pays=ma")
    assert "الرباط تحتضن أول مقهى ذكاء اصطناعي في المغرب" in ar and '<option value="MA" selected>المغرب</option>' in ar
    ignored = get(client, "/fr/lettre/?pays=ZZ%3Cb%3E")
    assert "Le kit d&#x27;animation mis à jour" in ignored
    assert "ZZ&lt;b&gt;" in ignored and "ZZ<b>" not in ignored


# --- organisers -----------------------------------------------------------------------------------

def test_organisers_are_distinct_and_only_from_live_cafes_of_the_country(client):
    maroc = country("MA")
    latitudes = organisation(name="Association Latitudes", slug="association-latitudes-essai")
    hidden = Organisation.objects.create(name="Structure fantôme", slug="structure-fantome-essai", locale=maroc.locale)
    for _ in range(3):
        make_cafe(maroc, organiser=latitudes)
    make_cafe(maroc, organiser=hidden, live=False)
    organisers = section(get(client, "/fr/cafes/maroc/"), "country-organisers-title")
    assert organisers.count("Association Latitudes") == 1
    assert 'href="/fr/cafes/structures/association-latitudes-essai/"' in organisers
    assert "Structure fantôme" not in organisers


def test_an_organisation_rename_reaches_the_cached_pages(client, settings):
    settings.CAFEIA_PAGE_CACHE = True
    client.get("/fr/cafes/maroc/")
    assert client.get("/fr/cafes/maroc/")["X-Cache"] == "hit"
    version_before = counters.value("chrome:version", 1)
    org = Organisation.objects.get(slug="universite-al-akhawayn-essai", locale__language_code="fr")
    org.name = "Université Al Akhawayn, campus d’Ifrane"
    org.save()
    assert counters.value("chrome:version", 1) == version_before + 1
    response = client.get("/fr/cafes/maroc/")
    assert response["X-Cache"] == "miss"
    assert "Université Al Akhawayn, campus d’Ifrane" in response.content.decode()


# --- bad input ------------------------------------------------------------------------------------

def test_contact_and_moderators_texts_are_stored_intact_and_shown_escaped(client):
    maroc = country("MA", "ar")
    long_word = "مقهى" * 40
    maroc.contact_text = "<script>alert('x')</script> تواصلوا معنا — écrivez-nous ☕🤖 " + long_word
    maroc.moderators_text = "فريق <b>Café IA Maroc</b> 🇲🇦"
    maroc.contact_address = "<img src=x onerror=alert(1)>\nشارع محمد الخامس، الرباط"
    maroc.save_revision().publish()
    maroc.refresh_from_db()
    assert maroc.contact_text.endswith(long_word) and "☕🤖" in maroc.contact_text
    html = get(client, "/ar/cafes/maroc/")
    contact = section(html, "country-contact-title")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; تواصلوا معنا — écrivez-nous ☕🤖 " + long_word in contact
    assert "&lt;img src=x onerror=alert(1)&gt;<br>شارع محمد الخامس، الرباط" in contact
    assert "فريق &lt;b&gt;Café IA Maroc&lt;/b&gt; 🇲🇦" in section(html, "country-moderation-title")


def test_a_country_without_contact_shows_no_empty_contact_block(client):
    france = country("FR")
    france.contact_text = france.contact_email = france.contact_address = ""
    france.save_revision().publish()
    html = get(client, "/fr/cafes/france/")
    assert section(html, "country-contact-title") == ""
    assert section(html, "country-moderation-title") != ""


# --- queries --------------------------------------------------------------------------------------

def count_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/fr/cafes/maroc/", "/ar/cafes/maroc/"])
def test_country_page_query_count_does_not_grow_with_cafes_articles_and_organisers(client, url, django_assert_max_num_queries):
    maroc_fr, language = country("MA"), url.split("/")[1]
    parent = country("MA", language)

    def add(numbers):
        for i in numbers:
            org = Organisation.objects.create(name=f"Structure {i}", slug=f"structure-masse-{i}", locale=parent.locale)
            make_cafe(parent, organiser=org, audiences=["seniors"], tags=[f"t{i}"])
            make_article(language, about=maroc_fr, days_ago=i)

    add(range(5))
    before = count_queries(client, url)
    add(range(5, 15))  # three times as many
    after = count_queries(client, url)
    assert after == before, (before, after)
    assert len(section(client.get(url).content.decode(), "country-organisers-title").split("<li>")) > 15
    with django_assert_max_num_queries(33):  # 32, and the cafés' changed dates (one query for all)
        client.get(url)


# --- admin ----------------------------------------------------------------------------------------

def test_admin_groups_the_country_fields_with_french_headings(client):
    user = get_user_model().objects.create_superuser("admin-pays", "pays@example.org", "pw")
    client.force_login(user)
    maroc = country("MA")
    html = client.get(f"/admin/pages/{maroc.pk}/edit/").content.decode()
    for text in ("Contact du pays", "Modération", 'name="contact_email"', 'name="moderators_text"', "Jamais de compte utilisateur"):
        assert text in html, text
