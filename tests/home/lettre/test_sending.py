"""Sending an edition: N subscribers get N messages once, a crash resumes without duplicates, admin flow."""
from collections import Counter

import pytest
from django.core import mail

from home.lettre import services
from home.models import ArticlePage, Delivery, EditionSend, Subscriber

from .mail_backends import FailOnKthMessage

pytestmark = pytest.mark.django_db


def _send(edition, capture, user=None):
    with capture(execute=True):
        return services.edition_send_start(article=edition, user=user)


def test_n_subscribers_get_n_messages_once(edition, make_subscriber, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(services, "BATCH_SIZE", 4)  # several batches, each its own task
    confirmed = [make_subscriber() for _ in range(10)]
    make_subscriber(status=Subscriber.Status.PENDING)
    make_subscriber(status=Subscriber.Status.UNSUBSCRIBED)
    make_subscriber(language="ar")
    send = _send(edition, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in confirmed)
    send.refresh_from_db()
    assert send.status == EditionSend.Status.DONE
    assert Delivery.objects.filter(article=edition, status=Delivery.Status.SENT).count() == 10

    _send(edition, django_capture_on_commit_callbacks)  # re-running sends nothing more
    assert len(mail.outbox) == 10


def test_batches_go_through_separate_tasks(edition, make_subscriber, django_capture_on_commit_callbacks, monkeypatch):
    from home.lettre import tasks

    monkeypatch.setattr(services, "BATCH_SIZE", 3)
    calls = []
    original = services.edition_send_batch
    monkeypatch.setattr(services, "edition_send_batch", lambda **kw: calls.append(kw) or original(**kw))
    for _ in range(7):
        make_subscriber()
    _send(edition, django_capture_on_commit_callbacks)
    assert len(calls) == 3 and len(mail.outbox) == 7
    assert tasks.edition_send_batch_task.name.endswith("edition_send_batch_task")


def test_a_failure_mid_way_then_a_resume_completes_without_duplicates(edition, make_subscriber, django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = "tests.home.lettre.mail_backends.FailOnKthMessage"
    FailOnKthMessage.seen, FailOnKthMessage.fail_at = 0, 4
    try:
        subscribers = [make_subscriber() for _ in range(7)]
        send = _send(edition, django_capture_on_commit_callbacks)
        send.refresh_from_db()
        assert send.status == EditionSend.Status.FAILED
        assert "simulated" in send.last_error
        assert len(mail.outbox) == 3
        assert Delivery.objects.filter(article=edition, status=Delivery.Status.FAILED).count() == 1

        _send(edition, django_capture_on_commit_callbacks)  # resume: the SMTP server is back
        received = Counter(m.to[0] for m in mail.outbox)
        assert received == Counter({s.email: 1 for s in subscribers})
        send.refresh_from_db()
        assert send.status == EditionSend.Status.DONE
    finally:
        FailOnKthMessage.fail_at = None


def test_a_delivery_whose_outcome_is_unknown_is_never_sent_twice(edition, make_subscriber, django_capture_on_commit_callbacks):
    lost = make_subscriber()
    other = make_subscriber()
    Delivery.objects.create(subscriber=lost, article=edition, status=Delivery.Status.SENDING)  # worker died mid-SMTP
    _send(edition, django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox] == [other.email]


def test_message_has_html_text_and_one_click_unsubscribe(edition, make_subscriber, django_capture_on_commit_callbacks):
    subscriber = make_subscriber()
    _send(edition, django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert message.subject == "Lettre n° 3 : Des cafés IA partout en France"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "huit cafés ont eu lieu" in message.body and "huit cafés ont eu lieu" in html
    assert "( https://tube.cafeia.example/w/cafe-ia-grenoble )" in message.body  # links survive in plain text
    assert "<" not in message.body
    one_click = f"http://testserver/fr/abonnement/desinscription/{subscriber.unsubscribe_token}/un-clic/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{one_click}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page = f"http://testserver/fr/abonnement/desinscription/{subscriber.unsubscribe_token}/"
    assert page in message.body and page in html
    assert 'src="http://testserver/media/' in html and "<iframe" not in html


def test_arabic_edition_goes_to_arabic_subscribers_in_arabic(edition, make_subscriber, django_capture_on_commit_callbacks):
    edition_ar = ArticlePage.objects.get(translation_key=edition.translation_key, locale__language_code="ar")
    make_subscriber(language="fr")
    arabic = make_subscriber(language="ar")
    _send(edition_ar, django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox] == [arabic.email]
    html = mail.outbox[0].alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html
    assert "مقاهي الذكاء الاصطناعي في كل أنحاء فرنسا" in mail.outbox[0].subject


def test_an_unpublished_edition_cannot_be_sent(edition):
    from django.core.exceptions import ValidationError

    edition.unpublish()
    with pytest.raises(ValidationError):
        services.edition_send_start(article=edition)


def test_admin_send_view_previews_tests_and_sends(client, edition, make_subscriber, django_capture_on_commit_callbacks, django_user_model):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "pw")
    client.force_login(admin)
    make_subscriber()
    url = f"/admin/lettre/envoyer/{edition.pk}/"
    edit_page = client.get(f"/admin/pages/{edition.pk}/edit/").content.decode()
    assert url in edit_page  # the page's action menu offers it
    html = client.get(url).content.decode()
    assert "Aperçu" in html and "srcdoc=" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "test"})
    assert [m.to for m in mail.outbox] == [["chef@example.org"]]
    assert mail.outbox[0].subject.startswith("[TEST]")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "send"})
    assert len(mail.outbox) == 2
    assert EditionSend.objects.get(article=edition).status == EditionSend.Status.DONE


def test_admin_send_view_is_refused_to_people_who_cannot_publish(client, edition, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("lecteur", "l@example.org", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(f"/admin/lettre/envoyer/{edition.pk}/")
    assert response.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect with a message
    assert b"srcdoc" not in response.content
