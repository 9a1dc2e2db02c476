"""The lettre's pages: its index (filters, RSS and Atom feeds) and its articles, editions or news."""
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cafeia_site.api_fields import api_value, content_language, term_labels_field
from cafeia_site.models import BasePage
from cafeia_site.pagination import paginate

from .blocks import article_blocks

ARTICLES_PER_PAGE = 10
MAX_SEARCH_LENGTH = 200


class ArticleIndexPage(RoutablePageMixin, BasePage):
    """/<lang>/lettre/: every edition and news article, filterable, with RSS and Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ArticlePage"]
    max_count_per_parent = 1

    template = "home/lettre/article_index_page.html"

    class Meta:
        verbose_name = _("index de la lettre")

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_listing  # selectors import this module

        context = super().get_context(request, *args, **kwargs)
        notices = []
        tag = request.GET.get("tag", "").strip()[:100]
        year_raw = request.GET.get("year", "").strip()
        query = " ".join(request.GET.get("q", "").split())[:MAX_SEARCH_LENGTH]
        country = request.GET.get("pays", "").strip()[:10]
        listing = article_listing(index=self, tag=tag, year=year_raw, query=query, country=country)
        if tag and listing.tag is None:
            notices.append(gettext("Le mot-clé « %(tag)s » n'existe pas : ce filtre est ignoré.") % {"tag": tag})
        if year_raw and listing.year is None:
            notices.append(gettext("L'année « %(year)s » n'est pas valable : ce filtre est ignoré.") % {"year": year_raw[:10]})
        if country and listing.country is None:
            notices.append(gettext("Aucun article ne concerne le pays « %(country)s » : ce filtre est ignoré.") % {"country": country})
        page_obj = paginate(request, listing.articles, per_page=ARTICLES_PER_PAGE, notices=notices)
        context.update(
            page_obj=page_obj,
            articles=page_obj.object_list,
            tags=listing.all_tags,
            years=listing.all_years,
            current_tag=listing.tag,
            current_year=listing.year,
            countries=listing.all_countries,
            current_country=listing.country,
            query=query,
            notices=notices,
            feed_urls=self.feed_urls(),
        )
        return context

    def feed_urls(self) -> dict[str, str]:
        base = self.url or ""
        return {"rss": f"{base}rss/", "atom": f"{base}atom/"}

    @path("rss/")
    def rss_feed(self, request):
        from .feeds import ArticleRssFeed  # feeds import this module

        return ArticleRssFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        from .feeds import ArticleAtomFeed  # feeds import this module

        return ArticleAtomFeed(self)(request)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("home.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(BasePage):
    """A letter edition when it has an issue number, a plain news article otherwise."""

    date = models.DateField(_("date"), default=timezone.localdate)
    issue_number = models.PositiveIntegerField(
        _("numéro de la lettre"), null=True, blank=True,
        help_text=_("Laisser vide pour une simple actualité."),
    )
    chapeau = models.TextField(_("chapeau"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image principale"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    hero_alt = models.CharField(
        _("texte alternatif de l'image"), max_length=250, blank=True,
        help_text=_("Décrit l'image pour qui ne la voit pas ; vide si elle est décorative."),
    )
    hero_credit = models.CharField(_("crédit de l'image"), max_length=200, blank=True)
    authors = models.CharField(_("préparée par"), max_length=250, blank=True)
    illustrators = models.CharField(_("illustrée par"), max_length=250, blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("mots-clés"))
    # One country per article: the news block of that country's page. A page link (not a code)
    # so a typo cannot orphan an article; synchronised, so every translation keeps it.
    country = models.ForeignKey(
        "cafes.CountryPage", verbose_name=_("pays concerné"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="articles",
        help_text=_("Facultatif. L'article apparaît alors dans les actualités de la page de ce pays, dans chaque langue où il est traduit."),
    )
    body = StreamField(article_blocks(), blank=True, verbose_name=_("sections"))

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("issue_number")]),
        FieldPanel("country"),
        FieldPanel("chapeau"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_credit")],
            heading=_("Image principale"),
        ),
        FieldRowPanel([FieldPanel("authors"), FieldPanel("illustrators")], heading=_("Crédits")),
        FieldPanel("tags"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("chapeau"),
        index.SearchField("body"),
        index.SearchField("authors"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    override_translatable_fields = [SynchronizedField("country")]
    # Open data: the sections as Wagtail serialises a StreamField (type, value, id), the country as its code.
    api_fields = [
        *(APIField(name) for name in ("date", "issue_number", "chapeau")),
        APIField("body"),
        api_value("country", "country_code"),
        api_value("tags", "tag_names"),
        term_labels_field("tag_labels", "tag_names"),
        content_language(),
    ]

    parent_page_types = ["home.ArticleIndexPage"]
    subpage_types: list[str] = []
    template = "home/lettre/article_page.html"

    class Meta:
        verbose_name = _("article de la lettre")
        verbose_name_plural = _("articles de la lettre")

    @property
    def is_edition(self) -> bool:
        return self.issue_number is not None

    @cached_property
    def tag_list(self):
        return list(self.tags.all())

    @classmethod
    def api_queryset(cls, queryset):
        return queryset.select_related("country").prefetch_related("tagged_items__tag")

    @property
    def country_code(self) -> str:
        return self.country.country_code if self.country_id else ""

    @property
    def tag_names(self) -> list[str]:
        return sorted(item.tag.name for item in self.tagged_items.all())

    def get_context(self, request, *args, **kwargs):
        from .selectors import articles_related  # selectors import this module

        context = super().get_context(request, *args, **kwargs)
        context["related"] = articles_related(article=self)
        index_page = self.get_parent().specific
        context["lettre_index"] = index_page
        context["feed_urls"] = index_page.feed_urls() if isinstance(index_page, ArticleIndexPage) else {}
        return context
