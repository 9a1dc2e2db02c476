"""Contributions: public forms and their moderation."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Contributions")

    def ready(self):
        from cafeia_site import personal_data as registry

        from . import personal_data, signals, workflow_names

        signals.connect()
        workflow_names.connect()
        registry.register("contributions", exporter=personal_data.export, deleter=personal_data.delete, purger=personal_data.purge)
