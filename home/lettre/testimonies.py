"""Testimonies: people's views of AI and of the cafés, and the page that lists them."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cafeia_site.models import BasePage
from cafeia_site.pagination import paginate

TESTIMONIES_PER_PAGE = 12


class TestimonyIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.TestimonyPage"]
    max_count_per_parent = 1
    template = "home/lettre/testimony_index_page.html"

    class Meta:
        verbose_name = _("index des témoignages")

    def get_context(self, request, *args, **kwargs):
        from .selectors import testimonies_under  # selectors import this module

        context = super().get_context(request, *args, **kwargs)
        notices = []
        context["page_obj"] = paginate(request, testimonies_under(index=self), per_page=TESTIMONIES_PER_PAGE, notices=notices)
        context["notices"] = notices
        return context


class TestimonyPage(BasePage):
    """A person's view of AI and of the cafés; contributions create these as drafts."""

    person_name = models.CharField(_("nom de la personne"), max_length=120)
    role = models.CharField(_("rôle"), max_length=200)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    quote = models.CharField(_("citation courte"), max_length=300, blank=True)
    body = models.TextField(_("témoignage"))
    country_code = models.CharField(
        _("pays (code ISO)"), max_length=2, blank=True, help_text=_("Par exemple FR ou MA.")
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("person_name"), FieldPanel("role")]),
        FieldPanel("photo"),
        FieldPanel("quote"),
        FieldPanel("body"),
        FieldPanel("country_code"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("person_name"),
        index.SearchField("role"),
        index.SearchField("quote"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [
        TranslatableField("person_name"),
        TranslatableField("role"),
        SynchronizedField("country_code"),
    ]

    parent_page_types = ["home.TestimonyIndexPage"]
    subpage_types: list[str] = []
    template = "home/lettre/testimony_page.html"

    class Meta:
        verbose_name = _("témoignage")
        verbose_name_plural = _("témoignages")
