"""URLs: language-prefixed public pages, the admin, open data and the API."""
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import sitemaps, views
from .api import api_router

handler404 = "cafeia_site.views.page_not_found"
handler500 = "cafeia_site.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.sitemap_language, name="sitemap_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("data/", include("cafes.urls")),
    path("api/v2/", api_router.urls),
    path("sante/", views.health, name="health"),
    path("", RedirectView.as_view(url=f"/{settings.LANGUAGE_CODE}/", permanent=False)),
]

urlpatterns += i18n_patterns(
    path("recherche/", views.search, name="search"),
    path("contribuer/", include("contributions.urls")),
    path("", include("home.lettre.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Development and the browser tests' server; in production the web server serves /media/.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
