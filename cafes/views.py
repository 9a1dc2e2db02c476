"""The routed views of the café section, its open data: /data/cafes.geojson, /data/cafes.ics, /data/cafes.csv and one café's .ics (documented in cafes/README.md)."""
import datetime as dt
import gc
import gzip
import hashlib
import json
from email.utils import parseaddr
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vGeo
from wagtail.models import Locale

from cafeia_site.localisation import content_language, list_separator
from cafeia_site.site_address import absolute_url, public_base_url
from cafeia_site.views import read_only

from . import geo, selectors, spreadsheet, structured, timing, vocabulary, vtimezone
from .choices import ACCESSIBILITY_FEATURES, CafeMode, CafeStatus
from .forms import CafeFilterForm
from .models import CafePage
from .signals import data_version

ICAL_STATUS = {CafeStatus.CANCELLED: "CANCELLED", CafeStatus.FULL: "CONFIRMED", CafeStatus.SCHEDULED: "CONFIRMED",
               CafeStatus.PAST: "CONFIRMED"}


def _locale(request) -> Locale | None:
    """The feed's language (`lang`, the default language when absent); None for a language the site has not."""
    code = request.GET.get("lang") or settings.LANGUAGE_CODE
    if code not in dict(settings.LANGUAGES):
        return None
    return Locale.objects.get(language_code=code)


def _unknown_language(request) -> HttpResponse:
    languages = ", ".join(code for code, _name in settings.LANGUAGES)
    message = _("Langue inconnue : « %(code)s ». Langues de ces données : %(languages)s.") % {
        "code": request.GET.get("lang", "")[:20], "languages": languages}
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _filtered(request, locale):
    country_pages = selectors.countries(locale=locale)
    form = CafeFilterForm(request.GET, countries=country_pages)
    filters, notices = form.filters()
    filters.pop("near", None)
    if filters.get("organiser") and not selectors.organiser_exists(filters["organiser"]):
        notices.append("unknown organiser ignored")
        filters.pop("organiser")
    return selectors.cafes_filtered(locale=locale, **filters), country_pages, notices


def _url_parts(request, locale):
    index = selectors.cafe_index_for(locale)
    if index is None:
        raise Http404
    url_base = public_base_url()
    return url_base, index.url_path, index.get_url(request) or "/"


GEOJSON_CACHE_SECONDS = 300


def _geojson_body(request, locale) -> bytes:
    with translation.override(locale.language_code):  # the zones' names, in the feed's language
        return _geojson_text(request, locale)


def _geojson_text(request, locale) -> bytes:
    queryset, country_pages, notices = _filtered(request, locale)
    url_base, index_path, index_url = _url_parts(request, locale)
    # Thousands of small dicts: the cyclic garbage collector would run dozens of times for nothing.
    gc.disable()
    try:
        features = structured.geojson_features(
            selectors.map_rows(queryset), url_base=url_base, index_url_path=index_path, index_url=index_url,
            by_path=selectors.country_by_path(country_pages), country_of=selectors.country_of,
            organiser_names=vocabulary.organiser_names(language=locale.language_code).for_name,
            accessibility=selectors.accessibility_by_cafe(queryset),
        )
        data = {"type": "FeatureCollection", "features": features}
        if notices:
            data["ignored_filters"] = [str(n) for n in notices]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    finally:
        gc.enable()


@read_only
def geojson(request):
    """The map's data. Built once per filter set and data version, then kept gzipped in the cache
    (any saved café, country or organisation changes the version; statuses age out with the timeout)."""
    locale = _locale(request)
    if locale is None:
        return _unknown_language(request)
    query = urlencode(sorted(request.GET.items()))
    key = "cafes:geojson:" + hashlib.sha256(
        f"{data_version()}|{request.get_host()}|{locale.language_code}|{query}".encode()).hexdigest()
    packed = cache.get_or_set(key, lambda: gzip.compress(_geojson_body(request, locale), 6), GEOJSON_CACHE_SECONDS)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(packed, content_type="application/geo+json; charset=utf-8")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(packed), content_type="application/geo+json; charset=utf-8")
    patch_vary_headers(response, ["Accept-Encoding"])
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={GEOJSON_CACHE_SECONDS}"
    return response


def _summary(cafe: CafePage) -> str:
    if cafe.status == CafeStatus.FULL:
        return _("%(title)s (complet)") % {"title": cafe.title}
    return cafe.title


def _events(cafe: CafePage, url: str, country_code: str, organisers: vocabulary.OrganiserNames) -> list[Event]:
    """The café's event: its rhythm as RRULE, a date without session as EXDATE, an added one as RDATE;
    then one event per cancelled session (RECURRENCE-ID, STATUS:CANCELLED), which calendars show struck out."""
    event = _event(cafe, url, country_code, organisers)
    rhythm, tz = cafe.rhythm, cafe.tz
    hour = cafe.start.astimezone(tz).timetz().replace(tzinfo=None)

    def at(day):
        return dt.datetime.combine(day, hour, tzinfo=tz)

    if rhythm.recurring:
        event.add("rrule", rhythm.ical())
    skipped = [at(day) for day in sorted(rhythm.skipped) if rhythm.is_rule_day(cafe.first_day, day)]
    if skipped:
        event.add("exdate", skipped)
    if rhythm.added:
        event.add("rdate", [at(day) for day in sorted(rhythm.added)])
    found = [event]
    for day in sorted(rhythm.cancelled):
        # That day's session only (none when the date is not one of the café's): no need to expand the whole rhythm.
        for session in cafe.sessions(after=day, before=day + timing.ONE_DAY):
            cancelled = _event(cafe, url, country_code, organisers, start=session.start, end=session.end)
            cancelled.add("recurrence-id", session.start.astimezone(tz))
            cancelled["status"] = "CANCELLED"
            found.append(cancelled)
    return found


def _event(cafe: CafePage, url: str, country_code: str, organisers: vocabulary.OrganiserNames, start=None, end=None) -> Event:
    event = Event()
    event.add("uid", f"cafe-{cafe.translation_key}-{cafe.locale.language_code}@cafeia")
    # The language of the text (RFC 5545 LANGUAGE): an untranslated café's is its original's.
    text_language = {"LANGUAGE": content_language(cafe)}
    event.add("summary", _summary(cafe), parameters=text_language)
    tz = cafe.tz
    event.add("dtstart", (start or cafe.start).astimezone(tz))
    event.add("dtend", (end or cafe.end).astimezone(tz))
    event.add("dtstamp", timezone.now())
    where = [part for part in (cafe.public_venue, cafe.public_address, " ".join(p for p in (cafe.postcode, cafe.city) if p), country_code) if part]
    if cafe.mode == CafeMode.ONLINE:
        where = [cafe.meeting_url or _("En ligne")]
    if where:
        event.add("location", ", ".join(where))
    if cafe.latitude is not None and cafe.mode != CafeMode.ONLINE:
        event.add("geo", vGeo((cafe.public_latitude, cafe.public_longitude)))
    event.add("url", url)
    event.add("status", ICAL_STATUS.get(cafe.status, "CONFIRMED"))
    description = "\n\n".join(p for p in (cafe.summary, _accessibility_line(cafe), url) if p)
    event.add("description", description, parameters=text_language)
    if cafe.organiser_id:
        # iCalendar wants an address here: the programme's own, with the organiser's name.
        event.add("organizer", "mailto:" + parseaddr(settings.DEFAULT_FROM_EMAIL)[1], parameters={"CN": organisers.of(cafe.organiser)})
    return event


def _accessibility_line(cafe: CafePage) -> str:
    """"Accessibilité : …" in the café's language (that of the feed); empty without any feature."""
    features = cafe.accessibility
    if not features:
        return ""
    with translation.override(cafe.locale.language_code):
        return _("Accessibilité : %(features)s") % {
            "features": list_separator(cafe.locale.language_code).join(f.label for f in features)}


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Café IA//cafes//FR")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _ics_response(cal: Calendar, filename: str) -> HttpResponse:
    vtimezone.add_timezones(cal)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@read_only
def ics(request):
    """Upcoming cafés by default; `country=FR`, `organiser=<slug>` and the page's other filters narrow it."""
    locale = _locale(request)
    if locale is None:
        return _unknown_language(request)
    queryset, country_pages, _notices = _filtered(request, locale)
    by_path = selectors.country_by_path(country_pages)
    url_base, index_path, index_url = _url_parts(request, locale)
    cal = _calendar("Café IA")
    organisers = vocabulary.organiser_names(language=locale.language_code)
    with translation.override(locale.language_code):
        _add_cafes(cal, queryset, by_path, url_base, index_path, index_url, organisers)
    return _ics_response(cal, "cafes-ia.ics")


def _add_cafes(cal, queryset, by_path, url_base, index_path, index_url, organisers) -> None:
    cafes = queryset.select_related("organiser", "locale", "alias_of").prefetch_related("session_changes", "accessibility_features")
    for cafe in cafes[:2000]:
        country = selectors.country_of(cafe.path, by_path)
        for event in _events(cafe, url_base + index_url + cafe.url_path[len(index_path):], country.country_code if country else "", organisers):
            cal.add_component(event)


@read_only
def cafe_ics(request, pk: int):
    cafes = CafePage.objects.live().select_related("organiser", "locale").prefetch_related("session_changes", "accessibility_features")
    cafe = get_object_or_404(cafes, pk=pk)
    country = cafe.get_parent().specific
    cal = _calendar(cafe.title)
    organisers = vocabulary.organiser_names(language=cafe.locale.language_code)
    with translation.override(cafe.locale.language_code):
        for event in _events(cafe, absolute_url(cafe.get_url(request) or "/"), country.country_code, organisers):
            cal.add_component(event)
    return _ics_response(cal, f"{cafe.slug}.ics")


CSV_COLUMNS = ["id", "title", "url", "start", "end", "weekly_until", "rrule", "venue", "address", "postcode", "city", "region",
               "country", "mode", "status", "organiser", "latitude", "longitude", "approximate", "time_zone", "accessibility"]


@read_only
def csv_export(request):
    """One row per café; times with the offset of the café's zone, which the last column names."""
    locale = _locale(request)
    if locale is None:
        return _unknown_language(request)
    queryset, country_pages, _notices = _filtered(request, locale)
    by_path = selectors.country_by_path(country_pages)
    url_base, index_path, index_url = _url_parts(request, locale)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cafes-ia.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = spreadsheet.writer(response)
    writer.writerow(CSV_COLUMNS)
    now = timezone.now()
    organisers = vocabulary.organiser_names(language=locale.language_code)
    accessibility = selectors.accessibility_by_cafe(queryset)
    with translation.override(locale.language_code):
        feature_labels = {code: str(label) for code, label in ACCESSIBILITY_FEATURES}
    rows = queryset.values_list("pk", "title", "url_path", "path", "start", "end", "recurrence_weekday", "recurrence_week",
                                "recurrence_until", "last_session_on", "venue_name", "address",
                                "postcode", "city", "region", "mode", "status", "organiser__name", "latitude", "longitude",
                                "approximate_location", "time_zone")
    for (pk, title, url_path, path, start, end, weekday, week, until, last_day, venue, address, postcode, city, region, mode, status, organiser,
         lat, lng, approx, time_zone) in rows:
        country = selectors.country_of(path, by_path)
        tz = timing.zone(time_zone)
        writer.writerow([
            pk, title, url_base + index_url + url_path[len(index_path):], start.astimezone(tz).isoformat(),
            end.astimezone(tz).isoformat(), until.isoformat() if until else "",
            timing.Rhythm(weekday, week, until).ical_text() if weekday is not None and until else "", "" if approx else venue,
            "" if approx else address, postcode, city, region, country.country_code if country else "", mode,
            structured.row_status(status, end, last_day, now), organisers.for_name(organiser) if organiser else "",
            geo.public_coordinate(lat, approx) if lat is not None else "", geo.public_coordinate(lng, approx) if lng is not None else "",
            "1" if approx else "0", tz.key, " ; ".join(feature_labels[code] for code in accessibility.get(pk, [])),
        ])
    return response
