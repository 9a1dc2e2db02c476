"""Background tasks of contributions: the e-mails to contributors."""
from django_tasks import task


@task()
def contribution_email_send_task(*, contribution_id: int, message: str) -> None:
    # services import this task to fire it on commit.
    from .services import contribution_email_send

    contribution_email_send(contribution_id=contribution_id, message=message)
