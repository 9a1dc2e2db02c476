"""Template tags for the shared page chrome: language links, hreflang, absolute URLs."""
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from cafeia_site.localisation import text_direction
from cafeia_site.site_address import absolute_url

register = template.Library()


def _alternates(context) -> list[dict]:
    """Links to this page in the other languages, only where it exists and is live."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_cafeia_alternates", None)
    if cached is not None:
        return cached
    current = get_language()
    names = dict(settings.LANGUAGES)
    page = context.get("page")
    links = []
    if isinstance(page, Page) and page.pk:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        by_code = {p.locale.language_code: p for p in translations}
        for code, _name in settings.LANGUAGES:
            other = by_code.get(code)
            if other is None:
                continue
            url = other.get_url(request)
            if url:
                links.append({"code": code, "name": names[code], "url": url, "current": code == current})
    else:
        path = request.get_full_path()
        for code, _name in settings.LANGUAGES:
            links.append(
                {"code": code, "name": names[code], "url": translate_url(path, code), "current": code == current}
            )
    request._cafeia_alternates = links
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    return _alternates(context)


@register.simple_tag
def absolute(url: str) -> str:
    """The URL on the site's one public address (cafeia_site.site_address), whatever host the request used."""
    return absolute_url(url)


@register.filter
def text_dir(language_code: str) -> str:
    return text_direction(language_code)
