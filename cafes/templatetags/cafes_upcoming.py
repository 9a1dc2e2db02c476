"""{% upcoming_cafes count title=... %}: the next cafés and this year's count, for pages of other sections."""
from django import template

from cafes.blocks import UpcomingCafesBlock

register = template.Library()


@register.simple_tag(takes_context=True)
def upcoming_cafes(context, count: int, title: str = ""):
    """The cafés' upcoming-cafés block, rendered with the given count and heading."""
    block = UpcomingCafesBlock()
    value = block.to_python({"title": title, "count": count})
    return block.render(value, context=context.flatten())
