"""Benchmarks (`make bench`): the moderators' list with 1,000 pending contributions, the synthesis with 5,000 reports."""
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from cafes import synthesis
from cafes.models import CountryPage, SynthesisPage
from contributions.choices import ContributionKind, Status
from contributions.models import Contribution

from . import volume
from .bench_cafes import queries, timed

pytestmark = [pytest.mark.perf, pytest.mark.django_db]


def test_moderators_list_with_1000_pending_contributions(client):
    france = CountryPage.objects.get(locale__language_code="fr", country_code="FR")
    locale = Locale.objects.get(language_code="fr")
    Contribution.objects.bulk_create([
        Contribution(kind=ContributionKind.REPORT, locale=locale, country_code="FR", email=f"p{i}@example.org", consent_at=timezone.now(),
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


def test_synthesis_with_5000_published_reports(client):
    france = CountryPage.objects.get(locale__language_code="fr", country_code="FR")
    volume.reports(france, 5000)
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
