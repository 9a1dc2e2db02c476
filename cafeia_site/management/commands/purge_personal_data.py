"""Apply the retention periods: run daily (cron or a systemd timer)."""
from django.core.management.base import BaseCommand
from django.utils import timezone

from cafeia_site import personal_data


class Command(BaseCommand):
    help = "Delete personal data past its retention period, in every registered app. Run it daily."

    def handle(self, *args, **options):
        purged = personal_data.purge(timezone.now())
        for label, count in purged.items():
            self.stdout.write(f"{label}: {count} purged")
