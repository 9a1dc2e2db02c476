"""{% upcoming_cafes count title=... %}: the next cafés and this year's count, for pages of other sections."""
from django import template
from wagtail.models import Locale

from cafes.models import SynthesisPage
from cafes.selectors import cafe_index_for, cafes_upcoming
from cafes.synthesis import cafes_held, current_year

register = template.Library()


@register.inclusion_tag("cafes/includes/upcoming_cafes.html", takes_context=True)
def upcoming_cafes(context, count: int, title: str = ""):
    locale = Locale.get_active()
    # The same count as the synthesis and the open data: one source for "how many cafés".
    year = current_year()
    return {
        "request": context.get("request"),
        "title": title,
        "cafes": list(cafes_upcoming(locale=locale, limit=count)),
        "cafe_index": cafe_index_for(locale),
        "year": year,
        "held_this_year": cafes_held(year=year),
        "synthesis": SynthesisPage.objects.live().filter(locale=locale, year=year, country_code="").first(),
    }
