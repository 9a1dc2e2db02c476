"""Admin wiring of the lettre: the "send this edition" view and menu item, the subscribers list."""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import send_edition
from .lettre_models import ArticlePage
from .subscription_models import Subscriber


@hooks.register("register_admin_urls")
def lettre_admin_urls():
    return [path("lettre/envoyer/<int:page_id>/", send_edition, name="lettre_send_edition")]


class SendEditionMenuItem(ActionMenuItem):
    label = _("Envoyer par e-mail…")
    name = "action-send-edition"
    icon_name = "mail"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        if context.get("view") != "edit" or not isinstance(page, ArticlePage) or not page.live:
            return False
        return self.get_user_page_permissions_tester(context).can_publish()

    def get_url(self, context):
        return reverse("lettre_send_edition", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def send_edition_menu_item():
    return SendEditionMenuItem()


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Abonnés à la lettre")
    list_display = ["email", "language", "status", "confirmed_at"]
    list_filter = ["language", "status"]
    search_fields = ["email"]
    add_to_admin_menu = True
    menu_order = 300


register_snippet(SubscriberViewSet)
