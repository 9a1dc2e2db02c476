"""Delete (or anonymise) every personal datum held about one e-mail address (erasure request)."""
from django.core.management.base import BaseCommand
from django.db import transaction

from cafeia_site import personal_data


class Command(BaseCommand):
    help = "Delete the personal data held about an e-mail address, in every registered app."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--dry-run", action="store_true", help="Show what would be deleted, delete nothing.")

    def handle(self, *args, email, dry_run=False, **options):
        if dry_run:
            found = personal_data.export(email)
            for label, records in found.items():
                self.stdout.write(f"{label}: {len(records)} record(s) would be deleted")
            return
        with transaction.atomic():
            deleted = personal_data.delete(email)
        for label, result in deleted.items():
            self.stdout.write(f"{label}: {result.count} deleted" + (f" ({result.note})" if result.note else ""))
        self.stdout.write(self.style.SUCCESS(f"Personal data of {email} deleted."))
