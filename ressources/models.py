"""The library of resources: an index page with filters, and resource pages with their licence."""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cafeia_site.models import BasePage
from cafeia_site.pagination import paginate
from cafeia_site.site_address import absolute_url

from . import selectors
from .blocks import step_blocks
from .choices import Level, ResourceAudience, ResourceKind, Screens, Theme
from .filters import FILTER_NAMES, ResourceFilterForm
from .licences import DEFAULT_LICENCE, LICENCE_CHOICES, attribution, get_licence

PER_PAGE = 12


class ResourceIndexPage(RoutablePageMixin, BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["ressources.ResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("bibliothèque de ressources")

    @path("")
    def index_route(self, request):
        """The filtered, paginated library: a filter with a bad value is dropped and said so."""
        tags = selectors.resource_tag_names(index_page=self)
        form = ResourceFilterForm(request.GET, tags=tags)
        form.is_valid()
        notices = form.ignored_messages()
        filters = form.filters()
        query = form.query()
        resources = selectors.resources_for_index(index_page=self, query=query, **filters)
        page_obj = paginate(request, resources, per_page=PER_PAGE, notices=notices)
        return self.render(request, context_overrides={
            "filter_form": form,
            "notices": notices,
            "active_filters": bool(filters or query),
            "query": query,
            "page_obj": page_obj,
            "resources": page_obj.object_list,
            "filter_names": FILTER_NAMES,
        })


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey("ressources.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items")


class ResourcePage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("type"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.FORMAT)
    summary = models.TextField(_("résumé"), help_text=_("Deux ou trois phrases : à quoi sert cette ressource."))
    objectives = models.TextField(_("objectifs"), blank=True)
    audience = models.CharField(_("public"), max_length=20, choices=ResourceAudience.choices, blank=True)
    age_min = models.PositiveSmallIntegerField(_("âge minimum"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("âge maximum"), null=True, blank=True)
    group_min = models.PositiveSmallIntegerField(_("participants (minimum)"), null=True, blank=True)
    group_max = models.PositiveSmallIntegerField(_("participants (maximum)"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), null=True, blank=True)
    preparation_minutes = models.PositiveSmallIntegerField(_("préparation (minutes)"), null=True, blank=True)
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices, blank=True)
    with_screens = models.CharField(_("écrans"), max_length=10, choices=Screens.choices, blank=True)
    materials = models.TextField(_("matériel nécessaire"), blank=True)
    steps = StreamField(step_blocks(), blank=True, verbose_name=_("étapes"))
    variations = models.TextField(_("variantes"), blank=True)
    tips = models.TextField(_("conseils"), blank=True)
    authors = models.CharField(_("auteurs"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    source_url = models.URLField(_("adresse d'origine"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=LICENCE_CHOICES, default=DEFAULT_LICENCE,
        help_text=_("Ce que le programme produit est sous CC BY-NC 4.0, sauf mention contraire."),
    )
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True, verbose_name=_("mots-clés"))

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldRowPanel([FieldPanel("group_min"), FieldPanel("group_max")]),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("preparation_minutes")]),
                FieldRowPanel([FieldPanel("level"), FieldPanel("with_screens")]),
            ],
            heading=_("Pour qui, combien de temps"),
        ),
        FieldPanel("materials"),
        FieldPanel("steps"),
        FieldPanel("variations"),
        FieldPanel("tips"),
        InlinePanel("documents", label=_("documents à télécharger")),
        InlinePanel("images", label=_("images")),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("organisation"), FieldPanel("source_url"), FieldPanel("licence")],
            heading=_("Auteurs et licence"),
        ),
        InlinePanel("themes", label=_("thèmes")),
        FieldPanel("tags"),
    ]
    # Open data through /api/v2/pages/?type=ressources.ResourcePage&fields=*: the licence travels with it.
    api_fields = [APIField(name) for name in ("kind", "summary", "licence", "authors", "organisation", "source_url",
                                               "duration_minutes", "with_screens", "audience")]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("materials"),
        index.SearchField("steps"),
        index.SearchField("authors"),
        index.SearchField("organisation"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
    ]
    # Names and addresses are the same in every language.
    override_translatable_fields = [
        SynchronizedField("authors"),
        SynchronizedField("organisation"),
        SynchronizedField("source_url"),
    ]

    parent_page_types = ["ressources.ResourceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
        indexes = [models.Index(fields=["kind", "duration_minutes"])]

    def clean(self):
        super().clean()
        errors = {}
        for low, high in (("age_min", "age_max"), ("group_min", "group_max")):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                errors[high] = _("Le maximum doit être supérieur ou égal au minimum.")
        if errors:
            raise ValidationError(errors)

    @property
    def licence_info(self):
        return get_licence(self.licence)

    def attribution_text(self, request=None) -> str:
        # The same address as the page's canonical link: the site's public address.
        return attribution(self, url=absolute_url(self.get_url(request) or ""))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.resource_detail(self))
        context["attribution"] = self.attribution_text(request)
        context["index_url"] = self.get_parent().get_url(request)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.GET.get("print") == "1":
            return self.print_view(request)
        return self.render(request)

    @property
    def print_url(self) -> str:
        return (self.url or "") + self.reverse_subpage("print")

    @path("imprimer/", name="print")
    def print_view(self, request):
        return self.render(request, template="ressources/resource_page_print.html", context_overrides={"printing": True})


class ResourceTheme(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("thème")
        constraints = [models.UniqueConstraint(fields=["page", "theme"], name="ressources_theme_once_per_page")]


class ResourceDocument(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("titre affiché"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class ResourceImage(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("légende"), max_length=300, blank=True)
    credit = models.CharField(_("crédit"), max_length=200)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = _("image")
