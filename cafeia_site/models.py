"""What every page shares: the abstract BasePage with its SEO fields, the site settings, and the
translated labels of the shared vocabulary (tags, themes)."""
from http import HTTPMethod

from django.db import models
from django.db.models import Manager
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .localisation import best_translations
from .middleware import render_standalone
from .search_text import normal_forms


class Counter(models.Model):
    """A shared counter (see cafeia_site.counters): rate limits, spam tallies, versions of cached content."""

    name = models.CharField(max_length=200, primary_key=True)
    value = models.BigIntegerField(default=0)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    def __str__(self):
        return f"{self.name}={self.value}"


def _as_text(value) -> str:
    """A searchable value as the index writes it (strings, lists of strings, dicts of them, tags)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _as_text(list(value.values()))
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    return "" if value is None else str(value)


def _related_items(field: index.RelatedFields, obj) -> list:
    related = field.get_value(obj)
    if related is None:
        return []
    if isinstance(related, Manager):
        return list(related.all())
    return [related() if callable(related) else related]


def _texts(obj, fields, kind):
    """The values of the `kind` fields (SearchField, AutocompleteField) of `obj` and its related objects, but
    the normal forms themselves."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            for item in _related_items(field, obj):
                yield from _texts(item, field.fields, kind)
        elif isinstance(field, kind) and field.field_name not in NormalFormsIndexed.FIELDS:
            yield _as_text(field.get_value(obj))


class NormalFormsIndexed:
    """A model whose search index also holds its Arabic in normal form (cafeia_site.search_text), so that
    `الطلبة`, `طلبة` and `الطُّلبة` find one another, in searches and in the admin's autocomplete alike:
    its `search_fields` add `NormalFormsIndexed.normal_forms_fields()`."""

    FIELDS = ("search_normal_forms", "autocomplete_normal_forms")

    @classmethod
    def normal_forms_fields(cls) -> list:
        return [index.SearchField(cls.FIELDS[0]), index.AutocompleteField(cls.FIELDS[1])]

    def search_normal_forms(self) -> str:
        return normal_forms(" ".join(_texts(self, self.get_search_fields(), index.SearchField)))

    def autocomplete_normal_forms(self) -> str:
        return normal_forms(" ".join(_texts(self, self.get_search_fields(), index.AutocompleteField)))


class BasePage(NormalFormsIndexed, Page):
    """Every public page type derives from this: SEO description and a social image."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Affichée quand la page est partagée sur les réseaux sociaux (idéalement 1200×630)."),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
                FieldPanel("show_in_menus"),
            ],
            heading=_("Pour les moteurs de recherche et le partage"),
        )
    ]

    search_fields = Page.search_fields + NormalFormsIndexed.normal_forms_fields()

    # Public pages are read, never written to: anything else gets a clear 405 page.
    # A page type that handles a form adds HTTPMethod.POST to its own list.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    class Meta:
        abstract = True

    def check_request_method(self, request, *args, **kwargs):
        response = super().check_request_method(request, *args, **kwargs)
        if response is None:
            return None
        page = render_standalone("405.html", request, status=405)
        page["Allow"] = response["Allow"]
        return page

    @property
    def meta_description(self) -> str:
        return self.search_description or ""


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("libellé"), max_length=60)
    url = blocks.URLBlock(label=_("adresse"))

    class Meta:
        icon = "link"
        label = _("lien social")


class FooterContent(TranslatableMixin, models.Model):
    """The human text of the footer (postal address, social links), one translation per language.

    Site settings are one row per site and cannot be translated; this snippet is, through
    wagtail-localize like any page. The settings point at one of them; the footer shows its
    translation in the page's language, or the default language's version when there is none.
    """

    name = models.CharField(
        _("nom"), max_length=100, default="Pied de page",
        help_text=_("Pour le reconnaître dans l'administration ; n'est pas affiché."),
    )
    postal_address = models.TextField(
        _("adresse postale"), blank=True, help_text=_("Une ligne par ligne d'adresse."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("liens sociaux")
    )

    panels = [FieldPanel("name"), FieldPanel("postal_address"), FieldPanel("social_links")]
    # The name is for editors only; the address and the link labels are what readers see.
    override_translatable_fields = [SynchronizedField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("textes du pied de page")
        verbose_name_plural = _("textes du pied de page")

    def __str__(self) -> str:
        return f"{self.name} ({self.locale.language_code})" if self.locale_id else self.name

    @classmethod
    def for_language(cls, chosen_id: int | None, language: str) -> "FooterContent | None":
        """The translation of the chosen footer in `language`, else in the default language, else
        the chosen one itself. One query, whatever the number of languages."""
        if not chosen_id:
            return None
        same = cls.objects.filter(pk=chosen_id).values("translation_key")
        versions = cls.objects.filter(translation_key__in=same).select_related("locale")
        return next(iter(best_translations(versions, language=language)), None)


class VocabularyTerm(TranslatableMixin, models.Model):
    """The label readers see for one tag or theme name, one translation per language.

    Tags (django-taggit) are shared by every language: a café's tags and a report's themes are the
    same words in fr, ar and en. The name stays the key (filters and addresses use it); the label is
    what wagtail-localize translates. A term in the default language is made for every tag as it is
    created (cafeia_site.vocabulary), so "Translate" is always there in the admin.
    """

    name = models.CharField(_("mot-clé"), max_length=100, help_text=_("Le mot-clé tel qu'il est saisi ; ne se traduit pas."))
    label = models.CharField(_("libellé affiché"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("label")]
    override_translatable_fields = [SynchronizedField("name"), TranslatableField("label")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("terme du vocabulaire")
        verbose_name_plural = _("vocabulaire (mots-clés et thèmes)")
        constraints = [models.UniqueConstraint(fields=["name", "locale"], name="cafeia_site_term_name_locale")]

    def __str__(self) -> str:
        return self.label or self.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The footer: how to reach the programme, and where it speaks."""

    contact_email = models.EmailField(_("e-mail de contact"), blank=True)
    footer = models.ForeignKey(
        FooterContent, verbose_name=_("textes du pied de page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Choisissez la version française : le pied de page de chaque langue montre sa traduction "
                    "(Paramètres → Textes du pied de page → Traduire), ou la version française en attendant."),
    )

    panels = [FieldPanel("contact_email"), FieldPanel("footer")]

    class Meta:
        verbose_name = _("réglages du site")
