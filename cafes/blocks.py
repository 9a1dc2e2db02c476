"""Blocks other sections can put in their StreamFields: the next cafés."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from .models import SynthesisPage
from .selectors import cafe_index_for, cafes_upcoming
from .synthesis import cafes_held, current_year


class UpcomingCafesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=120, default=_("Prochains cafés IA"))
    count = blocks.IntegerBlock(label=_("nombre de cafés"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "date"
        label = _("prochains cafés")
        template = "cafes/blocks/upcoming_cafes.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        locale = Locale.get_active()
        context["cafes"] = list(cafes_upcoming(locale=locale, limit=value["count"]))
        context["cafe_index"] = cafe_index_for(locale)
        # The same count as the synthesis and the open data: one source for "how many cafés".
        year = current_year()
        context["year"] = year
        context["held_this_year"] = cafes_held(year=year)
        context["synthesis"] = SynthesisPage.objects.live().filter(locale=locale, year=year, country_code="").first()
        return context
