"""Subscription to the lettre: double opt-in, consent kept, one-click unsubscribe, nothing leaked."""
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from home.lettre.services import CONSENT_VERSION
from home.models import Subscriber
from tests.factories import demo_account

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

FORM = {"email": "Lea@Example.org", "language": "ar", "consent": "on", "website": ""}


def _subscribe(client, capture, data=FORM, language="fr"):
    with capture(execute=True):
        return client.post(f"/{language}/abonnement/", data)


def _confirm_path(message) -> str:
    return re.search(r"http://testserver(/\w+/abonnement/confirmer/[^/\s]+/)", message.body).group(1)


def test_double_opt_in_path(client, django_capture_on_commit_callbacks):
    response = _subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/fr/abonnement/merci/"
    subscriber = Subscriber.objects.get(email="lea@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "ar"
    assert subscriber.consent_version == CONSENT_VERSION and subscriber.consent_at is not None
    assert len(mail.outbox) == 1
    path = _confirm_path(mail.outbox[0])
    assert path.startswith("/ar/")  # the confirmation is in the chosen language
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in subscriber.confirm_token_hash  # only a hash is stored

    assert client.get(path).status_code == 200  # a GET (mail scanners) confirms nothing
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    html = client.post(path).content.decode()
    assert 'notice--ok' in html
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.confirmed_at

    again = client.post(path)  # confirming twice is fine
    assert again.status_code == 200 and "notice--ok" in again.content.decode()


def test_subscribing_twice_or_when_already_confirmed_looks_the_same(client, django_capture_on_commit_callbacks, make_subscriber):
    make_subscriber("deja@example.org")
    known = _subscribe(client, django_capture_on_commit_callbacks, {**FORM, "email": "deja@example.org"})
    unknown = _subscribe(client, django_capture_on_commit_callbacks, {**FORM, "email": "nouveau@example.org"})
    twice = _subscribe(client, django_capture_on_commit_callbacks, {**FORM, "email": "nouveau@example.org"})
    assert known.status_code == unknown.status_code == twice.status_code == 302
    assert known["Location"] == unknown["Location"] == twice["Location"]
    # Only the new address gets a message, once (no mail bombing by re-submitting).
    assert [m.to for m in mail.outbox] == [["nouveau@example.org"]]
    page = client.get(known["Location"]).content.decode()
    assert "pas déjà abonnée" in page


def test_expired_link_says_so_and_confirms_nothing(client, django_capture_on_commit_callbacks):
    _subscribe(client, django_capture_on_commit_callbacks)
    Subscriber.objects.update(confirm_expires_at=timezone.now() - timedelta(minutes=1))
    html = client.post(_confirm_path(mail.outbox[0])).content.decode()
    assert "Ce lien a expiré" in html or "انتهت" in html
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize("token", ["forge", "a" * 43, "x" * 300])
def test_forged_confirmation_token_is_a_clear_page(client, token):
    response = client.post(f"/fr/abonnement/confirmer/{token}/")
    assert response.status_code == 200
    assert "pas (ou plus) valable" in response.content.decode()


def test_invalid_form_shows_errors_without_saving(client):
    response = client.post("/fr/abonnement/", {"email": "pas-une-adresse", "language": "xx"})
    assert response.status_code == 400
    assert "Le formulaire contient des erreurs" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_robot_filling_the_hidden_field_is_silently_ignored(client, django_capture_on_commit_callbacks):
    response = _subscribe(client, django_capture_on_commit_callbacks, {**FORM, "website": "http://spam"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_unsubscribe_page_and_unknown_token_look_the_same(client, make_subscriber):
    subscriber = make_subscriber()
    known = client.post(f"/fr/abonnement/desinscription/{subscriber.unsubscribe_token}/")
    unknown = client.post("/fr/abonnement/desinscription/inconnu/")
    assert known.status_code == unknown.status_code == 200
    def strip(response, token):
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return html.replace(token, "TOKEN")

    assert strip(known, subscriber.unsubscribe_token) == strip(unknown, "inconnu")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_one_click_unsubscribe_needs_no_csrf_token(make_subscriber):
    from django.test import Client

    subscriber = make_subscriber()
    client = Client(enforce_csrf_checks=True)
    url = f"/fr/abonnement/desinscription/{subscriber.unsubscribe_token}/un-clic/"
    assert client.get(url).status_code == 405
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert client.post("/fr/abonnement/desinscription/inconnu/un-clic/").status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_footer_form_is_on_every_page_and_costs_no_query(client, django_assert_max_num_queries):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    html = client.get("/fr/quest-ce-que-cafe-ia/").content.decode()
    assert 'action="/fr/abonnement/"' in html and 'id="footer-email"' in html
    request = RequestFactory().get("/fr/")
    with django_assert_max_num_queries(0):
        render_to_string("includes/footer_extra.html", {}, request=request)


def test_resubscribing_after_unsubscribing_asks_for_confirmation_again(client, django_capture_on_commit_callbacks, make_subscriber):
    make_subscriber("retour@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    _subscribe(client, django_capture_on_commit_callbacks, {**FORM, "email": "retour@example.org"})
    assert Subscriber.objects.get(email="retour@example.org").status == Subscriber.Status.PENDING
    assert len(mail.outbox) == 1


def test_unconfirmed_requests_are_erased_after_a_week(make_subscriber):
    from io import StringIO

    from django.core.management import call_command

    old = make_subscriber(status=Subscriber.Status.PENDING)
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    recent = make_subscriber(status=Subscriber.Status.PENDING)
    confirmed = make_subscriber()
    Subscriber.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - timedelta(days=80))
    call_command("purge_personal_data", stdout=StringIO())
    assert set(Subscriber.objects.values_list("pk", flat=True)) >= {recent.pk, confirmed.pk}
    assert not Subscriber.objects.filter(pk=old.pk).exists()


def test_subscribers_are_listed_in_the_admin(client, make_subscriber, django_user_model):
    admin = django_user_model.objects.create_superuser("gestion", "g@example.org", "pw")
    client.force_login(admin)
    make_subscriber("visible@example.org")
    make_subscriber("autre@example.org", language="ar")
    response = client.get("/admin/lettre/abonnes/?q=visible")
    assert response.status_code == 200
    assert "visible@example.org" in response.content.decode()
    filtered = client.get("/admin/lettre/abonnes/?language=ar&status=confirmed").content.decode()
    assert "autre@example.org" in filtered and "visible@example.org" not in filtered


@pytest.mark.parametrize(("role", "sees_them"), [
    ("administrateur", True), ("editor", False), ("moderator", False), ("moderateur-maroc", False),
])
def test_the_subscribers_list_renders_only_for_the_administrators(client, make_subscriber, role, sees_them):
    make_subscriber("liste@example.org")
    client.force_login(demo_account(role))
    response = client.get("/admin/lettre/abonnes/")
    menu = client.get("/admin/").content.decode()
    if sees_them:
        assert response.status_code == 200 and "liste@example.org" in response.content.decode()
        assert "/admin/lettre/abonnes/" in menu
    else:
        assert response.status_code == 302 and "liste@example.org" not in response.content.decode()
        assert "/admin/lettre/abonnes/" not in menu
