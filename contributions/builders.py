"""From a contribution's data to a draft page of the right type, under the right parent, in its language.

Each kind has a builder (contributions/kinds/): it knows its page type, where its drafts go, how form
data maps to fields, and where the files go once a moderator approves them.
"""
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page

from cafes.models import CountryPage

from . import files


def country_page(locale: Locale, country_code: str) -> CountryPage:
    """The country's section in this language; refused when the site has none yet."""
    page = CountryPage.objects.filter(locale=locale, country_code=country_code).first()
    if page is None:
        raise ValidationError(_("Ce pays n'a pas encore de section sur le site."))
    return page


class Builder:
    page_model: type[Page]

    def country_code(self, data: dict) -> str:
        return ""

    def target_parent(self, data: dict, *, locale: Locale, country_code: str) -> Page:
        raise NotImplementedError

    def fill(self, page, data: dict, contribution) -> None:
        """Sets the page's fields (and child objects) from the submitted data, never its files: drafts stay private."""
        raise NotImplementedError

    def attach(self, page, *, photos: list, documents: list) -> list[str]:
        """At approval, adds the files' public copies ((record, image) and (record, document) pairs) to the page.

        Returns the names of the fields (or child relations) it changed.
        """
        return []

    def publish_files(self, page, contribution, revision=None) -> None:
        """At approval: the contribution's files become public and join the page, and the revision being
        published, so that its history and the next edit hold them too."""
        photos, documents = files.files_publish(contribution)
        changed = self.attach(page, photos=photos, documents=documents)
        if not changed:
            return
        page.save(update_fields=changed, clean=False)
        if revision is not None:
            data = page.serializable_data()
            revision.content.update({name: data[name] for name in changed})
            revision.save(update_fields=["content"])

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
