"""How page models declare fields of the API v2 whose values they compute (imported by models: no views here)."""
from rest_framework.fields import Field, ReadOnlyField
from wagtail.api import APIField

from .localisation import content_language as content_language_of


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
