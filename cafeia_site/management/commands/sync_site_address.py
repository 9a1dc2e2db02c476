"""Points the default Wagtail Site at WAGTAILADMIN_BASE_URL, so every absolute link uses the public address."""
from django.core.management.base import BaseCommand, CommandError

from cafeia_site.site_address import AddressError, public_base_url, site_address_sync


class Command(BaseCommand):
    help = "Set the default Site's hostname and port from WAGTAILADMIN_BASE_URL (run after changing it)."
    requires_system_checks = []  # the check this command fixes would stop it

    def handle(self, *args, **options):
        try:
            site = site_address_sync()
        except AddressError as exc:
            raise CommandError(str(exc))
        if site is None:
            raise CommandError("No default Site yet: run `python manage.py migrate` first.")
        self.stdout.write(self.style.SUCCESS(f"Site {site.site_name or site.pk}: {site.root_url} ({public_base_url()})"))
