"""Template tags of the lettre: images that reuse existing renditions, and a country's news for its page."""
from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter

from home.lettre.selectors import articles_about_country

register = template.Library()


@register.inclusion_tag("home/lettre/includes/country_news.html", takes_context=True)
def country_news(context, country):
    """The newest articles of the page's language about `country` (a CountryPage), with a link to them all."""
    return {
        "request": context.get("request"),
        "page": country,
        "news": articles_about_country(country=country, locale_id=country.locale_id),
    }


@register.simple_tag
def rendition_img(image, spec: str, **attrs):
    """Like {% image %}, but an existing (prefetched or cached) rendition is used as is.

    Wagtail's get_rendition() writes every rendition back to the cache, which with the
    database cache costs several queries per image and per request; here a rendition
    prefetched by a selector (prefetch_renditions) costs nothing, and another one a cache read.
    """
    if image is None:
        return ""
    filter_ = Filter(spec=spec)
    try:
        rendition = image.find_existing_rendition(filter_)
    except image.get_rendition_model().DoesNotExist:
        rendition = image.get_rendition(filter_)
    attrs.setdefault("alt", "")
    return mark_safe(rendition.img_tag(attrs))  # noqa: S308 (img_tag escapes its attributes)
