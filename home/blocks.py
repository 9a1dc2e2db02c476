"""Blocks of the home and free pages: principles, and what the home page features from the lettre and the cafés."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.lettre.selectors import articles_latest, testimony_featured


class PrincipleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("principe"), max_length=120)
    text = blocks.TextBlock(label=_("explication"))

    class Meta:
        icon = "tick"
        label = _("principe")
        template = "blocks/principle.html"


class ApiExamplesBlock(blocks.StaticBlock):
    """The open-data page: requests to the API v2 and their answers, written in the template and translated
    with the site's catalogs (an editor only places it)."""

    class Meta:
        icon = "code"
        label = _("exemples de l'API")
        admin_text = _("Exemples de requêtes de l'API v2 et de leurs réponses, traduits avec le site.")
        template = "home/blocks/api_examples.html"


class LatestArticlesBlock(blocks.StructBlock):
    """Home page: the latest articles of the lettre in the page's language."""

    title = blocks.CharBlock(label=_("titre"), max_length=120, default=_("La lettre"))
    count = blocks.IntegerBlock(label=_("nombre d'articles"), default=3, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        locale_id = getattr(page, "locale_id", None)
        context["index"], context["articles"] = articles_latest(
            locale_id=locale_id, count=value.get("count") or 3
        )
        return context

    class Meta:
        icon = "doc-full-inverse"
        label = _("derniers articles")
        template = "home/blocks/latest_articles.html"


class FeaturedTestimonyBlock(blocks.StructBlock):
    """Home page: one testimony, shown in the page's language when it is translated."""

    title = blocks.CharBlock(label=_("titre"), max_length=120, required=False)
    testimony = blocks.PageChooserBlock(label=_("témoignage"), page_type="home.TestimonyPage")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        chosen = value.get("testimony")
        context["testimony"] = testimony_featured(chosen=chosen, locale_id=getattr(page, "locale_id", None))
        return context

    class Meta:
        icon = "openquote"
        label = _("témoignage mis en avant")
        template = "home/blocks/featured_testimony.html"


class UpcomingCafesBlock(blocks.StructBlock):
    """Home page: the next cafés, rendered by the cafés' own template tag (home imports no café code)."""

    title = blocks.CharBlock(label=_("titre"), max_length=120, default=_("Prochains cafés IA"))
    count = blocks.IntegerBlock(label=_("nombre de cafés"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "date"
        label = _("prochains cafés")
        template = "home/blocks/upcoming_cafes.html"
