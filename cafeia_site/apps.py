"""The project package is also the app for what every section shares."""
from django.apps import AppConfig


class CafeiaSiteConfig(AppConfig):
    name = "cafeia_site"
    verbose_name = "Café IA"

    def ready(self):
        from . import page_cache, signals  # noqa: F401 (page_cache registers its Wagtail hooks)
        from .personal_data import register_defaults

        signals.connect()
        register_defaults()
