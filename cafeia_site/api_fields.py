"""How page models declare fields of the API v2 whose values they compute (imported by models: no views here)."""
from rest_framework.fields import ReadOnlyField
from wagtail.api import APIField


def api_value(name: str, source: str | None = None) -> APIField:
    """A field of the API named `name`, read from the attribute `source` (default: `name`), which holds
    plain JSON values. When `name` is not a column, the API cannot filter or order by it: a private
    venue's exact point cannot be probed with `?latitude=`."""
    return APIField(name, serializer=ReadOnlyField(source=source) if source and source != name else ReadOnlyField())
