"""Benchmarks (`make bench`): the moderators' list with 1,000 pending contributions, the synthesis with 5,000 reports."""
import time
import uuid
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page

from cafes import synthesis
from cafes.models import CafeReportPage, CountryPage, SynthesisPage
from cafes.models.reports import ReportQuestion
from contributions.models import Contribution, Kind, Status

from .bench_cafes import BATCH, queries, timed

pytestmark = [pytest.mark.perf, pytest.mark.django_db]


def test_moderators_list_with_1000_pending_contributions(client):
    france = CountryPage.objects.get(locale__language_code="fr", country_code="FR")
    locale = Locale.objects.get(language_code="fr")
    Contribution.objects.bulk_create([
        Contribution(kind=Kind.REPORT, locale=locale, country_code="FR", email=f"p{i}@example.org", consent_at=timezone.now(),
                     consent_version="bench", data={"title": f"Compte rendu {i}"}, submission_key=uuid.uuid4(),
                     target_path=france.path, status=Status.IN_MODERATION)
        for i in range(1000)
    ])
    user = get_user_model().objects.create_user("bench-modo", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Modérateurs"))
    client.force_login(user)
    n, size = queries(client, "/admin/contributions/")
    ms = timed(client, "/admin/contributions/")
    print(f"\nmoderators' list, 1,000 pending: {n} queries, {ms:.0f} ms median, {size / 1024:.0f} KB")


def _bulk_reports(country, n):
    country.refresh_from_db()
    content_type = ContentType.objects.get_for_model(CafeReportPage)
    now = timezone.now()
    pages = []
    for i in range(n):
        slug = f"bench-cr-{i}"
        pages.append(Page(
            title=f"Compte rendu {i}", draft_title=f"Compte rendu {i}", slug=slug,
            path=Page._get_path(country.path, country.depth + 1, country.numchild + 1 + i), depth=country.depth + 1,
            numchild=0, url_path=f"{country.url_path}{slug}/", content_type=content_type, locale_id=country.locale_id,
            live=True, has_unpublished_changes=False, translation_key=uuid.uuid4(), first_published_at=now, last_published_at=now,
        ))
    created = []
    for k in range(0, n, BATCH):
        created += Page.objects.bulk_create(pages[k:k + BATCH])
    fields = list(CafeReportPage._meta.local_concrete_fields)
    year = synthesis.current_year()
    rows = []
    for i, page in enumerate(created):
        report = CafeReportPage(page_ptr_id=page.pk, date=date(year, 1 + i % 12, 1 + i % 28), participants=None if i % 9 == 0 else 5 + i % 40,
                                summary="…", quotes="[]", cafe_name=f"Café {i}", cafe_city=f"Ville {i % 300}")
        report.page_ptr = page
        rows.append(report)
    for k in range(0, n, BATCH):
        CafeReportPage.objects._insert(rows[k:k + BATCH], fields=fields, using="default")
    ReportQuestion.objects.bulk_create([ReportQuestion(page_id=p.pk, text=f"Question {i}", sort_order=0) for i, p in enumerate(created)])
    CountryPage.objects.filter(pk=country.pk).update(numchild=country.numchild + n)


def test_synthesis_with_5000_published_reports(client):
    france = CountryPage.objects.get(locale__language_code="fr", country_code="FR")
    _bulk_reports(france, 5000)
    page = SynthesisPage.objects.get(locale__language_code="fr", country_code="", year=synthesis.current_year())
    url = page.url
    synthesis.invalidate()
    t = time.perf_counter()
    response = client.get(url)
    cold = (time.perf_counter() - t) * 1000
    assert response.status_code == 200
    n, size = queries(client, url)
    warm = timed(client, url)
    figures = synthesis.figures_for(year=synthesis.current_year())
    print(f"\nsynthesis, {figures.reports} reports: cold {cold:.0f} ms (figures computed), warm {warm:.0f} ms median, "
          f"{n} queries warm, {size / 1024:.0f} KB HTML")
    assert cold < 2000 and warm < 500
