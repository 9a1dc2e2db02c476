"""Ask organisers for the report of their café once it has taken place: run daily (cron or a systemd timer)."""
from django.core.management.base import BaseCommand

from contributions.services import report_reminders_send


class Command(BaseCommand):
    help = "E-mail each declared café's organiser, once a session is over, a link to its report form (prefilled). Run it daily."

    def handle(self, *args, **options):
        self.stdout.write(f"{report_reminders_send()} reminders queued")
