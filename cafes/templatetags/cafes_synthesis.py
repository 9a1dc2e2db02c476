"""Template tags for the synthesis page."""
from django import template

register = template.Library()


@register.simple_tag
def report_link(links: dict, report_id: int):
    return links.get(report_id, ("", ""))
