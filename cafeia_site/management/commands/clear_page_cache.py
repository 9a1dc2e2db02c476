"""`clear_page_cache`: every stored page is stale, here and in the front cache (after a deployment: new templates)."""
from django.core.management.base import BaseCommand

from cafeia_site import purge


class Command(BaseCommand):
    help = "Marks every page of the page cache and of the front cache (if configured) as stale."
    # Run right after a deployment, whatever else the checks would say (a site address not synced yet).
    requires_system_checks = []

    def handle(self, *args, **options):
        purge.everything_changed()
        self.stdout.write("Page cache and front cache purged.")
