"""Erase lettre subscription requests never confirmed after 7 days (run daily, e.g. from cron)."""
from django.core.management.base import BaseCommand

from home.services import purge_unconfirmed


class Command(BaseCommand):
    help = "Erase lettre subscription requests that were never confirmed (older than 7 days)."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_unconfirmed()} unconfirmed subscription request(s) erased.")
