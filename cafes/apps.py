"""Cafés: café pages, map, agenda, organisers and their feeds."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CafesConfig(AppConfig):
    name = "cafes"
    verbose_name = _("Cafés")

    def ready(self):
        from . import signals  # models load after apps.py: Django's rule for ready()

        signals.connect()
