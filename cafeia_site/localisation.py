"""The questions every language-aware page asks: which version of this object to show in this
language, which way this language's text runs, and what separates the items of a list."""
from collections.abc import Iterable

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


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


def live_translation(page: Page | None, *, language: str) -> Page | None:
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
