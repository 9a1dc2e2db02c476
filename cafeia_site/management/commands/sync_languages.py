"""Makes every live page readable in every language: a Wagtail alias wherever a page has no version yet.

Publishing does this page by page (cafeia_site.signals); run it after importing pages by other means.
"""
from django.core.management.base import BaseCommand

from cafeia_site.localisation import alias_every_page


class Command(BaseCommand):
    help = "Create an alias of each live page in every language where it has no translation (idempotent)."

    def handle(self, *args, **options):
        made = alias_every_page()
        self.stdout.write(f"{made} alias(es) created.")
