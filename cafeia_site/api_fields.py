"""How page models declare fields of the API v2 whose values they compute (imported by models: no views here)."""
from rest_framework.fields import Field, ReadOnlyField
from wagtail.api import APIField

from .localisation import content_language as content_language_of
from .localisation import language_of_locale
from .vocabulary import term_labels


def api_value(name: str, source: str | None = None) -> APIField:
    """A field of the API named `name`, read from the attribute `source` (default: `name`), which holds
    plain JSON values. When `name` is not a column, the API cannot filter or order by it: a private
    venue's exact point cannot be probed with `?latitude=`."""
    return APIField(name, serializer=ReadOnlyField(source=source) if source and source != name else ReadOnlyField())


class ContentLanguageField(Field):
    """The language a page's text is written in (cafeia_site.localisation.content_language): an alias's
    is its original's. Listings select `alias_of` (cafeia_site.api), so this costs no query there."""

    def __init__(self):
        super().__init__(source="*", read_only=True)

    def to_representation(self, page):
        return content_language_of(page)


def content_language() -> APIField:
    return APIField("content_language", serializer=ContentLanguageField())


class TermLabelsField(Field):
    """The labels, in the page's language, of the tag or theme names held by `source` (in the same order):
    the names stay the stable keys (filters, exports). The vocabulary is read once per request and language."""

    def __init__(self, source: str):
        super().__init__(source="*", read_only=True)
        self.names_attribute = source

    def to_representation(self, page):
        language = language_of_locale(page.locale_id)
        request = self.context.get("request")
        memo = getattr(request, "_api_term_labels", None)
        if memo is None:
            memo = {}
            if request is not None:
                request._api_term_labels = memo
        if language not in memo:
            memo[language] = term_labels(language=language)
        labels = memo[language]
        return [labels[name] for name in getattr(page, self.names_attribute)]


def term_labels_field(name: str, source: str) -> APIField:
    return APIField(name, serializer=TermLabelsField(source))
