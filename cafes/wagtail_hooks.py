"""Admin: the directory snippets (organisations, animators) in one menu; the organisers' changes in page histories."""
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Animator, Organisation
from .updates import LOG_ACTION


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


@hooks.register("register_log_actions")
def register_organiser_update(actions):
    actions.register_action(LOG_ACTION, _("Mis à jour par l'organisateur"),
                            _("Mis à jour par l'organisateur : état ou séances, par son lien privé"))
