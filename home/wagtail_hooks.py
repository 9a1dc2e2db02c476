"""Admin wiring of the lettre: the "send this edition" view and menu item, the subscribers' list."""
from django.urls import path
from wagtail import hooks

from .lettre.admin import SendEditionMenuItem, SubscriberViewSet, send_edition


@hooks.register("register_admin_urls")
def lettre_admin_urls():
    return [path("lettre/envoyer/<int:page_id>/", send_edition, name="lettre_send_edition")]


@hooks.register("register_page_action_menu_item")
def send_edition_menu_item():
    return SendEditionMenuItem()


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("lettre_subscribers")
