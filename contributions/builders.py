"""From a contribution's data to a draft page of the right type, under the right parent, in its language.

One builder per kind; each knows its page type, where its drafts go and how form data maps to fields.
"""
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page

_REGISTRY: dict[str, "Builder"] = {}


def register(kind: str):
    def wrap(cls):
        _REGISTRY[kind] = cls()
        return cls

    return wrap


def for_kind(kind: str) -> "Builder":
    from . import kinds  # noqa: F401  (fills the registry)

    return _REGISTRY[kind]


class Builder:
    page_model: type[Page]

    def country_code(self, data: dict) -> str:
        return ""

    def target_parent(self, data: dict, *, locale: Locale, country_code: str) -> Page:
        raise NotImplementedError

    def fill(self, page, data: dict, contribution) -> None:
        """Sets the page's fields (and child objects) from the submitted data."""
        raise NotImplementedError

    def title(self, data: dict) -> str:
        return data["title"]

    def create_draft(self, contribution):
        data = contribution.data
        parent = self.target_parent(data, locale=contribution.locale, country_code=contribution.country_code)
        page = self.page_model(
            title=self.title(data)[:255],
            slug=find_available_slug(parent, slugify(self.title(data))[:50] or "contribution"),
            locale=contribution.locale,
            live=False,
        )
        self.fill(page, data, contribution)
        parent.add_child(instance=page)
        # Wagtail skips required-field validation on drafts: this draft must be complete.
        page.full_clean()
        page.save_revision(user=None, log_action=True)
        return page

    def update_draft(self, contribution, page):
        page.title = self.title(contribution.data)[:255]
        self.fill(page, contribution.data, contribution)
        page.full_clean()
        page.save_revision(user=None, log_action=True)
        return page
