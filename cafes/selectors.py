"""Reads: cafés for the list, the map, the agenda, the directory and the feeds, already joined and prefetched."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from wagtail.models import Locale

from cafeia_site.localisation import best_translation, best_translations, language_of_locale
from cafeia_site.models import VocabularyTerm

# The page models import this module: bind the models package, not its names (a cycle).
from . import geo, models
from .choices import CafeStatus

POSTCODE = re.compile(r"^\d{2,5}$")


def _locale(locale) -> Locale:
    if isinstance(locale, Locale):
        return locale
    if locale is None:
        return Locale.get_active()
    return Locale.objects.get(language_code=locale)


def upcoming_q(now: dt.datetime | None = None) -> Q:
    """Not over yet: a one-off café that has not ended, or a regular one (or one with an added date) still running."""
    now = now or timezone.now()
    return Q(end__gte=now) | Q(last_session_on__gte=now.date())


def cafe_index_for(locale) -> models.CafeIndexPage | None:
    return models.CafeIndexPage.objects.live().filter(locale=_locale(locale)).first()


def countries(*, locale) -> list[models.CountryPage]:
    return list(models.CountryPage.objects.live().filter(locale=_locale(locale)).order_by("path"))


def country_by_path(country_pages) -> dict[str, models.CountryPage]:
    return {c.path: c for c in country_pages}


def country_of(cafe_path: str, by_path: dict[str, models.CountryPage]) -> models.CountryPage | None:
    """The country page of a café, found from its tree path without a query."""
    for length in range(len(cafe_path) - models.CafePage.steplen, 0, -models.CafePage.steplen):
        found = by_path.get(cafe_path[:length])
        if found is not None:
            return found
    return None


def cafes_base(*, locale) -> QuerySet[models.CafePage]:
    return models.CafePage.objects.live().filter(locale=_locale(locale))


def with_cards(queryset: QuerySet[models.CafePage]) -> QuerySet[models.CafePage]:
    """What a list card shows, in a constant number of queries."""
    return queryset.select_related("organiser", "alias_of").prefetch_related("audiences", "tags", "accessibility_features",
                                                                          "session_changes")


def cafes_upcoming(*, locale=None, country: models.CountryPage | str | None = None, limit: int | None = None) -> QuerySet[models.CafePage]:
    qs = cafes_base(locale=locale).filter(upcoming_q())
    if country is not None:
        qs = _in_country(qs, country, locale)
    qs = with_cards(qs.order_by("start", "pk"))
    return qs[:limit] if limit else qs


def _in_country(qs, country, locale):
    if isinstance(country, str):
        country = models.CountryPage.objects.live().filter(locale=_locale(locale), country_code=country.upper()).first()
        if country is None:
            return qs.none()
    return qs.filter(path__startswith=country.path)


@dataclass
class Near:
    """Where "near me" resolved to, from the cafés' own postcodes and towns (no geocoding service)."""

    label: str
    latitude: float
    longitude: float


def resolve_near(text: str, *, locale) -> Near | None:
    text = " ".join((text or "").split())
    if not text:
        return None
    located = cafes_base(locale=locale).filter(latitude__isnull=False)
    rows = []
    if POSTCODE.match(text):
        # A full postcode first, then its département (the first two digits).
        for prefix in (text, text[:2]):
            rows = list(located.filter(postcode__startswith=prefix).values_list("latitude", "longitude", "approximate_location")[:200])
            if rows:
                break
    else:
        rows = list(located.filter(Q(city__iexact=text) | Q(region__iexact=text)).values_list("latitude", "longitude", "approximate_location")[:200])
        if not rows and len(text) >= 3:
            rows = list(located.filter(city__istartswith=text).values_list("latitude", "longitude", "approximate_location")[:200])
    if not rows:
        return None
    # The centre of the matching cafés, from public coordinates only.
    lats = [geo.public_coordinate(lat, approx) for lat, _lng, approx in rows]
    lngs = [geo.public_coordinate(lng, approx) for _lat, lng, approx in rows]
    return Near(label=text, latitude=sum(lats) / len(lats), longitude=sum(lngs) / len(lngs))


def cafes_filtered(*, locale=None, when: str = "upcoming", country: str | None = None, region: str | None = None,
                   city: str | None = None, mode: str | None = None, audience: str | None = None,
                   organiser: str | None = None, animator: str | None = None, tag: str | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None, q: str | None = None,
                   accessibilite: list[str] | tuple = (), now: dt.datetime | None = None) -> QuerySet[models.CafePage]:
    """Cafés matching every given filter; None or empty means "any". Ordered for reading.
    `accessibilite` (named as in the query string): codes of `AccessibilityFeature`, a café must have them all."""
    locale = _locale(locale)
    qs = cafes_base(locale=locale)
    if when == "upcoming":
        qs = qs.filter(upcoming_q(now)).order_by("start", "pk")
    elif when == "past":
        qs = qs.exclude(upcoming_q(now)).order_by("-start", "-pk")
    else:
        qs = qs.order_by("-start", "-pk")
    if country:
        qs = _in_country(qs, country, locale)
    if region:
        qs = qs.filter(region__iexact=region)
    if city:
        qs = qs.filter(city__iexact=city)
    if mode:
        qs = qs.filter(mode=mode)
    if audience:
        qs = qs.filter(audiences__code=audience)
    qs = with_accessibility(qs, accessibilite)
    if organiser:
        # Any language's slug finds the organisation; cafés may point at any of its translations.
        keys = models.Organisation.objects.filter(slug=organiser).values("translation_key")
        qs = qs.filter(organiser__translation_key__in=keys)
    if animator:
        keys = models.Animator.objects.filter(slug=animator, listed=True).values("translation_key")
        qs = qs.filter(animators__translation_key__in=keys)
    if tag:
        # The tag's own name (the chips' links), or a label readers see in any language.
        qs = qs.filter(Q(tags__name__iexact=tag) | Q(tags__name__in=VocabularyTerm.objects.filter(label__iexact=tag).values("name")))
    tz = timezone.get_current_timezone()
    if date_from:
        start = dt.datetime.combine(date_from, dt.time.min, tzinfo=tz)
        qs = qs.filter(Q(end__gte=start) | Q(last_session_on__gte=date_from))
    if date_to:
        stop = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        qs = qs.filter(start__lt=stop)
    if q:
        for word in q.split()[:8]:
            qs = qs.filter(Q(title__icontains=word) | Q(city__icontains=word)
                           | Q(venue_name__icontains=word, approximate_location=False)
                           | Q(region__icontains=word) | Q(summary__icontains=word) | Q(organiser__name__icontains=word))
    if audience or tag or animator:
        qs = qs.distinct()
    return qs


def with_accessibility(qs: QuerySet[models.CafePage], codes) -> QuerySet[models.CafePage]:
    """The cafés of `qs` that have every accessibility feature of `codes`."""
    for code in dict.fromkeys(codes):
        # One join per code, each matching one link at most (codes are unique): no duplicate rows.
        qs = qs.filter(accessibility_features__code=code)
    return qs


def cafe_count_held(*, locale=None, country: models.CountryPage | str | None = None, year: int | None = None) -> int:
    """How many cafés have taken place (cancelled ones excluded); a weekly session counts once."""
    qs = cafes_base(locale=locale).exclude(status=CafeStatus.CANCELLED).filter(start__lt=timezone.now())
    if country is not None:
        qs = _in_country(qs, country, locale)
    if year is not None:
        qs = qs.filter(start__year=year)
    return qs.count()


def audience_counts(*, locale=None) -> dict[str, int]:
    rows = models.Audience.objects.filter(cafes__live=True, cafes__locale=_locale(locale)).annotate(n=Count("cafes")).values_list("code", "n")
    return dict(rows)


def reports_for_cafe(cafe: models.CafePage) -> QuerySet[models.CafeReportPage]:
    return models.CafeReportPage.objects.live().child_of(cafe).select_related("alias_of").order_by("-date")


def country_organisers(*, country: models.CountryPage, locale) -> list[models.Organisation]:
    """The organisations of the live cafés of `country` (in any of its languages), each once, in
    `locale` when translated (else in the default language, else as the cafés point at it), by name.

    One query whatever the number of cafés: cafés are children of a country page, and every
    translation of the country sits at the same depth of its language's tree.
    """
    locale = _locale(locale)
    translations = models.CountryPage.objects.filter(translation_key=country.translation_key).values("path")
    keys = (
        models.CafePage.objects.live().filter(organiser__isnull=False)
        .annotate(country_path=Substr("path", 1, len(country.path)))
        .filter(country_path__in=translations)
        .values("organiser__translation_key")
    )
    versions = models.Organisation.objects.filter(translation_key__in=keys).select_related("locale")
    chosen = best_translations(versions, language=locale.language_code)
    return sorted(chosen, key=lambda org: org.name.casefold())


def country_syntheses(country: models.CountryPage) -> list[models.SynthesisPage]:
    return list(models.SynthesisPage.objects.live().child_of(country).order_by("-year", "path"))


def _cafe_counts(through: str) -> dict:
    """The number of live cafés per translation key of their organiser (`through="organiser"`) or of
    one of their animators (`"animators"`), in one query.

    A café counts once whatever its languages: its translations, and the aliases that give it a page
    in every language's tree, share its translation key. Counting that key (rather than the pages of
    one language) gives the same number in every language, before and after the aliases exist.
    """
    key = f"{through}__translation_key"
    rows = (models.CafePage.objects.live().filter(**{f"{through}__isnull": False})
            .order_by().values(key).annotate(n=Count("translation_key", distinct=True)))
    return {row[key]: row["n"] for row in rows}


def organisations_listed(*, locale) -> list[models.Organisation]:
    """The directory: every organisation once, in `locale` when translated (else in the default
    language), by name, each with its number of live cafés (`n`, the same in every language)."""
    locale = _locale(locale)
    chosen = best_translations(models.Organisation.objects.select_related("locale"), language=locale.language_code)
    counts = _cafe_counts("organiser")
    for organisation in chosen:
        organisation.n = counts.get(organisation.translation_key, 0)
    return sorted(chosen, key=lambda org: org.name.casefold())


def animators_listed(*, locale) -> list[models.Animator]:
    """The animators who agreed to be listed (only them: without it their name appears nowhere), once
    each, in `locale` when translated, by name; each with its number of live cafés (`n`) and its
    organisation in `locale` (`organisation_shown`, None without one). Three queries."""
    language = _locale(locale).language_code
    chosen = best_translations(models.Animator.objects.filter(listed=True).select_related("locale", "organisation"),
                               language=language)
    counts = _cafe_counts("animators")
    keys = {a.organisation.translation_key for a in chosen if a.organisation is not None}
    organisations = {
        org.translation_key: org for org in best_translations(
            models.Organisation.objects.filter(translation_key__in=keys).select_related("locale"), language=language)
    } if keys else {}
    for animator in chosen:
        animator.n = counts.get(animator.translation_key, 0)
        animator.organisation_shown = organisations.get(animator.organisation.translation_key) if animator.organisation else None
    return sorted(chosen, key=lambda a: a.name.casefold())


def _entry_for_slug(queryset, slug: str, *, locale: Locale):
    """A directory entry by its address slug (in any language), shown in `locale` when translated."""
    candidates = list(queryset.filter(slug=slug).select_related("locale")[:10])
    if not candidates:
        return None
    for entry in candidates:
        if entry.locale_id == locale.pk:
            return entry
    return best_translation(candidates[0], language=locale.language_code)


def organisation_for_slug(slug: str, *, locale) -> models.Organisation | None:
    return _entry_for_slug(models.Organisation.objects.all(), slug, locale=_locale(locale))


def animator_for_slug(slug: str, *, locale) -> models.Animator | None:
    """A listed animator only: without their agreement, their name appears nowhere."""
    return _entry_for_slug(models.Animator.objects.filter(listed=True), slug, locale=_locale(locale))


def animators_of(organisation: models.Organisation, *, locale) -> list[models.Animator]:
    """The listed animators of an organisation (any of its translations), once each, in `locale` when translated."""
    versions = models.Animator.objects.filter(
        listed=True, organisation__translation_key=organisation.translation_key).select_related("locale")
    return sorted(best_translations(versions, language=_locale(locale).language_code), key=lambda a: a.name.casefold())


def _cafes_once(queryset: QuerySet[models.CafePage], *, locale) -> list[models.CafePage]:
    """Live cafés of every language, once each (one per translation key): in `locale` when it has a
    version (a translation or an alias), else in the default language, else as found."""
    versions = with_cards(queryset.filter(live=True).select_related("locale"))
    return best_translations(versions, language=_locale(locale).language_code)


def cafes_of_organisation(organisation: models.Organisation, *, locale) -> list[models.CafePage]:
    """The cafés its page lists: the same ones in every language, as many as the directory counts."""
    return _cafes_once(models.CafePage.objects.filter(organiser__translation_key=organisation.translation_key), locale=locale)


def cafes_of_animator(animator: models.Animator, *, locale) -> list[models.CafePage]:
    return _cafes_once(models.CafePage.objects.filter(animators__translation_key=animator.translation_key).distinct(),
                       locale=locale)


def upcoming_and_past(cafes) -> tuple[list, list]:
    """The cafés still to come, soonest first, and the others, latest first."""
    upcoming = sorted((c for c in cafes if c.next_session is not None), key=lambda c: c.next_session[0])
    past = sorted((c for c in cafes if c.next_session is None), key=lambda c: c.start, reverse=True)
    return upcoming, past


def agenda_days(*, locale, month: dt.date, next_month: dt.date, **filters) -> list[tuple[dt.date, list[dict]]]:
    """Each day of the month with its sessions: a café on the day it happens where it happens (its own
    zone, as its hours are), a regular café on each of its days (a cancelled one marked, a skipped one
    left out). `filters` are those of `cafes_filtered` but the dates and `when`, which the month sets."""
    cafes = with_cards(cafes_filtered(locale=locale, when="all", date_from=month,
                                      date_to=next_month - dt.timedelta(days=1), **filters))
    days: dict[dt.date, list] = {}
    for cafe in cafes:
        for session in cafe.sessions(after=month, before=next_month):
            days.setdefault(session.start.astimezone(cafe.tz).date(), []).append(
                {"cafe": cafe, "start": session.start, "end": session.end, "cancelled": session.cancelled})
    for items in days.values():
        items.sort(key=lambda item: item["start"])
    return sorted(days.items())


def accessibility_by_cafe(queryset: QuerySet[models.CafePage]) -> dict[int, list[str]]:
    """The accessibility codes of each café of `queryset` (page id → codes in the list's order), in one
    query: for the feeds, which read cafés as rows rather than objects."""
    links = (models.CafePage.accessibility_features.through.objects
             .filter(cafepage_id__in=queryset.order_by().values("pk"))
             .order_by("accessibilityfeature__sort_order", "accessibilityfeature__code")
             .values_list("cafepage_id", "accessibilityfeature__code"))
    found: dict[int, list[str]] = defaultdict(list)
    for pk, code in links:
        found[pk].append(code)
    return found


def organiser_exists(slug: str) -> bool:
    return models.Organisation.objects.filter(slug=slug).exists()


MAP_COLUMNS = (
    "pk", "title", "url_path", "path", "start", "end", "recurrence_weekday", "recurrence_week", "recurrence_until", "last_session_on",
    "city", "region", "postcode", "mode", "status", "latitude", "longitude", "approximate_location",
    "organiser__name", "time_zone", "text_locale",
)


def _iso_datetime(value) -> str:
    # SQLite hands back naive datetimes (or their text) in UTC; PostgreSQL aware ones.
    if isinstance(value, str):
        return value.replace(" ", "T") + "+00:00"
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC).isoformat()
    return value.astimezone(dt.UTC).isoformat()


def _iso_date(value) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


def map_rows(queryset: QuerySet[models.CafePage]) -> list[tuple]:
    """Only the columns a map marker needs, straight from the cursor (the ORM's per-value converters
    cost more than the query itself at 10,000 cafés). Dates come back as ISO strings in UTC,
    coordinates as floats, then the café's time zone and the language of its text."""
    # The language of the text: an alias's is its original's.
    qs = queryset.filter(latitude__isnull=False).annotate(
        text_locale=Coalesce("alias_of__locale_id", "locale_id")).values_list(*MAP_COLUMNS)
    sql, params = qs.query.get_compiler(using=qs.db).as_sql()
    with connections[qs.db].cursor() as cursor:
        cursor.execute(sql, params)
        raw = cursor.fetchall()
    rows = []
    for (pk, title, url_path, path, start, end, weekday, week, until, last_day, city, region, postcode, mode, status,
         lat, lng, approximate, organiser, time_zone, text_locale) in raw:
        rows.append((pk, title, url_path, path, _iso_datetime(start), _iso_datetime(end), weekday, week, _iso_date(until),
                     _iso_date(last_day),
                     city, region, postcode, mode, status, float(lat), float(lng), bool(approximate), organiser, time_zone,
                     language_of_locale(text_locale)))
    return rows


def _best_for_each(pairs: list[tuple[str, object | None]], queryset) -> list:
    """For each (language, object) pair, the object's best translation in that language among the versions
    `queryset` allows (live pages only, for instance), in one query; None when it allows none."""
    keys = {obj.translation_key for _language, obj in pairs if obj is not None}
    versions = defaultdict(list)
    for version in queryset.filter(translation_key__in=keys).select_related("locale") if keys else ():
        versions[version.translation_key].append(version)
    return [None if obj is None else (best_translations(versions[obj.translation_key], language=language) or [None])[0]
            for language, obj in pairs]


def prepare_cafes_for_api(cafes: list[models.CafePage]) -> None:
    """Sets `api_extras` on each café: its country's code, its organiser and its format, named in the café's
    own language when they are translated (an alias in Arabic names the Arabic organiser). Three queries."""
    steplen = models.CafePage.steplen
    codes = dict(models.CountryPage.objects.filter(path__in={c.path[:-steplen] for c in cafes})
                 .values_list("path", "country_code"))
    organisers = _best_for_each([(c.locale.language_code, c.organiser) for c in cafes], models.Organisation.objects.all())
    resource_model = models.CafePage._meta.get_field("format").related_model
    formats = _best_for_each([(c.locale.language_code, c.format) for c in cafes], resource_model.objects.live())
    for cafe, organiser, format_page in zip(cafes, organisers, formats, strict=True):
        cafe.api_extras = {
            "country": codes.get(cafe.path[:-steplen], ""),
            "organiser": {"name": organiser.name, "slug": organiser.slug} if organiser else None,
            "format": {"id": format_page.pk, "title": format_page.title} if format_page else None,
        }
