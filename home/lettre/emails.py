"""The lettre's e-mails: an edition (HTML and plain text) and the subscription confirmation."""
import html
import re

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cafeia_site.localisation import text_direction
from cafeia_site.site_address import public_base_url

# Placeholder swapped per subscriber, so an edition is rendered once per send, not once per person.
UNSUBSCRIBE_PLACEHOLDER = "__CAFEIA_UNSUBSCRIBE_URL__"

_RELATIVE_URL = re.compile(r'(?P<attr>\b(?:href|src|srcset))="/(?!/)')


def absolutize(markup: str, base_url: str) -> str:
    """Make site-relative links absolute: mail clients and feed readers have no base URL."""
    base = base_url.rstrip("/")
    return _RELATIVE_URL.sub(lambda m: f'{m["attr"]}="{base}/', markup)


def html_to_text(markup: str) -> str:
    text = re.sub(r"(?is)<(script|style).*?</\1>", "", markup)
    text = re.sub(r'(?is)<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 ( \1 )", text)
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    text = re.sub(r"(?i)<li[^>]*>", "\n- ", text)
    text = re.sub(r"(?i)</(p|div|h[1-6]|li|ul|ol|section|figure|blockquote|header|footer|tr)>", "\n\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(lines)
    text = re.sub(r"^-\n+", "- ", text, flags=re.M)  # a list item's text on its bullet's line
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def unsubscribe_urls(token: str, language: str) -> tuple[str, str]:
    """(page where a person unsubscribes, one-click POST endpoint for List-Unsubscribe)."""
    base = public_base_url()
    with translation.override(language):
        page = reverse("lettre:unsubscribe", args=[token])
        one_click = reverse("lettre:unsubscribe_one_click", args=[token])
    return base + page, base + one_click


def render_edition(article, *, language: str) -> dict[str, str]:
    """Subject, HTML and text of an edition, with UNSUBSCRIBE_PLACEHOLDER where the link goes."""
    base = public_base_url() + "/"
    with translation.override(language):
        context = {
            "page": article,
            "article_url": base.rstrip("/") + (article.url or ""),
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            "LANGUAGE_CODE": language,
            "LANGUAGE_DIR": text_direction(language),
        }
        markup = absolutize(render_to_string("home/lettre/email/edition.html", context), base)
        body = render_to_string("home/lettre/includes/article_full_text.html", {"page": article})
        text = render_to_string(
            "home/lettre/email/edition.txt", {**context, "body_text": html_to_text(absolutize(body, base))}
        )
        if article.is_edition:
            subject = gettext("Lettre n° %(number)s : %(title)s") % {
                "number": article.issue_number, "title": article.title
            }
        else:
            subject = article.title
    return {"subject": subject, "html": markup, "text": text}


def edition_message(rendered: dict[str, str], *, to: str, token: str, language: str, connection=None):
    page_url, one_click_url = unsubscribe_urls(token, language)
    message = EmailMultiAlternatives(
        subject=rendered["subject"],
        body=rendered["text"].replace(UNSUBSCRIBE_PLACEHOLDER, page_url),
        to=[to],
        headers={
            "List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        connection=connection,
    )
    message.attach_alternative(rendered["html"].replace(UNSUBSCRIBE_PLACEHOLDER, page_url), "text/html")
    return message


def send_confirmation(*, email: str, language: str, token: str) -> None:
    base = public_base_url()
    with translation.override(language):
        confirm_url = base + reverse("lettre:confirm", args=[token])
        context = {"confirm_url": confirm_url}
        subject = gettext("Confirmez votre abonnement à la lettre de Café IA")
        text = render_to_string("home/lettre/email/confirm.txt", context)
    EmailMultiAlternatives(subject=subject, body=text, to=[email]).send()
