"""`run_worker`: django-tasks-db's `db_worker`, kept running when the database connection is lost.

`db_worker` exits on the first `OperationalError` that is not a locked SQLite file: a database
restart, a failover or a network cut of a few seconds stopped it for good, and the queued e-mails
(confirmation links among them) waited for someone to notice. This command runs the same worker
loop, with the same options; on a lost connection it closes what is broken, waits (1 s, 2 s, 4 s…
up to `--max-backoff`), logs it, and starts the loop again. A task that was running when the
connection went is settled once the database is back: recorded as done if it had finished (only its
result could not be written: an e-mail already handed to the server is not sent twice), queued again
otherwise. Anything else still stops the process, for the service manager to restart
(deploy/cafeia-worker.service).
"""
import logging
import time
import traceback

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks_db.compat import task_finished, task_started
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("cafeia_site.worker")

CONNECTION_LOST = (OperationalError, InterfaceError)
FIRST_DELAY = 1.0
HEALTHY_SECONDS = 60.0  # after this long without an error, the next wait starts again from FIRST_DELAY


def backoff(first: float, most: float):
    """1, 2, 4, 8… seconds, never more than `most`."""
    delay = first
    while True:
        yield min(delay, most)
        delay *= 2


def close_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            pass  # already broken: Django forgets it all the same


def _while_recording_success(error: BaseException) -> bool:
    """Whether the connection went while the worker wrote down a task's success (the task itself had run)."""
    seen = error
    while seen is not None:
        if any(frame.name == "set_successful" for frame in traceback.extract_tb(seen.__traceback__)):
            return True
        seen = seen.__context__
    return False


class RunningTask:
    """Which task the worker is inside, from the worker's own signals: the one to settle if the
    connection goes before its result is recorded."""

    def __init__(self):
        self.task_id = None
        self.lost_by = None

    def listen(self) -> None:
        task_started.connect(self.started, weak=False, dispatch_uid=f"cafeia-worker-started-{id(self)}")
        task_finished.connect(self.finished, weak=False, dispatch_uid=f"cafeia-worker-finished-{id(self)}")

    def stop_listening(self) -> None:
        task_started.disconnect(dispatch_uid=f"cafeia-worker-started-{id(self)}")
        task_finished.disconnect(dispatch_uid=f"cafeia-worker-finished-{id(self)}")

    def started(self, sender, task_result, **kwargs):
        self.task_id = task_result.id

    def finished(self, sender, task_result, **kwargs):
        self.task_id = None

    def interrupted(self, error: BaseException) -> None:
        if self.task_id is not None and self.lost_by is None:
            self.lost_by = error

    def settle(self) -> None:
        """Once the database answers again: the interrupted task recorded as done, or queued again."""
        if self.task_id is None:
            return
        running = DBTaskResult.objects.filter(pk=self.task_id, status="RUNNING")
        if self.lost_by is not None and _while_recording_success(self.lost_by):
            if running.update(status="SUCCESSFUL", finished_at=timezone.now(), exception_class_path="", traceback=""):
                logger.warning("Task %s had finished when the connection was lost: recorded as done", self.task_id)
        elif running.update(status="READY"):
            logger.warning("Task %s was interrupted by the lost connection: queued again", self.task_id)
        self.task_id, self.lost_by = None, None


class Command(db_worker.Command):
    help = "Run the database task worker; on a lost database connection, reconnect with backoff and carry on."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--max-backoff", type=db_worker.valid_interval, default=30.0,
            help="Longest wait, in seconds, between two reconnection attempts (default: %(default)r)",
        )

    def handle(self, *, max_backoff: float, **options):
        # Never the autoreloader: a code change is a deployment, and the service manager restarts us.
        options["reload"] = False
        running = RunningTask()
        running.listen()
        try:
            self.run_until_stopped(running, max_backoff, options)
        finally:
            running.stop_listening()

    def run_until_stopped(self, running: RunningTask, max_backoff: float, options: dict) -> None:
        delays = backoff(FIRST_DELAY, max_backoff)
        restarts, lost_at = 0, None
        while True:
            began = time.monotonic()
            try:
                connections[DBTaskResult.objects.db].ensure_connection()  # fails while the database is still away
                running.settle()
                if lost_at is not None:
                    logger.warning("Database reachable again after %.1f s: worker restarted (%d restarts so far)",
                                   time.monotonic() - lost_at, restarts)
                    lost_at = None
                return super().handle(**options)  # its loop ends on a signal, --batch or --max-tasks
            except CONNECTION_LOST as exc:
                running.interrupted(exc)
                if time.monotonic() - began >= HEALTHY_SECONDS:
                    delays = backoff(FIRST_DELAY, max_backoff)
                delay = next(delays)
                restarts += 1
                lost_at = lost_at or time.monotonic()
                logger.warning("Database connection lost (%s: %s); restart %d in %.1f s",
                               type(exc).__name__, str(exc).strip().splitlines()[0] if str(exc).strip() else "", restarts, delay)
                close_connections()
                time.sleep(delay)
