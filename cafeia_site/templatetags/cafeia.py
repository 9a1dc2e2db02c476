"""Template tags for the shared page chrome (language links, hreflang, absolute URLs), the vocabulary's
labels and the language's list separator."""
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from cafeia_site.localisation import list_separator as separator_of
from cafeia_site.localisation import live_translation, text_direction
from cafeia_site.site_address import absolute_url
from cafeia_site.vocabulary import Labels, term_labels

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


def _labels(context) -> Labels:
    """The whole vocabulary in the active language, read once per request (one query per page)."""
    language = get_language()
    request = context.get("request")
    memo = getattr(request, "_cafeia_labels", None) if request is not None else None
    if memo is None or memo[0] != language:
        memo = (language, term_labels(language=language))
        if request is not None:
            request._cafeia_labels = memo
    return memo[1]


def _name(item) -> str:
    return item if isinstance(item, str) else item.name


@register.simple_tag(takes_context=True)
def term(context, item) -> str:
    """`{% term tag %}`: a tag's or theme's label in the reader's language (a Tag or its name)."""
    return _labels(context)[_name(item)]


@register.simple_tag(takes_context=True)
def terms(context, items) -> list[str]:
    """`{% terms report_themes as labels %}`: the labels of several tags, in their order."""
    labels = _labels(context)
    return [labels[_name(item)] for item in items]


@register.simple_tag
def list_separator() -> str:
    """"، " in Arabic, ", " otherwise: between the parts of a place, a list or a date."""
    return separator_of(get_language())


@register.filter
def join_list(items) -> str:
    """Items (their text) joined by the language's separator, each isolated from its neighbours'
    direction (<bdi>): a French name inside an Arabic list keeps its place. Empty items are left out."""
    parts = [format_html("<bdi>{}</bdi>", str(item)) for item in items if str(item)]
    return mark_safe(conditional_escape(separator_of(get_language())).join(parts))  # noqa: S308 (parts escaped above)


@register.simple_tag
def in_reader_language(page):
    """`{% in_reader_language page.format as format %}`: the live version of a linked page in the reader's
    language (else the default language's); None when none is live."""
    return live_translation(page, language=get_language())
