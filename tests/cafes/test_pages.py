"""Café pages, reports, agenda and the directory, as readers see them in each language."""
import datetime as dt
import json
import re

import pytest
from django.template import Context, Template
from django.utils import timezone
from django.utils.translation import override

from cafes.models import Animator, CafeIndexPage, CafePage, CafeReportPage, CountryPage
from home.models import HomePage

from .factories import country, make_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_demo_tree_has_index_countries_and_forty_cafes_in_three_languages():
    index = CafeIndexPage.objects.get(locale__language_code="fr")
    assert index.slug == "cafes"
    assert {c.slug: c.country_code for c in CountryPage.objects.filter(locale__language_code="fr")} == {"france": "FR", "maroc": "MA"}
    assert {c.capital for c in CountryPage.objects.filter(locale__language_code="fr")} == {"Paris", "Rabat"}
    assert CafePage.objects.live().filter(locale__language_code="fr").count() >= 40
    for code in ("ar", "en"):
        assert CafeIndexPage.objects.live().filter(locale__language_code=code).exists()
        assert CafePage.objects.live().filter(locale__language_code=code).count() >= 8
    now = timezone.now()
    fr = CafePage.objects.live().filter(locale__language_code="fr")
    assert fr.filter(end__lt=now, recurrence_weekday__isnull=True).count() >= 10
    assert fr.filter(start__gt=now).count() >= 10
    assert set(fr.exclude(recurrence_weekday=None).values_list("recurrence_weekday", flat=True)) == {2, 3}


def test_cafe_page_shows_everything(client):
    cafe = CafePage.objects.get(locale__language_code="fr", slug="lyon-2")
    html = client.get(cafe.url).content.decode()
    assert "Bibliothèque municipale de Lyon" in html
    assert "Hélène Garnier" in html and 'href="/fr/cafes/animateurs/helene-garnier/"' in html
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
    hidden = Animator.objects.get(slug="thomas-petit", locale__language_code="fr")
    cafe = make_cafe(organiser=organisation("inria-bordeaux"))
    cafe.animators.add(hidden)
    cafe.save()
    assert "Thomas Petit" not in client.get(cafe.url).content.decode()
    assert "Thomas Petit" not in client.get("/fr/cafes/structures/inria-bordeaux/").content.decode()
    assert client.get("/fr/cafes/animateurs/thomas-petit/").status_code == 404


def test_weekly_session_shows_its_rule_and_next_date(client):
    html = client.get("/fr/cafes/france/cafes-animations/").content.decode()
    assert "Chaque jeudi, 13:30–15:00" in html and "prochaine séance le jeudi" in html


def test_cafe_page_lists_its_live_reports(client):
    cafe = CafePage.objects.get(locale__language_code="fr", slug="blois-1")
    html = client.get(cafe.url).content.decode()
    report = CafeReportPage.objects.get(locale__language_code="fr", slug="premier-cafe-ia-a-blois")
    assert f'href="{report.url}"' in html
    report.unpublish()
    assert f'href="{report.url}"' not in client.get(cafe.url).content.decode()


def test_report_page_shows_questions_proposals_and_credit(client):
    report = CafeReportPage.objects.get(locale__language_code="fr", slug="premier-cafe-ia-a-blois")
    html = client.get(report.url).content.decode()
    assert "Qui est responsable quand une IA se trompe ?" in html
    assert "Organiser un café dans chaque médiathèque du département." in html
    assert "35 participants" in html
    assert "L&#x27;équipe d&#x27;animation" in html
    assert report.questions.count() == 2 and report.proposals.count() == 2
    unknown = CafeReportPage.objects.get(locale__language_code="fr", slug__startswith="orleans")
    assert "Nombre de participants non connu" in client.get(unknown.url).content.decode()


def test_report_for_an_unlisted_cafe_shows_its_name_and_town(client):
    report = CafeReportPage.objects.get(locale__language_code="fr", slug__startswith="meknes")
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
    html = client.get("/fr/cafes/agenda/").content.decode()
    assert html.count("Cafés animations") >= 3  # every Thursday left in the month... or at least several
    next_month = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).strftime("%Y-%m")
    assert f'href="?mois={next_month}"' in html
    cafe = make_cafe(days=400, title="Café dans plus d'un an")
    month = timezone.localtime(cafe.start).strftime("%Y-%m")
    assert cafe.title.replace("'", "&#x27;") in client.get(f"/fr/cafes/agenda/?mois={month}").content.decode()


def test_organisation_directory_and_page(client):
    html = client.get("/fr/cafes/structures/").content.decode()
    assert 'href="/fr/cafes/structures/loir-et-cher-tech/"' in html
    page = client.get("/fr/cafes/structures/loir-et-cher-tech/").content.decode()
    assert "Café IA à Blois" in page and "Claire Moreau" in page
    assert "/data/cafes.ics?lang=fr&amp;organiser=loir-et-cher-tech" in page


def test_organisation_page_in_arabic_uses_its_translation(client):
    html = client.get("/ar/cafes/structures/universite-al-akhawayn/").content.decode()
    assert "جامعة الأخوين" in html
    assert 'lang="ar" dir="rtl"' in html


def test_animator_page_lists_their_cafes(client):
    html = client.get("/fr/cafes/animateurs/youssef-amrani/").content.decode()
    assert "Café IA à Rabat" in html and "Université Al Akhawayn" in html


def test_translated_pages_render_in_arabic_and_english(client):
    for code in ("ar", "en"):
        for page in CafePage.objects.live().filter(locale__language_code=code)[:5]:
            response = client.get(page.url)
            assert response.status_code == 200
            assert f'<html lang="{code}"' in response.content.decode()
    html = client.get("/ar/cafes/").content.decode()
    assert "مقاهي الذكاء الاصطناعي" in html and 'dir="rtl"' in html


def test_upcoming_cafes_tag_renders_the_next_cafes(rf):
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
