"""The shared vocabulary (tags and themes) in the reader's language: one term per tag name, its label
translated through wagtail-localize, every label a page needs read in one query."""
from collections.abc import Iterable

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from .models import VocabularyTerm


def _key(name: str) -> str:
    # Tags are case-insensitive (TAGGIT_CASE_INSENSITIVE); the synthesis reads them lowered.
    return name.casefold()


class Labels:
    """Tag or theme name → its label in one language; a name without a term reads as itself."""

    def __init__(self, by_key: dict[str, str]):
        self._by_key = by_key

    def __getitem__(self, name: str) -> str:
        return self._by_key.get(_key(name), name)


def term_labels(*, language: str, names: Iterable[str] | None = None) -> Labels:
    """The labels in `language` (else the default language's) of `names`, or of the whole vocabulary; one query."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    terms = VocabularyTerm.objects.filter(locale__language_code__in={language, default})
    if names is not None:
        terms = terms.filter(name__in=set(names))
    by_key: dict[str, str] = {}
    for name, label, code in terms.values_list("name", "label", "locale__language_code"):
        if code == language or _key(name) not in by_key:
            by_key[_key(name)] = label or name
    return Labels(by_key)


def terms_ensure(names: Iterable[str]) -> None:
    """A term in the default language for each name that has none, labelled by the name itself."""
    names = {name for name in names if name}
    if not names:
        return
    locale = Locale.get_default()
    known = set(VocabularyTerm.objects.filter(locale=locale, name__in=names).values_list("name", flat=True))
    VocabularyTerm.objects.bulk_create(
        [VocabularyTerm(name=name, label=name, locale=locale) for name in sorted(names - known)], ignore_conflicts=True)


def tag_saved(sender, instance, **kwargs) -> None:
    """Every tag gets its term as it is created (or renamed), so editors find it ready to translate."""
    terms_ensure([instance.name])
