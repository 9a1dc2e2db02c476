"""Home, free pages and the lettre."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Accueil et lettre")

    def ready(self):
        # Imported once the app registry is ready: these modules use the models.
        from cafeia_site import personal_data as registry

        from .lettre import personal_data

        registry.register("lettre", exporter=personal_data.export, deleter=personal_data.delete, purger=personal_data.purge)
