"""The project package is also the app for what every section shares."""
from django.apps import AppConfig
from django.db import DatabaseError
from django.db.models.signals import post_migrate


class CafeiaSiteConfig(AppConfig):
    name = "cafeia_site"
    verbose_name = "Café IA"

    def ready(self):
        # Modules that use models are imported once the app registry is ready (Django's rule for ready()).
        from . import checks, page_cache, signals  # noqa: F401 (checks and page_cache register themselves)
        from .personal_data import register_defaults

        signals.connect()
        register_defaults()
        post_migrate.connect(_sync_site_address, sender=self, dispatch_uid="cafeia_site:sync_site_address")


def _sync_site_address(using="default", **kwargs):
    # Every migrate leaves the Site on the configured public address (Wagtail's own migration makes it localhost:80).
    from .site_address import site_address_sync  # uses wagtail.models: not importable before the registry is ready

    try:
        site_address_sync()
    except DatabaseError:
        pass  # a partial migrate that left no Site table: the next full one syncs
