"""Admin: the translatable footer text, next to the site settings that choose it."""
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FooterContent


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "doc-full"
    menu_label = _("Textes du pied de page")
    add_to_settings_menu = True
    list_display = ["name", "locale"]
    list_filter = ["locale"]


register_snippet(FooterContentViewSet)
