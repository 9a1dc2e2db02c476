"""The moderators' Contributions queue: scope per country, filters and sorts, bulk decisions, constant queries."""
import html

import pytest
from django.conf import settings
from django.core import mail

from contributions.models import Contribution, Status

from .test_flow import CAFE, TESTIMONY, _submit_and_confirm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_queue")]


def test_maroc_moderator_cannot_see_or_act_on_a_french_contribution(client, submit, confirm, moderators):
    french = _submit_and_confirm(submit, confirm, "cafe", CAFE, email="fr@example.org")
    client.force_login(moderators["MA"])
    html = client.get("/admin/contributions/").content.decode()
    assert "fr@example.org" not in html and french.title not in html
    assert client.get(f"/admin/contributions/{french.pk}/", follow=True).status_code == 404
    client.post("/admin/contributions/bulk/", {"ids": [french.pk], "action": "approve"})
    french.refresh_from_db()
    assert french.status == Status.IN_MODERATION
    client.force_login(moderators["FR"])
    assert french.title in client.get("/admin/contributions/").content.decode()


def test_bulk_approve_and_bulk_refuse(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    a = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY}, email="a@example.org")
    b = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY, "person_name": "B"}, email="b@example.org")
    c = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY, "person_name": "C"}, email="c@example.org")
    client.force_login(moderators["FR"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/contributions/bulk/", {"ids": [a.pk, b.pk], "action": "approve"})
    response = client.post("/admin/contributions/bulk/", {"ids": [c.pk], "action": "refuse", "comment": ""})
    assert Contribution.objects.get(pk=c.pk).status == Status.IN_MODERATION  # a reason is required
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/contributions/bulk/", {"ids": [c.pk], "action": "refuse", "comment": "Hors sujet"})
    statuses = dict(Contribution.objects.filter(pk__in=[a.pk, b.pk, c.pk]).values_list("pk", "status"))
    assert statuses == {a.pk: Status.PUBLISHED, b.pk: Status.PUBLISHED, c.pk: Status.REJECTED}
    assert "Hors sujet" in mail.outbox[-1].body
    assert response.status_code == 302


def test_moderators_list_runs_a_constant_number_of_queries(client, moderators, module_moderation_queue,
                                                           django_assert_max_num_queries):
    import uuid

    from django.utils import timezone
    from wagtail.models import Locale

    from contributions.choices import ContributionKind

    france = module_moderation_queue.tree.countries["FR"]["fr"]
    locale = Locale.objects.get(language_code="fr")

    def make(n):
        Contribution.objects.bulk_create([
            Contribution(kind=ContributionKind.CAFE, locale=locale, country_code="FR", email=f"bulk{i}-{n}@example.org",
                         consent_at=timezone.now(), consent_version="t", data={"title": f"Café {i}"},
                         submission_key=uuid.uuid4(), target_path=france.path, status=Status.IN_MODERATION)
            for i in range(n)
        ])

    client.force_login(moderators["FR"])
    make(10)
    client.get("/admin/contributions/")
    with django_assert_max_num_queries(30) as small:
        client.get("/admin/contributions/")
    make(1000)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/admin/contributions/")
    assert response.status_code == 200


def _queue(client, query="") -> str:
    response = client.get(f"/admin/contributions/{query}")
    assert response.status_code == 200, query
    return html.unescape(response.content.decode())


def test_the_queue_filters_by_kind_status_country_and_language_and_sorts_by_age(client, pending):
    report, testimony, fmt, rabat = (
        pending(email).title
        for email in ("lectrice@example.org", "temoin@example.org", "format@example.org", "rabat@example.org")
    )
    client.login(username="moderator", password=settings.DEMO_PASSWORDS["moderator"])
    by_kind = _queue(client, "?kind=testimony")
    assert testimony in by_kind and report not in by_kind
    assert testimony not in _queue(client, "?status=published")
    by_country = _queue(client, "?country=fr")  # as typed, in either case
    assert testimony in by_country and fmt not in by_country
    oldest_first, newest_first = _queue(client, "?ordering=created_at"), _queue(client, "?ordering=-created_at")
    assert oldest_first.index(report) < oldest_first.index(testimony)
    assert newest_first.index(testimony) < newest_first.index(report)
    assert report in _queue(client, "?kind=bogus&ordering=bogus")  # a value it does not know filters nothing
    client.login(username="administrateur", password=settings.DEMO_PASSWORDS["administrateur"])
    in_arabic = _queue(client, "?language=ar")
    assert rabat in in_arabic and testimony not in in_arabic


def test_the_queue_offers_no_way_to_add_edit_or_delete_a_contribution(client, pending):
    contribution = pending("temoin@example.org")
    client.login(username="administrateur", password=settings.DEMO_PASSWORDS["administrateur"])
    for url in ["new/", f"edit/{contribution.pk}/", f"delete/{contribution.pk}/", f"copy/{contribution.pk}/"]:
        response = client.get(f"/admin/contributions/{url}", follow=True)
        assert response.status_code == 404, url
