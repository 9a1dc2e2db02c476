"""Across roles and languages: an Arabic reader reports on a Moroccan café that exists only in French; the Maroc
moderator approves it; French and English readers then find the report under the café, marked as Arabic."""
import re
import uuid

import pytest
from django.core import mail

from cafeia_site.localisation import alias_every_page
from cafes.models import CafePage, CafeReportPage
from contributions.choices import ContributionKind, Status
from contributions.models import Contribution
from contributions.services import contribution_confirm, contribution_submit
from contributions.tokens import make_token
from tests.cafes.factories import make_cafe

from .conftest import act

pytestmark = pytest.mark.django_db

REPORT_AR = {
    "title": "محضر: مقهى إفران", "cafe": None, "cafe_name": "", "cafe_city": "", "country": "MA", "date": "",
    "participants": 12, "audiences": ["etudiants"], "themes": "التعليم", "summary": "نقاش بين الطلبة حول الذكاء الاصطناعي.",
    "questions": ["من يراقب الخوارزميات؟"], "proposals": [], "quotes": [], "author_credit_mode": "anonymous",
    "author_credit": "",
}


def test_an_arabic_report_on_a_french_only_cafe_reaches_every_language(client, moderation_tree,
                                                                      django_capture_on_commit_callbacks):
    ifrane = make_cafe(moderation_tree.tree.countries["MA"]["fr"], title="Café IA à Ifrane", slug="ifrane", days=-3)
    alias_every_page()
    ifrane_ar = CafePage.objects.get(alias_of=ifrane, locale__language_code="ar")
    # The Arabic form offers the café, though it has no Arabic version.
    form = client.get("/ar/contribuer/compte-rendu/").content.decode()
    assert re.search(rf'<option value="{ifrane_ar.pk}"[^>]*>Café IA à Ifrane', form)

    data = {**REPORT_AR, "cafe": ifrane_ar.pk, "date": ifrane.start.date().isoformat()}
    with django_capture_on_commit_callbacks(execute=True):
        contribution, _ = contribution_submit(kind=ContributionKind.REPORT, data=data, email="ifrane@example.org",
                                              language_code="ar", submission_key=uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        contribution_confirm(token=make_token(contribution.public_id, "confirm"))
    contribution.refresh_from_db()
    report = contribution.page.specific
    assert report.get_parent().pk == ifrane_ar.pk and not report.live
    # Nothing unmoderated is public, in any language.
    assert not CafeReportPage.objects.filter(translation_key=report.translation_key).exclude(pk=report.pk).exists()
    for code in ("fr", "ar", "en"):
        assert "مقهى إفران" not in client.get(f"/{code}/cafes/maroc/ifrane/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        act(report, moderation_tree.users["moderateur-maroc"], "approve")
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED
    assert any("مقهى إفران" in m.subject or "مقهى إفران" in m.body for m in mail.outbox if "ifrane@example.org" in m.to)

    french = client.get("/fr/cafes/maroc/ifrane/").content.decode()
    assert re.search(r'<a href="/fr/cafes/maroc/ifrane/[^"]+" lang="ar" dir="rtl"><bdi>محضر: مقهى إفران</bdi></a>', french)
    alias_fr = CafeReportPage.objects.get(alias_of=report, locale__language_code="fr")
    assert alias_fr.get_parent().pk == ifrane.pk and alias_fr.live
    page = client.get(alias_fr.url).content.decode()
    assert '<h1 lang="ar" dir="rtl">محضر: مقهى إفران</h1>' in page
    assert Contribution.objects.get(pk=contribution.pk).page_id == report.pk  # the contribution keeps its original
