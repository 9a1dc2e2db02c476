"""Views shared by every section: site search and the error pages."""
import sys
from functools import wraps

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from .localisation import page_in_another_language
from .middleware import DATABASE_ERRORS, database_unavailable_response, render_standalone
from .pagination import paginate
from .selectors import search_pages

READ_METHODS = ("GET", "HEAD", "OPTIONS")


def read_only(view):
    """For views that only display: other methods get the translated 405 page, with Allow."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return HttpResponse(headers={"Allow": ", ".join(READ_METHODS)})
        if request.method not in READ_METHODS:
            response = render_standalone("405.html", request, status=405)
            response["Allow"] = ", ".join(READ_METHODS)
            return response
        return view(request, *args, **kwargs)

    return wrapper


MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


@never_cache
def health(request):
    """For the front cache's probe and the service manager: this process answers (no database read)."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@read_only
def search(request):
    raw = request.GET.get("q", "")
    query = " ".join(raw.split())
    too_long = len(query) > MAX_QUERY_LENGTH
    if too_long:
        query = query[:MAX_QUERY_LENGTH]
    results = search_pages(query=query, language_code=get_language()) if query else []
    notices: list[str] = []
    page_obj = paginate(request, results, per_page=RESULTS_PER_PAGE, notices=notices)
    return render(
        request,
        "cafeia_site/search.html",
        {"query": query, "too_long": too_long, "page_obj": page_obj, "max_length": MAX_QUERY_LENGTH,
         "notices": notices},
    )


def page_not_found(request, exception=None):
    # /ar/<an address of the French tree>/: the page exists, under another language's address.
    found = page_in_another_language(request)
    if found is not None:
        return HttpResponseRedirect(found)
    return render(request, "404.html", status=404)


def server_error(request):
    # A database outage raised outside a view (in a middleware) lands here: same 503 page
    # as DatabaseUnavailableMiddleware gives, so the visitor knows to come back.
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable_response(request)
    return render_standalone("500.html", request, status=500)
