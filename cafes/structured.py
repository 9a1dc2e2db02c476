"""Machine-readable views of cafés: GeoJSON features, schema.org JSON-LD, map points, iCalendar events."""
import datetime as dt
import json
import math
import re

from django.db.models import F, FloatField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from cafeia_site.localisation import content_language
from cafeia_site.site_address import absolute_url

from . import geo, timing
from .choices import ACCESSIBILITY_FEATURES

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script_json(data, *, type_="application/ld+json") -> str:
    """A <script> holding JSON that no string inside it can close (json_script's escaping, any type)."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="{}">{}</script>', type_, mark_safe(text))  # noqa: S308


def order_by_distance(queryset, near):
    """Nearest first. Degrees of longitude shrink with latitude: scale them, which is enough to rank."""
    scale = math.cos(math.radians(near.latitude)) ** 2
    lat = Cast(F("latitude"), FloatField()) - near.latitude
    lng = Cast(F("longitude"), FloatField()) - near.longitude
    return queryset.annotate(near_d2=lat * lat + lng * lng * scale).order_by("near_d2", "pk")


def map_point(cafe) -> dict | None:
    if cafe.latitude is None:
        return None
    return {
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [cafe.public_longitude, cafe.public_latitude]},
            "properties": {"title": cafe.title, "city": cafe.city, "approximate": cafe.approximate_location},
        }],
    }


def row_status(status: str, end: dt.datetime, last_session_on, now: dt.datetime) -> str:
    if status == "annule":
        return status  # a cancelled café stays cancelled once its date has passed
    over = end < now and (last_session_on is None or last_session_on < now.date())
    if over:
        return "passe"
    return status if status != "passe" else "prevu"


def geojson_features(rows, *, url_base: str, index_url_path: str, index_url: str, by_path: dict, country_of,
                     organiser_names=None, accessibility: dict | None = None) -> list[dict]:
    """Features for the map and /data/cafes.geojson, from `selectors.map_rows` tuples (ISO strings, floats).

    Times carry the offset of the café's own zone, named in `time_zone` (IANA) and `time_zone_label`
    (in the active language): the map shows them as the list does, wherever the reader is.
    `organiser_names` turns the organiser's name a row carries into the one the feed's language uses;
    `accessibility` gives each café's accessibility codes by page id (`selectors.accessibility_by_cafe`).
    """
    organiser_names = organiser_names or (lambda name: name)
    accessibility = accessibility or {}
    feature_labels = {code: str(label) for code, label in ACCESSIBILITY_FEATURES}
    now = timezone.now()
    now_iso = now.astimezone(dt.UTC).isoformat(timespec="seconds")
    today_iso = now.date().isoformat()
    cut = len(index_url_path)
    prefix = url_base + index_url
    countries: dict[str, str | None] = {}
    zones: dict[str, tuple] = {}
    features = []
    append = features.append
    for (pk, title, url_path, path, start, end, weekday, week, until, last_day, city, region, _postcode, mode, status,
         lat, lng, approximate, organiser, time_zone, lang) in rows:
        parent = path[:-Page.steplen]
        code = countries.get(parent, "?")
        if code == "?":
            country = country_of(path, by_path)
            code = countries[parent] = country.country_code if country else None
        if approximate:
            lat, lng = round(lat, geo.APPROXIMATE_DECIMALS), round(lng, geo.APPROXIMATE_DECIMALS)
        over = end < now_iso and (last_day is None or last_day < today_iso)
        codes = accessibility.get(pk, [])
        zone = zones.get(time_zone)
        if zone is None:
            tz = timing.zone(time_zone)
            zone = zones[time_zone] = (tz, tz.key, timing.zone_label(tz.key))
        append({
            "type": "Feature",
            "id": pk,
            "geometry": {"type": "Point", "coordinates": [lng, lat]},
            "properties": {
                "title": title,
                "lang": lang,  # of the title: an untranslated café's is its original's
                "url": prefix + url_path[cut:],
                "start": dt.datetime.fromisoformat(start).astimezone(zone[0]).isoformat(),
                "end": dt.datetime.fromisoformat(end).astimezone(zone[0]).isoformat(),
                "time_zone": zone[1],
                "time_zone_label": zone[2],
                "weekly": weekday is not None and week is None,
                "recurrence": None if weekday is None or until is None else timing.Rhythm(weekday, week, dt.date.fromisoformat(until)).ical_text(),
                "until": until,
                "city": city,
                "region": region,
                "country": code,
                "mode": mode,
                "status": "passe" if over else (status if status != "passe" else "prevu"),
                "organiser": organiser_names(organiser) if organiser else organiser,
                "approximate": approximate,
                "accessibility": codes,
                "accessibility_labels": [feature_labels[code] for code in codes],
            },
        })
    return features


SCHEMA_STATUS = {"annule": "https://schema.org/EventCancelled", "complet": "https://schema.org/EventScheduled"}
SCHEMA_MODE = {
    "sur-place": "https://schema.org/OfflineEventAttendanceMode",
    "en-ligne": "https://schema.org/OnlineEventAttendanceMode",
    "hybride": "https://schema.org/MixedEventAttendanceMode",
}

# The features schema.org's accessibilityFeature vocabulary (W3C, "Schema.org Accessibility Properties for
# Discoverability") names; the others have no value there and are given in words, in the page's language.
SCHEMA_ACCESSIBILITY = {"lsf": "signLanguage"}


def _filled(data: dict) -> dict:
    """Without the keys that hold nothing: schema.org readers take an empty value for a wrong one."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def schedule_jsonld(cafe) -> dict:
    """A regular café's rhythm as a schema.org Schedule: weekly or monthly (byMonthWeek), the dates without
    a session or cancelled as exceptDate, in the café's zone."""
    rhythm, tz = cafe.rhythm, cafe.tz
    start, end = cafe.start.astimezone(tz), cafe.end.astimezone(tz)
    return _filled({
        "@type": "Schedule",
        "repeatFrequency": "P1M" if rhythm.monthly else "P1W",
        "byDay": "https://schema.org/" + SCHEMA_DAYS[rhythm.weekday],
        "byMonthWeek": rhythm.week if rhythm.monthly else None,
        "startDate": start.date().isoformat(),
        "endDate": rhythm.until.isoformat(),
        "startTime": start.strftime("%H:%M"),
        "endTime": end.strftime("%H:%M"),
        "scheduleTimezone": tz.key,
        "exceptDate": sorted(d.isoformat() for d in rhythm.skipped | rhythm.cancelled),
    })


def event_jsonld(cafe, country, organiser=None, *, performers=(), image_url: str = "") -> str:
    """schema.org Event of a café, public coordinates only, ready to put in <head>; `organiser` the
    version of the café's organiser the page names (the café's own otherwise), `performers` its listed
    animators, `image_url` the page's image. No empty field: a private venue has no street address."""
    session = cafe.next_session or (cafe.start, cafe.end)
    place = _filled({
        "@type": "Place",
        "name": cafe.public_venue or cafe.city,
        "address": _filled({
            "@type": "PostalAddress",
            "streetAddress": cafe.public_address,
            "postalCode": cafe.postcode,
            "addressLocality": cafe.city,
            "addressRegion": cafe.region,
            "addressCountry": country.country_code if country else "",
        }),
    })
    if cafe.latitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": cafe.public_latitude, "longitude": cafe.public_longitude}
    url = absolute_url(cafe.url or "")
    locations = []
    if cafe.mode != "en-ligne":
        locations.append(place)
    if cafe.mode != "sur-place":
        # Online: the meeting's address when published, else the page that gives it.
        locations.append({"@type": "VirtualLocation", "url": cafe.meeting_url or url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": cafe.title,
        "url": url,
        "startDate": session[0].astimezone(cafe.tz).isoformat(),
        "endDate": session[1].astimezone(cafe.tz).isoformat(),
        "eventStatus": SCHEMA_STATUS.get(cafe.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": SCHEMA_MODE.get(cafe.mode),
        "location": locations[0] if len(locations) == 1 else locations,
        "isAccessibleForFree": cafe.is_free,  # the price only: accessibility is accessibilityFeature
        "accessibilityFeature": [SCHEMA_ACCESSIBILITY.get(f.code, f.label) for f in cafe.accessibility],
        "inLanguage": content_language(cafe) if cafe.locale_id else "fr",
        "description": cafe.summary,
        "image": [image_url] if image_url else [],
        "performer": [{"@type": "Person", "name": person.name} for person in performers],
    }
    if cafe.is_recurring:
        data["eventSchedule"] = schedule_jsonld(cafe)
    if cafe.organiser_id:
        organiser = organiser or cafe.organiser
        data["organizer"] = _filled({"@type": "Organization", "name": organiser.name, "url": organiser.website})
    if cafe.capacity:
        data["maximumAttendeeCapacity"] = cafe.capacity
    if cafe.registration_url or cafe.price:
        data["offers"] = offer_jsonld(cafe, country, url)
    return script_json(_filled(data))


CURRENCIES = {"FR": "EUR", "MA": "MAD"}
_AMOUNT = re.compile(r"^\s*(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur|euros?|dh|mad|dirhams?)?\s*$", re.IGNORECASE)


def offer_jsonld(cafe, country, url: str) -> dict:
    """Free, or an amount in the country's currency; a price in words ("5 €, gratuit pour les adhérents") is
    given as the offer's description rather than as a number schema.org readers would misread."""
    currency = CURRENCIES.get(country.country_code if country else "", "")
    offer = {"@type": "Offer", "url": cafe.registration_url or url}
    amount = "0" if cafe.is_free else (m.group(1).replace(",", ".") if (m := _AMOUNT.match(cafe.price)) else "")
    if amount and currency:
        return {**offer, "price": amount, "priceCurrency": currency}
    return _filled({**offer, "description": cafe.price})
