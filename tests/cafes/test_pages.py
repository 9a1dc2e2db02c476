"""Café pages, reports, agenda and the directory, as readers see them in each language."""
import datetime as dt
import itertools
import json
import re

import pytest
from django.template import Context, Template
from django.utils import timezone
from django.utils.translation import override

from cafes.models import CafeIndexPage, CafePage, CafeReportPage, CountryPage
from cafes.models.reports import ReportProposal, ReportQuestion
from home.models import HomePage
from tests.factories import AnimatorFactory, locale

from .factories import country, home, make_cafe, make_weekly_cafe, organisation

_counter = itertools.count(1)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


@pytest.fixture
def lyon():
    """A café of the Lyon library, with a listed animator, step-free access and no price."""
    library = organisation(name="Bibliothèque municipale de Lyon", slug="bibliotheque-lyon-essai")
    helene = AnimatorFactory(name="Hélène Garnier", slug="helene-garnier-essai", organisation=library)
    cafe = make_cafe(title="Café IA à Lyon", city="Lyon", organiser=library, accessibility=["plain-pied"], price="",
                     summary="Parlons d'IA à la bibliothèque.")
    cafe.animators.add(helene)
    cafe.save()
    return cafe


def make_report(parent, *, questions=(), proposals=(), **fields) -> CafeReportPage:
    n = next(_counter)
    values = {"title": f"Compte rendu d'essai {n}", "slug": f"compte-rendu-essai-{n}", "date": dt.date(2025, 3, 4),
              "summary": "Ce qui s'est passé.", **fields}
    report = CafeReportPage(**values)
    report.questions = [ReportQuestion(text=text) for text in questions]
    report.proposals = [ReportProposal(text=text) for text in proposals]
    parent.add_child(instance=report)
    return report


def test_cafe_page_shows_everything(client, lyon):
    cafe = lyon
    html = client.get(cafe.url).content.decode()
    assert "Bibliothèque municipale de Lyon" in html
    assert "Hélène Garnier" in html and 'href="/fr/cafes/animateurs/helene-garnier-essai/"' in html
    assert "Accès de plain-pied" in html
    assert "Gratuit" in html
    assert f'href="/data/cafes/{cafe.pk}.ics"' in html
    assert 'data-cafe-map data-geojson-id="cafe-point"' in html
    assert '<meta property="og:title"' in html and '<meta property="og:description"' in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["@type"] == "Event" and ld["name"] == cafe.title
    assert ld["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert ld["organizer"]["name"] == "Bibliothèque municipale de Lyon"


def test_json_ld_cannot_be_broken_out_of(client):
    cafe = make_cafe(title="</script><script>alert(1)</script>", summary="<!-- & -->")
    html = client.get(cafe.url).content.decode()
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in ld and json.loads(ld)["name"] == cafe.title


def test_unlisted_animators_never_appear(client):
    inria = organisation(name="Inria Bordeaux", slug="inria-bordeaux-essai")
    listed = AnimatorFactory(name="Léa Martin", slug="lea-martin-essai", organisation=inria)
    hidden = AnimatorFactory(name="Thomas Petit", slug="thomas-petit-essai", organisation=inria, listed=False)
    cafe = make_cafe(organiser=inria)
    cafe.animators.add(listed, hidden)
    cafe.save()
    html = client.get(cafe.url).content.decode()
    assert "Léa Martin" in html and "Thomas Petit" not in html  # the listed one shows: the page does list animators
    structure = client.get(f"/fr/cafes/structures/{inria.slug}/").content.decode()
    assert "Léa Martin" in structure and "Thomas Petit" not in structure
    assert client.get("/fr/cafes/animateurs/lea-martin-essai/").status_code == 200
    assert client.get("/fr/cafes/animateurs/thomas-petit-essai/").status_code == 404


def test_weekly_session_shows_its_rule_and_next_date(client):
    weekly = make_weekly_cafe(weekday=3, at=dt.time(13, 30), minutes=90, title="Cafés animations", slug="cafes-animations")
    assert weekly.url == "/fr/cafes/france/cafes-animations/"
    html = client.get(weekly.url).content.decode()
    assert "Chaque jeudi, 13:30–15:00" in html and "prochaine séance le jeudi" in html


def test_cafe_page_lists_its_live_reports(client):
    cafe = make_cafe(title="Café IA à Blois", city="Blois")
    report = make_report(cafe, title="Premier café IA à Blois")
    html = client.get(cafe.url).content.decode()
    assert f'href="{report.url}"' in html
    report.unpublish()
    assert f'href="{report.url}"' not in client.get(cafe.url).content.decode()


def test_report_page_shows_questions_proposals_and_credit(client):
    cafe = make_cafe(title="Café IA à Blois", city="Blois")
    report = make_report(cafe, participants=35, author_credit="L'équipe d'animation",
                         questions=["Qui est responsable quand une IA se trompe ?", "Une IA peut-elle mentir ?"],
                         proposals=["Organiser un café dans chaque médiathèque du département.", "Un atelier par mois."])
    html = client.get(report.url).content.decode()
    assert "Qui est responsable quand une IA se trompe ?" in html
    assert "Organiser un café dans chaque médiathèque du département." in html
    assert "35 participants" in html
    assert "L&#x27;équipe d&#x27;animation" in html
    assert report.questions.count() == 2 and report.proposals.count() == 2
    unknown = make_report(make_cafe(title="Café IA à Orléans", city="Orléans"), participants=None)
    assert "Nombre de participants non connu" in client.get(unknown.url).content.decode()


def test_report_for_an_unlisted_cafe_shows_its_name_and_town(client):
    report = make_report(country("MA"), cafe_name="Café IA de la maison des jeunes", cafe_city="Meknès")
    assert report.get_parent().specific_class is CountryPage
    html = client.get(report.url).content.decode()
    assert "Café IA de la maison des jeunes" in html and "Meknès" in html


def test_report_under_a_country_needs_a_cafe_name():
    from django.core.exceptions import ValidationError

    report = CafeReportPage(title="Sans nom", slug="sans-nom", date=dt.date(2025, 1, 1))
    country("MA").add_child(instance=report)
    with pytest.raises(ValidationError):
        report.full_clean()
    form_class = CafeReportPage.get_edit_handler().get_form_class()
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = nested_form_data({"title": "Sans nom", "slug": "sans-nom-2", "date": "2025-01-01", "quotes": streamfield([]),
                             "questions": inline_formset([]), "proposals": inline_formset([]), "photos": inline_formset([]),
                             "comments": inline_formset([])})
    form = form_class(data, instance=CafeReportPage(),
                      parent_page=country("MA"), for_user=None)
    assert not form.is_valid()
    assert "cafe_name" in form.errors


def test_agenda_lists_the_month_with_weekly_sessions_expanded(client):
    make_weekly_cafe(weekday=3, at=dt.time(13, 30), title="Cafés animations")
    html = client.get("/fr/cafes/agenda/").content.decode()
    assert html.count("Cafés animations") >= 3  # every Thursday left in the month... or at least several
    next_month = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).strftime("%Y-%m")
    assert f'href="?mois={next_month}"' in html
    cafe = make_cafe(days=400, title="Café dans plus d'un an")
    month = timezone.localtime(cafe.start).strftime("%Y-%m")
    assert cafe.title.replace("'", "&#x27;") in client.get(f"/fr/cafes/agenda/?mois={month}").content.decode()


def test_organisation_directory_and_page(client):
    tech = organisation(name="Loir-et-Cher Tech", slug="loir-et-cher-tech-essai")
    AnimatorFactory(name="Claire Moreau", organisation=tech)
    make_cafe(title="Café IA à Blois", city="Blois", organiser=tech)
    html = client.get("/fr/cafes/structures/").content.decode()
    assert 'href="/fr/cafes/structures/loir-et-cher-tech-essai/"' in html
    page = client.get("/fr/cafes/structures/loir-et-cher-tech-essai/").content.decode()
    assert "Café IA à Blois" in page and "Claire Moreau" in page
    assert "/data/cafes.ics?lang=fr&amp;organiser=loir-et-cher-tech-essai" in page


def test_organisation_page_in_arabic_uses_its_translation(client):
    university = organisation(name="Université Al Akhawayn", slug="universite-al-akhawayn-essai")
    translated = university.copy_for_translation(locale("ar"))
    translated.name = "جامعة الأخوين"
    translated.save()
    html = client.get(f"/ar/cafes/structures/{university.slug}/").content.decode()
    assert "جامعة الأخوين" in html
    assert 'lang="ar" dir="rtl"' in html


def test_animator_page_lists_their_cafes(client):
    university = organisation(name="Université Al Akhawayn", slug="universite-al-akhawayn-essai")
    youssef = AnimatorFactory(name="Youssef Amrani", slug="youssef-amrani-essai", organisation=university)
    cafe = make_cafe(country("MA"), title="Café IA à Rabat", city="Rabat", organiser=university)
    cafe.animators.add(youssef)
    cafe.save()
    html = client.get("/fr/cafes/animateurs/youssef-amrani-essai/").content.decode()
    assert "Café IA à Rabat" in html and "Université Al Akhawayn" in html


def test_translated_pages_render_in_arabic_and_english(client):
    for code in ("ar", "en"):
        for parent in (country("FR", code), country("MA", code)):
            make_cafe(parent)
    for code in ("ar", "en"):
        for page in CafePage.objects.live().descendant_of(home(code))[:5]:
            response = client.get(page.url)
            assert response.status_code == 200
            assert f'<html lang="{code}"' in response.content.decode()
    html = client.get("/ar/cafes/").content.decode()
    assert "مقاهي الذكاء الاصطناعي" in html and 'dir="rtl"' in html


def test_upcoming_cafes_tag_renders_the_next_cafes(rf):
    for days in (3, 4, 5):
        make_cafe(days=days)
    with override("fr"):
        html = Template("{% load cafes_upcoming %}{% upcoming_cafes 2 title='Bientôt' %}").render(
            Context({"request": rf.get("/fr/")})
        )
    assert "Bientôt" in html
    assert html.count('<li class="card">') == 2
    assert 'href="/fr/cafes/"' in html


def test_home_accepts_a_cafe_index():
    assert CafeIndexPage in HomePage.allowed_subpage_models()
    assert Template("{% load cafes %}ok").render(Context()) == "ok"
