"""Registers the moderators' Contributions view in the Wagtail admin."""
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

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
