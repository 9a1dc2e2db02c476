"""One pagination for every list of the site: a page number that is not one, or out of range,
shows the nearest existing page and says so in one notice."""
from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _


def paginate(request, items, *, per_page: int, notices: list[str], param: str = "page") -> Page:
    """The requested page of `items`; a malformed or out-of-range number gives the first or the
    last page, and appends one translated notice to `notices`."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get(param, "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 0
    valid = 1 <= number <= paginator.num_pages
    if not valid:
        number = 1 if number < 1 else paginator.num_pages
        notices.append(_("Cette page de la liste n'existe pas : voici la page %(number)s.") % {"number": number})
    return paginator.page(number)
