"""Wagtail API v2, read-only: live public pages, images and documents.

A page type tunes its listing with three optional class methods: `api_queryset(queryset)` (joins and
prefetches), `api_prepare(pages)` (what one query per listing computes for the page of results, such
as the best translation of a linked snippet), so that a listing costs the same whatever its length, and
`api_filter(queryset, query)` with the parameters it reads in `api_filter_parameters` (filters on values
that are not columns; a bad value raises ValueError).
Their fields are declared with `cafeia_site.api_fields.api_value`.
"""
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Site

from .selectors import search_terms


class WordSearchFilter(SearchFilter):
    """Wagtail's ?search=, given only the words of the query, as the site's search is: quotes and
    brackets are syntax to SQLite's full-text search, and `"><b>` made it fail (a 503 page)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = search_terms(request.GET["search"])
        if not words:
            return queryset.none()
        query = request.GET.copy()
        query["search"] = words
        return super().filter_queryset(SimpleNamespace(GET=query), queryset, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [*PagesAPIViewSet.filter_backends[:-1], WordSearchFilter]  # search stays last

    def check_query_parameters(self, queryset):
        # The page type's own filters are parameters too (this view serves one request).
        self.known_query_parameters = type(self).known_query_parameters.union(
            getattr(queryset.model, "api_filter_parameters", ()))
        super().check_query_parameters(queryset)
        code = self.request.GET.get("locale")
        # Wagtail answers an unknown locale with a bare 404; say what exists instead.
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            known = ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))
            raise BadRequestError(f"unknown locale: {code[:20]} (known: {known})")

    def get_base_queryset(self):
        # Asked for three times per request (the listing, its filters, the serializer): its
        # restrictions and site are looked up once.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def filter_queryset(self, queryset):
        # A filter value its column cannot read (?start=tomorrow) is the client's error, not a 500.
        try:
            narrow = getattr(queryset.model, "api_filter", None)
            return super().filter_queryset(narrow(queryset, self.request.GET) if narrow else queryset)
        except (ValidationError, ValueError) as error:
            detail = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            raise BadRequestError(f"invalid filter value: {detail}") from error

    def get_queryset(self):
        # Every item's meta names its locale; an alias's original gives its content_language (and its
        # meta alias_of, with fields=*).
        queryset = super().get_queryset().select_related("locale", "alias_of")
        tune = getattr(queryset.model, "api_queryset", None)
        return tune(queryset) if tune else queryset

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        # html_url is built without the request, so Wagtail would read the site root paths from the cache
        # once per page: read them once and hand them to every page (Page._get_site_root_paths' own slot).
        root_paths = Site.get_site_root_paths()
        for page in pages:
            page._wagtail_cached_site_root_paths = root_paths
            if page.alias_of_id:
                page.alias_of._wagtail_cached_site_root_paths = root_paths
        prepare = getattr(queryset.model, "api_prepare", None)
        if prepare:
            prepare(pages)
        return pages


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
