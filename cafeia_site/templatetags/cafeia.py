"""Template tags for the shared page chrome (language links, hreflang, absolute URLs, marks of text shown in
another language), the vocabulary's labels and the language's list separator."""
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from cafeia_site.localisation import (
    IN_LANGUAGE,
    content_language,
    live_translation,
    per_request_and_language,
    text_direction,
)
from cafeia_site.localisation import list_separator as separator_of
from cafeia_site.site_address import absolute_url
from cafeia_site.vocabulary import Labels, term_labels

register = template.Library()


def _remainder(request, page_url: str) -> str:
    """What the request adds to the page's own address: a route of a routable page (`agenda/`,
    `structures/<slug>/`) and the query string (filters, the agenda's month)."""
    path = request.path
    route = path[len(page_url):] if page_url and path.startswith(page_url) else ""
    query = request.META.get("QUERY_STRING", "")
    return route + (f"?{query}" if query else "")


def _alternates(context) -> list[dict]:
    """This page in every language, on the same route with the same query string: its translation, or
    its alias there (its text still in the original's language, `source` then names that language)."""
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
        translations = page.get_translations(inclusive=True).live().select_related("locale", "alias_of")
        by_code = {p.locale.language_code: p for p in translations}
        original = page.alias_of if page.alias_of_id else page
        remainder = _remainder(request, page.get_url(request) or "")
        for code, _name in settings.LANGUAGES:
            other = by_code.get(code) or original
            url = other.get_url(request)
            if not url:
                continue
            source = content_language(other)
            links.append({
                "code": code, "name": names[code], "url": url + remainder, "current": code == current,
                "source": source if source != code else "", "translated": not other.alias_of_id and source == code,
            })
    else:
        path = request.get_full_path()
        for code, _name in settings.LANGUAGES:
            links.append(
                {"code": code, "name": names[code], "url": translate_url(path, code), "current": code == current,
                 "source": "", "translated": True}
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


@register.simple_tag
def source_lang(obj, same: str = "") -> str:
    """` lang="fr" dir="ltr"` on an element showing `obj`'s text when it is not in the reader's language
    (an alias's text, in its original's language); else `same` (e.g. ` dir="auto"` for free text)."""
    code = content_language(obj) if isinstance(obj, Page) else None
    if code is None or code == get_language():
        return format_html(' dir="{}"', same) if same else ""
    return format_html(' lang="{}" dir="{}"', code, text_direction(code))


@register.simple_tag
def source_note(obj) -> str:
    """"(en français)" after a card's title when its text is not in the reader's language."""
    code = content_language(obj) if isinstance(obj, Page) else None
    if code is None or code == get_language():
        return ""
    return format_html(' <span class="source-note">({})</span>', IN_LANGUAGE.get(code, code))


@register.simple_tag
def in_language(code: str) -> str:
    """"en français", "بالفرنسية": in which language a text is shown, in the reader's language."""
    return str(IN_LANGUAGE.get(code, "")) if code else ""


@register.inclusion_tag("includes/source_language_notice.html", takes_context=True)
def source_language_notice(context):
    """On a page shown in its original's language: a note saying so, with the link to the original."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.alias_of_id:
        return {"original": None}
    original = page.alias_of
    code = content_language(page)
    if code == get_language():
        return {"original": None}
    return {"original": original, "code": code, "dir": text_direction(code), "request": context.get("request")}


def _labels(context) -> Labels:
    """The whole vocabulary in the active language, read once per request (one query per page)."""
    return per_request_and_language(context.get("request"), "_cafeia_labels", lambda language: term_labels(language=language))


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
