"""Admin: the translatable footer text, next to the site settings that choose it; the vocabulary's labels."""
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FooterContent, VocabularyTerm


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "doc-full"
    menu_label = _("Textes du pied de page")
    add_to_settings_menu = True
    list_display = ["name", "locale"]
    list_filter = ["locale"]


register_snippet(FooterContentViewSet)


class VocabularyTermViewSet(SnippetViewSet):
    """One term per tag or theme, made as the tag is; "Translate" gives its label in Arabic and English."""

    model = VocabularyTerm
    icon = "tag"
    menu_label = _("Vocabulaire")
    menu_order = 260
    list_display = ["name", "label", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "label"]


register_snippet(VocabularyTermViewSet)
