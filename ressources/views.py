"""The index page's request handling: parse the filters, call the selector, paginate."""
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from .forms import FILTER_NAMES, ResourceFilterForm
from .selectors import resource_tag_names, resources_for_index

PER_PAGE = 12


def _page_number(raw: str | None, num_pages: int, notices: list[str]) -> int:
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except ValueError:
        notices.append(_("Le numéro de page « %(value)s » n'est pas valide : voici la première page.") % {"value": raw[:20]})
        return 1
    if number < 1:
        notices.append(_("Le numéro de page « %(value)s » n'est pas valide : voici la première page.") % {"value": raw[:20]})
        return 1
    if number > num_pages:
        notices.append(_("Cette page de résultats n'existe pas : voici la dernière."))
        return num_pages
    return number


def index_context(index_page, request) -> dict:
    tags = resource_tag_names(index_page=index_page)
    form = ResourceFilterForm(request.GET, tags=tags)
    form.is_valid()
    notices = form.ignored_messages()
    filters = form.filters()
    query = form.query()
    resources = resources_for_index(index_page=index_page, query=query, **filters)
    paginator = Paginator(resources, PER_PAGE)
    page_obj = paginator.page(_page_number(request.GET.get("page"), paginator.num_pages, notices))
    return {
        "filter_form": form,
        "filter_notices": notices,
        "active_filters": bool(filters or query),
        "query": query,
        "page_obj": page_obj,
        "resources": page_obj.object_list,
        "filter_names": FILTER_NAMES,
    }
