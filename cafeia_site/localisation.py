"""The questions every language-aware page asks: which version of this object to show in this
language, which way this language's text runs, and what separates the items of a list."""
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

# Said of a text shown in another language than the reader's ("(en français)").
IN_LANGUAGE = {"fr": _("en français"), "ar": _("en arabe"), "en": _("en anglais")}


def text_direction(language_code: str | None) -> str:
    """`rtl` for the right-to-left languages (settings.RTL_LANGUAGES), else `ltr`."""
    return "rtl" if language_code in settings.RTL_LANGUAGES else "ltr"


# Arabic separates list items (and a date from its hours) with its own comma; the others with ", ".
LIST_SEPARATORS = {"ar": "، "}


def list_separator(language_code: str | None) -> str:
    return LIST_SEPARATORS.get(language_code, ", ")


def _rank(obj, language: str, default_language: str) -> int:
    code = obj.locale.language_code
    if code == language:
        return 0
    return 1 if code == default_language else 2


def best_translations(versions: Iterable, *, language: str) -> list:
    """One object per translation key among `versions` (their locale selected): the one in
    `language`, else the one in the default language, else the first met; in order of first sight."""
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    chosen: dict = {}
    for obj in versions:
        rank = _rank(obj, language, default_language)
        current = chosen.get(obj.translation_key)
        if current is None or rank < current[0]:
            chosen[obj.translation_key] = (rank, obj)
    return [obj for _rank_, obj in chosen.values()]


def best_translation(obj, *, language: str):
    """`obj` in `language` if translated, else in the default language, else `obj` itself; one query."""
    if obj is None:
        return obj
    versions = type(obj).objects.filter(translation_key=obj.translation_key).select_related("locale")
    picked = best_translations(versions, language=language)
    return picked[0] if picked else obj


def content_language(page) -> str:
    """The language a page's text is written in: for an alias (Wagtail's copy of a page kept in step with
    it, in a language it has no translation in yet) the language of its original, else its own.
    Lists select `alias_of` so this costs no query."""
    source = page.alias_of if page.alias_of_id else page
    return language_of_locale(source.locale_id)


_LANGUAGE_BY_LOCALE: dict[int, str] = {}


def language_of_locale(locale_id: int) -> str:
    """A locale's language code without a query per page (locales are few and hardly ever change;
    `forget_locales` runs when one is saved)."""
    code = _LANGUAGE_BY_LOCALE.get(locale_id)
    if code is None:
        _LANGUAGE_BY_LOCALE.update(Locale.objects.values_list("pk", "language_code"))
        code = _LANGUAGE_BY_LOCALE.get(locale_id, "")
    return code


def forget_locales(**_kwargs) -> None:
    _LANGUAGE_BY_LOCALE.clear()


def alias_into_every_language(page) -> list:
    """Makes a live page readable in every language: in each locale holding no version of it (translation
    or alias), a Wagtail alias of it, created with its missing parents; Wagtail keeps aliases in step
    (published, unpublished) with their original, and wagtail-localize turns one into a translation when
    an editor translates it. Returns the aliases made."""
    if page.alias_of_id or not page.live or page.depth <= 1:
        return []
    present = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    made = []
    for locale in Locale.objects.exclude(pk__in=present).order_by("pk"):
        made.append(page.copy_for_translation(locale, copy_parents=True, alias=True))
    return made


def alias_every_page() -> int:
    """`alias_into_every_language` for every live original page, parents first (the demo loader, the
    `sync_languages` command after an import). Returns the number of aliases made."""
    locales = Locale.objects.count()
    versions = Page.objects.filter(depth__gt=1).values("translation_key").annotate(n=Count("pk")).filter(n__lt=locales)
    incomplete = Page.objects.filter(
        depth__gt=1, live=True, alias_of__isnull=True, translation_key__in=versions.values("translation_key"))
    made = 0
    seen = set()
    # The default language's version is the one copied when there are several originals.
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for page in incomplete.select_related("locale").order_by("depth", "path"):
        if page.translation_key in seen:
            continue
        page = _preferred_original(page, default_language)
        seen.add(page.translation_key)
        made += len(alias_into_every_language(page.specific))
    return made


def _preferred_original(page, default_language: str):
    if page.locale.language_code == default_language:
        return page
    same = type(page).objects.filter(translation_key=page.translation_key, live=True, alias_of__isnull=True)
    return same.filter(locale__language_code=default_language).first() or page


def page_in_another_language(request) -> str | None:
    """For an address `/<language>/<path>/` that leads nowhere: the URL of the same page in `language` when
    `<path>` is a live page's address in another language (slugs are translated), else None."""
    parts = request.path.strip("/").split("/")
    site = Site.find_for_request(request)
    if len(parts) < 2 or parts[0] not in dict(settings.LANGUAGES) or site is None:
        return None
    wanted = Locale.objects.filter(language_code=parts[0]).first()
    homes = site.root_page.get_translations(inclusive=True).live().exclude(locale=wanted).specific()
    for home in homes:
        try:
            found = home.route(request, parts[1:])
        except Http404:
            continue
        page, route_args = found[0], found[1]
        if not page.live or route_args:  # a routable page's sub-route: its own view says what it has
            continue
        target = page.get_translation_or_none(wanted) if wanted else None
        target = target if target is not None and target.live else None
        url = (target or page).get_url(request)
        if url and url != request.path:
            return url
    return None


def live_translation(page, *, language: str):
    """The live version of `page` readers of `language` should follow (theirs, else the default
    language's, else any); None when no version is live. One query."""
    if page is None:
        return None
    versions = type(page).objects.live().filter(translation_key=page.translation_key).select_related("locale")
    return next(iter(best_translations(versions, language=language)), None)


def live_titles(page_ids: Iterable[int], *, language: str) -> dict[int, str]:
    """For each page id, the title of its live version in `language` (else the default language's, else
    any); ids with no live version are left out. One query."""
    keys = Page.objects.filter(pk__in=list(page_ids)).values("translation_key")
    versions = list(Page.objects.filter(translation_key__in=keys).select_related("locale"))
    chosen = {p.translation_key: p.title for p in best_translations([v for v in versions if v.live], language=language)}
    return {v.pk: chosen[v.translation_key] for v in versions if v.translation_key in chosen}


def per_request_and_language(request, name: str, build):
    """`build(language)` for the active language, computed once per request (template tags that read a
    whole vocabulary or directory in one query, however many times a page uses them)."""
    language = get_language()
    memo = getattr(request, name, None) if request is not None else None
    if memo is None or memo[0] != language:
        memo = (language, build(language))
        if request is not None:
            setattr(request, name, memo)
    return memo[1]
