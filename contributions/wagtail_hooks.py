"""Registers the moderators' Contributions view in the Wagtail admin."""
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import admin_views, publishing

admin_urls = (
    [
        path("", admin_views.contribution_list, name="list"),
        path("bulk/", admin_views.contribution_bulk, name="bulk"),
        path("<int:pk>/", admin_views.contribution_detail, name="detail"),
        path("<int:pk>/files/<int:file_pk>/", admin_views.contribution_file, name="file"),
    ],
    "contributions_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("contributions/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(_("Contributions"), reverse("contributions_admin:list"), icon_name="group", order=250)


@hooks.register("construct_page_action_menu")
def hide_publish_of_moderated_contribution(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not publishing.user_may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_edit_page")
def block_publish_of_moderated_contribution(request, page):
    if request.method == "POST" and "action-publish" in request.POST and not publishing.user_may_publish(request.user, page):
        return publishing.refuse_publish(request, page)


@hooks.register("before_bulk_action")
def block_bulk_publish_of_moderated_contributions(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for page in objects:
        if isinstance(page, Page) and not publishing.user_may_publish(request.user, page):
            return publishing.refuse_publish(request, page)
    return None
