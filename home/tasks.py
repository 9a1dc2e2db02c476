"""Background tasks of the lettre: confirmation e-mails and sending editions batch after batch."""
from django_tasks import task


@task()
def send_subscription_confirmation(subscriber_id: int) -> None:
    from .emails import send_confirmation
    from .services import issue_confirmation_token
    from .subscription_models import Subscriber

    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return
    token = issue_confirmation_token(subscriber=subscriber)
    send_confirmation(email=subscriber.email, language=subscriber.language, token=token)


@task()
def send_edition_batch(send_id: int) -> int:
    from . import services

    remaining = services.send_edition_batch(send_id=send_id)
    if remaining:
        send_edition_batch.enqueue(send_id)
    return remaining


@task()
def send_test_edition(article_id: int, email: str) -> None:
    from . import services
    from .lettre_models import ArticlePage

    article = ArticlePage.objects.select_related("locale").get(pk=article_id)
    services.send_test_edition(article=article, email=email)
