"""The two questions every language-aware page asks: which version of this object to show in
this language, and which way this language's text runs."""
from collections.abc import Iterable

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant


def text_direction(language_code: str | None) -> str:
    """`rtl` for the right-to-left languages (settings.RTL_LANGUAGES), else `ltr`."""
    return "rtl" if language_code in settings.RTL_LANGUAGES else "ltr"


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
