"""The home page and free-standing pages such as "Qu'est-ce que Café IA ?"."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cafeia_site.blocks import body_blocks
from cafeia_site.models import BasePage
from home.blocks import (
    ApiExamplesBlock,
    FeaturedTestimonyBlock,
    LatestArticlesBlock,
    PrincipleBlock,
    UpcomingCafesBlock,
)


class HomePage(BasePage):
    hero_text = models.TextField(_("texte du bandeau"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image du bandeau"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        body_blocks()
        + [
            ("latest_articles", LatestArticlesBlock()),
            ("featured_testimony", FeaturedTestimonyBlock()),
            ("upcoming_cafes", UpcomingCafesBlock()),
        ],
        blank=True,
        verbose_name=_("blocs mis en avant"),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Bandeau")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ArticleIndexPage",
        "home.TestimonyIndexPage",
        "cafes.CafeIndexPage",
        "ressources.ResourceIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")


class StandardPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        body_blocks() + [("principle", PrincipleBlock()), ("api_examples", ApiExamplesBlock())], blank=True,
        verbose_name=_("corps"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page simple")

