"""Background tasks of the lettre: confirmation e-mails, test sends and editions sent batch after batch."""
from django_tasks import task

from .models import ArticlePage


@task()
def subscriber_confirmation_send_task(subscriber_id: int) -> None:
    from .services import subscriber_confirmation_send  # services import this module

    subscriber_confirmation_send(subscriber_id=subscriber_id)


@task()
def edition_send_batch_task(send_id: int) -> int:
    from .services import edition_send_batch  # services import this module

    remaining = edition_send_batch(send_id=send_id)
    if remaining:
        edition_send_batch_task.enqueue(send_id)
    return remaining


@task()
def edition_test_send_task(article_id: int, email: str) -> None:
    from .services import edition_test_send  # services import this module

    article = ArticlePage.objects.select_related("locale").get(pk=article_id)
    edition_test_send(article=article, email=email)
