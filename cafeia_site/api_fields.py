"""How page models declare fields of the API v2 whose values they compute (imported by models: no views here)."""
from rest_framework.fields import Field, ReadOnlyField
from wagtail.api import APIField


def api_value(name: str, source: str | None = None) -> APIField:
    """A field of the API named `name`, read from the attribute `source` (default: `name`), which holds
    plain JSON values. When `name` is not a column, the API cannot filter or order by it: a private
    venue's exact point cannot be probed with `?latitude=`."""
    return APIField(name, serializer=ReadOnlyField(source=source) if source and source != name else ReadOnlyField())


class ContentLanguageField(Field):
    """The language a page's text is written in: its own, or for an alias (the page copied into another
    language's tree until someone translates it) its source's. Listings set `api_content_language` on
    every page in one query (cafeia_site.api); a page read alone asks for its source."""

    def __init__(self):
        super().__init__(source="*", read_only=True)

    def to_representation(self, page):
        known = getattr(page, "api_content_language", None)
        if known:
            return known
        return (page.alias_of if page.alias_of_id else page).locale.language_code


def content_language() -> APIField:
    return APIField("content_language", serializer=ContentLanguageField())
