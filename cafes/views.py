"""Thin views of the café section: list and map, country, agenda, directory, and the café page context."""
import calendar
import datetime as dt

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from . import selectors, structured
from .forms import CafeFilterForm
from .models import Animateur, CafeIndexPage, CafePage, Organisation

PER_PAGE = 20


def _map_settings() -> dict:
    return {"tile_url": settings.CAFEIA_TILE_URL, "tile_attribution": settings.CAFEIA_TILE_ATTRIBUTION}


def _paginate(request, items, notices):
    paginator = Paginator(items, PER_PAGE)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
        notices.append(_("Numéro de page invalide : voici la première page."))
    else:
        if number < 1:
            number = 1
            notices.append(_("Numéro de page invalide : voici la première page."))
        elif number > paginator.num_pages:
            number = paginator.num_pages
            notices.append(_("Cette page n'existe pas : voici la dernière."))
    return paginator.page(number)


def _listing(request, page, *, country=None) -> dict:
    locale = Locale.get_active()
    country_pages = selectors.countries(locale=locale)
    by_path = selectors.country_by_path(country_pages)
    form = CafeFilterForm(request.GET, countries=country_pages)
    filters, notices = form.filters()
    if country is not None:
        filters["country"] = country.country_code
    near_text = filters.pop("near", None)
    near = selectors.resolve_near(near_text, locale=locale) if near_text else None
    if near_text and near is None:
        notices.append(_("Aucun café connu près de « %(place)s » : essayez un code postal ou une ville voisine.") % {"place": near_text})
    organiser = filters.get("organiser")
    if organiser and not Organisation.objects.filter(slug=organiser).exists():
        notices.append(_("Structure inconnue : ce filtre a été ignoré."))
        filters.pop("organiser")
    queryset = selectors.with_cards(selectors.cafes_filtered(locale=locale, **filters))
    if near is not None:
        queryset = queryset.filter(latitude__isnull=False).order_by()
        queryset = structured.order_by_distance(queryset, near)
    page_obj = _paginate(request, queryset, notices)
    cards = []
    for cafe in page_obj.object_list:
        cafe.country_page = selectors.country_of(cafe.path, by_path)
        cafe.distance = None
        if near is not None and cafe.public_latitude is not None:
            from .geo import distance_km

            cafe.distance = round(distance_km(near.latitude, near.longitude, cafe.public_latitude, cafe.public_longitude))
        cards.append(cafe)
    data_query = form.querystring(filters)
    lang = f"lang={locale.language_code}"
    data_url = reverse("cafes_data:geojson") + "?" + "&".join(p for p in (lang, data_query) if p)
    return {
        "form": form.without_errors() if form.errors else form,
        "filters": filters,
        "notices": notices,
        "near": near,
        "page_obj": page_obj,
        "cafes": cards,
        "countries": country_pages,
        "geojson_url": data_url,
        "ics_url": reverse("cafes_data:ics") + "?" + "&".join(p for p in (lang, data_query) if p),
        "csv_url": reverse("cafes_data:csv") + "?" + "&".join(p for p in (lang, data_query) if p),
        "map": _map_settings(),
        "has_filters": bool(set(filters) - {"when"} or filters.get("when") != "upcoming" or near),
    }


def cafe_index(request, index_page):
    context = index_page.get_context(request)
    context.update(_listing(request, index_page))
    return TemplateResponse(request, "cafes/cafe_index_page.html", context)


def country_page(request, country):
    # The lettre lives in `home`, which links articles to countries; imported here, not at the top,
    # so the café section does not need the lettre to load.
    from home.selectors import articles_about_country

    context = country.get_context(request)
    context.update(_listing(request, country, country=country))
    context["held"] = selectors.cafe_count_held(locale=country.locale, country=country)
    news = articles_about_country(country=country, locale_id=country.locale_id)
    context.update({
        "news": news,
        "news_url": f"{news.index.url}?pays={country.country_code}" if news.index else "",
        "organisers": _with_directory_urls(country, selectors.country_organisers(country=country, locale=country.locale)),
        "syntheses": selectors.country_syntheses(country),
        "contribute_url": reverse("contributions:index"),
    })
    return TemplateResponse(request, "cafes/country_page.html", context)


def _with_directory_urls(country, organisations) -> list[tuple]:
    """Each organisation with the URL of its page in the directory (a route of the café index),
    built without a query: a country page's parent is the café index, whose URL is the country's
    URL without its slug."""
    url = country.url or ""
    suffix = f"/{country.slug}/"
    if url.endswith(suffix):
        base = url[: -len(suffix) + 1]
    else:  # not routable in the usual way: ask the tree
        index_page = selectors.cafe_index_for(country.locale)
        base = index_page.url if index_page else None
    resolver = CafeIndexPage.get_resolver()
    return [(org, base + resolver.reverse("organisation_route", org.slug).lstrip("/") if base else "") for org in organisations]


def _month(request, notices) -> dt.date:
    raw = request.GET.get("mois")
    today = timezone.localdate()
    if raw:
        try:
            parsed = dt.datetime.strptime(raw, "%Y-%m").date()
            if 2000 <= parsed.year <= 2100:
                return parsed
        except ValueError:
            pass
        notices.append(_("Mois invalide : voici le mois en cours."))
    return today.replace(day=1)


def agenda(request, index_page):
    notices: list[str] = []
    month = _month(request, notices)
    next_month = (month + dt.timedelta(days=32)).replace(day=1)
    previous_month = (month - dt.timedelta(days=1)).replace(day=1)
    locale = Locale.get_active()
    cafes = selectors.with_cards(selectors.cafes_filtered(locale=locale, when="all", date_from=month,
                                                          date_to=next_month - dt.timedelta(days=1)))
    days: dict[dt.date, list] = {}
    from .timing import occurrences

    for cafe in cafes:
        # Each café on the day it happens where it happens (its own zone, as its hours are).
        for begins, ends in occurrences(cafe.start, cafe.end, cafe.time_zone, cafe.recurrence_weekday,
                                        cafe.recurrence_until, after=month, before=next_month):
            days.setdefault(begins.astimezone(cafe.tz).date(), []).append({"cafe": cafe, "start": begins, "end": ends})
    for items in days.values():
        items.sort(key=lambda item: item["start"])
    context = index_page.get_context(request)
    context.update({
        "month": month,
        "month_days": calendar.monthrange(month.year, month.month)[1],
        "days": sorted(days.items()),
        "next_month": next_month,
        "previous_month": previous_month,
        "notices": notices,
        "index_page": index_page,
    })
    return TemplateResponse(request, "cafes/agenda.html", context)


def _split(cafes):
    upcoming = [c for c in cafes if c.next_session is not None]
    past = [c for c in cafes if c.next_session is None]
    upcoming.sort(key=lambda c: c.next_session[0])
    past.sort(key=lambda c: c.start, reverse=True)
    return upcoming, past


def _localised(model, locale, **lookup):
    """The object in the current language if it exists, else in any language."""
    candidates = list(model.objects.filter(**lookup).select_related("locale")[:10])
    if not candidates:
        raise Http404
    for item in candidates:
        if item.locale_id == locale.pk:
            return item
    for item in candidates:
        localised = item.get_translation_or_none(locale)
        if localised is not None:
            return localised
    return candidates[0]


def organisation_list(request, index_page):
    locale = Locale.get_active()
    organisations = (
        Organisation.objects.filter(locale=locale)
        .annotate(n=Count("cafes", filter=Q(cafes__live=True), distinct=True))
        .order_by("name")
    )
    context = index_page.get_context(request)
    context.update({"organisations": organisations, "index_page": index_page})
    return TemplateResponse(request, "cafes/organisation_list.html", context)


def organisation_detail(request, index_page, slug):
    locale = Locale.get_active()
    organisation = _localised(Organisation, locale, slug=slug)
    cafes = list(selectors.with_cards(selectors.cafes_filtered(locale=locale, when="all", organiser=organisation.slug)))
    upcoming, past = _split(cafes)
    animators = Animateur.objects.filter(listed=True, locale=locale, organisation__translation_key=organisation.translation_key)
    context = index_page.get_context(request)
    context.update({"organisation": organisation, "upcoming": upcoming, "past": past, "animators": animators,
                    "index_page": index_page,
                    "ics_url": reverse("cafes_data:ics") + f"?lang={locale.language_code}&organiser={organisation.slug}"})
    return TemplateResponse(request, "cafes/organisation.html", context)


def animateur_detail(request, index_page, slug):
    locale = Locale.get_active()
    animator = _localised(Animateur, locale, slug=slug, listed=True)
    cafes = list(selectors.with_cards(
        selectors.cafes_base(locale=locale).filter(animators__translation_key=animator.translation_key).distinct()))
    upcoming, past = _split(cafes)
    context = index_page.get_context(request)
    context.update({"animator": animator, "upcoming": upcoming, "past": past, "index_page": index_page})
    return TemplateResponse(request, "cafes/animateur.html", context)


def cafe_context(request, cafe: CafePage) -> dict:
    """Everything a café page shows beyond its own fields, in a fixed number of queries."""
    country = cafe.get_parent().specific
    index_page = country.get_parent().specific
    animators = [a for a in cafe.animators.all() if a.listed]
    return {
        "country": country,
        "index_page": index_page,
        "animators": animators,
        "cafe_audiences": list(cafe.audiences.all()),
        "cafe_tags": list(cafe.tags.all()),
        "reports": list(selectors.reports_for_cafe(cafe)),
        "map": _map_settings(),
        "point": structured.map_point(cafe),
        "jsonld": structured.event_jsonld(cafe, country),
        "ics_url": reverse("cafes_data:cafe_ics", args=[cafe.pk]),
    }
