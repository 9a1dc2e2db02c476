"""Admin: the directory snippets (organisations, animators) in one menu."""
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Animator, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "city"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "city"]


class AnimatorViewSet(SnippetViewSet):
    model = Animator
    icon = "user"
    list_display = ["name", "organisation", "listed"]
    list_filter = ["listed", "locale"]
    search_fields = ["name"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Annuaire des cafés")
    menu_icon = "group"
    menu_order = 250
    items = (OrganisationViewSet, AnimatorViewSet)


register_snippet(DirectoryGroup)
