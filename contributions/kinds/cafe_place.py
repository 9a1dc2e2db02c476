"""Where a declared café is: the town typed (postcode and/or name) resolved against cafes.places, and the point
the organiser may have placed on the map, checked."""
import math
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cafes import places
from cafes.models.country import map_settings

__all__ = ["Point", "Resolution", "far_from", "map_settings", "place_form_data", "place_label", "place_name",
           "placed_point", "read_point", "resolve"]

CANDIDATES_MAX = 60
# A point placed farther than this from the town's centre is taken for a slip (a town changed after the point was placed).
# Guyane's largest communes are wider: there the organiser is asked, and may send the town's centre instead.
MAX_DISTANCE_KM = 50  # a rural postcode covers up to ~50 communes: all of them are offered
_FRENCH_POSTCODE = re.compile(r"\d{5}")


@dataclass
class Resolution:
    """What the typed place came to: one place, several to choose from, or an error on one field."""

    place: places.Place | None = None
    candidates: list = field(default_factory=list)
    error_field: str = ""
    error: str = ""
    postcode: str = ""  # the postcode to keep (the one typed, when it is one of the place's)


def _same(a: str, b: str) -> bool:
    return bool(a) and places.normalise(a) == places.normalise(b)


def _narrowed(found: list, city: str, region: str) -> list:
    """Among several places, those named exactly as typed, then those of the region or département typed."""
    if city:
        exact = [p for p in found if _same(city, p.name) or _same(city, p.name_ar)]
        found = exact or found
    if region and len(found) > 1:
        in_region = [p for p in found if _same(region, p.region) or _same(region, p.department)]
        found = in_region or found
    return found


def resolve(*, country: str, country_name: str, postcode: str, city: str, region: str = "", code: str = "") -> Resolution:
    """The place of a café from what the organiser typed; `code` is the place they picked among candidates."""
    postcode, city, region = postcode.strip(), city.strip(), region.strip()
    if country not in places.COUNTRIES:
        return Resolution(postcode=postcode)  # a country without data: the place stays as typed, with no point
    with_postcodes = country == "FR"  # the data has no Moroccan postcodes
    if with_postcodes and postcode and not _FRENCH_POSTCODE.fullmatch(postcode):
        return Resolution(error_field="postcode", error=_(
            "Code postal inconnu : un code postal français a cinq chiffres (par exemple 41000). "
            "Corrigez-le, ou laissez-le vide et indiquez la ville."))
    if not with_postcodes and not city:
        return Resolution(error_field="city", error=_(
            "Indiquez la ville : le site ne connaît pas les codes postaux de ce pays (%(country)s).")
            % {"country": country_name})
    usable_postcode = postcode if with_postcodes else ""
    text = f"{city} ({usable_postcode})" if city and usable_postcode else usable_postcode or city
    found = places.find(country, text, limit=CANDIDATES_MAX)
    if not found:
        if usable_postcode:
            return Resolution(error_field="postcode", error=_(
                "Code postal inconnu : aucune commune n'a le code %(postcode)s. "
                "Vérifiez-le, ou laissez-le vide et indiquez la ville.") % {"postcode": usable_postcode})
        return Resolution(error_field="city", error=_(
            "Ville inconnue (%(country)s) : vérifiez son orthographe, ou indiquez son code postal.")
            % {"country": country_name})
    found = _narrowed(found, city, region)
    chosen = next((p for p in found if p.code == code), None) if code else None
    if chosen is None and len(found) == 1:
        chosen = found[0]
    if chosen is None:
        return Resolution(candidates=found, postcode=postcode)
    return Resolution(place=chosen, postcode=chosen.postcode_for(usable_postcode) if with_postcodes else postcode)


def place_label(place: places.Place, *, typed_postcode: str, language_code: str) -> str:
    """How a candidate reads in the list: "Lannion (22300, Côtes-d'Armor)", in Arabic with its Arabic name."""
    label = place.label_with(place.postcode_for(typed_postcode))
    if language_code == "ar" and place.name_ar:
        label = place.name_ar + label[len(place.name):]
    return label


def place_name(place: places.Place, language_code: str) -> str:
    return place.name_ar if language_code == "ar" and place.name_ar else place.name


@dataclass
class Point:
    latitude: float | None = None
    longitude: float | None = None
    error: str = ""


def _number(text) -> float | None:
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine, on a sphere of 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def far_from(point: "Point", place: places.Place, language_code: str) -> str:
    """Why the point placed cannot be this town's (too far from its centre), or ""."""
    km = distance_km(point.latitude, point.longitude, place.latitude, place.longitude)
    if km <= MAX_DISTANCE_KM:
        return ""
    return _("Le point placé sur la carte est à %(km)s km de %(town)s : il a été retiré. Placez-le de nouveau, ou "
             "renvoyez tel quel : le café sera placé au centre de la ville.") % {
        "km": round(km), "town": place_name(place, language_code)}


def placed_point(initial: dict) -> tuple:
    """The point a stored contribution holds, if the organiser placed it; ("", "") when it is its town's centre,
    which the server finds again: a town changed without JavaScript then moves the café with it."""
    latitude, longitude = initial.get("latitude"), initial.get("longitude")
    place = places.get(initial.get("country") or "", initial.get("place_code") or "")
    if place is not None and (latitude, longitude) == (place.latitude, place.longitude):
        return "", ""
    return latitude, longitude


def place_form_data(page) -> dict:
    """The form's point fields for what a café's page says now (for a form prefilled from the page)."""
    has_point = page.latitude is not None and page.longitude is not None
    return {"latitude": float(page.latitude) if has_point else None, "longitude": float(page.longitude) if has_point else None,
            "approximate_location": page.approximate_location}


def read_point(latitude, longitude, *, country: str, country_name: str) -> Point:
    """The point placed on the map (two texts from hidden inputs), rounded to 6 decimals (~10 cm); nothing when
    both are empty; an error when one is missing, either is not a number, or the point is outside the country."""
    latitude, longitude = (str(v or "").strip() for v in (latitude, longitude))
    if not latitude and not longitude:
        return Point()
    lat, lng = _number(latitude), _number(longitude)
    if lat is None or lng is None or not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return Point(error=_(
            "La position reçue pour la carte est illisible : elle a été retirée. Placez de nouveau le point sur la "
            "carte, ou renvoyez tel quel : le café sera placé au centre de sa ville."))
    if country in places.COUNTRIES and not places.in_country(country, lat, lng):
        return Point(error=_(
            "Le point placé sur la carte (%(lat)s, %(lng)s) est hors du pays choisi (%(country)s) : il a été retiré. "
            "Placez-le de nouveau, ou renvoyez tel quel : le café sera placé au centre de sa ville.")
            % {"lat": f"{lat:.4f}", "lng": f"{lng:.4f}", "country": country_name})
    return Point(round(lat, 6), round(lng, 6))
