"""The directory: organisations and animators (translatable snippets), and the fixed lists of audiences and accessibility features."""
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cafeia_site.models import NormalFormsIndexed

from ..choices import ACCESSIBILITY_FEATURES, AUDIENCES, GENERAL_AUDIENCE, OrganisationKind


class Audience(models.Model):
    """A public a café addresses. A table (not a choices field) so the database can filter and count by it."""

    GENERAL = GENERAL_AUDIENCE
    CHOICES = AUDIENCES
    code = models.SlugField(_("code"), max_length=40, unique=True, choices=CHOICES)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("public")
        verbose_name_plural = _("publics")

    def __str__(self) -> str:
        return str(self.get_code_display())

    @property
    def label(self) -> str:
        return str(self.get_code_display())


class AccessibilityFeature(models.Model):
    """What makes a café accessible (`choices.ACCESSIBILITY_FEATURES`). A table, as audiences are, so the
    database can filter by several of them at once and count them."""

    CHOICES = ACCESSIBILITY_FEATURES
    code = models.SlugField(_("code"), max_length=40, unique=True, choices=CHOICES)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("critère d'accessibilité")
        verbose_name_plural = _("critères d'accessibilité")

    def __str__(self) -> str:
        return str(self.get_code_display())

    @property
    def label(self) -> str:
        return str(self.get_code_display())


class NamedEntry:
    """A directory entry is shown by its name, and its address slug is made from it when left empty."""

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)


class Organisation(NamedEntry, NormalFormsIndexed, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=120, allow_unicode=False)
    kind = models.CharField(_("type de structure"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.ASSOCIATION)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    website = models.URLField(_("site web"), blank=True)
    description = models.TextField(_("présentation"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("city"), index.AutocompleteField("name"),
                     *NormalFormsIndexed.normal_forms_fields()]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="cafes_organisation_slug_locale")]


class Animator(NamedEntry, NormalFormsIndexed, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=120)
    bio = models.TextField(_("présentation"), blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("structure"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    listed = models.BooleanField(
        _("accepte d'apparaître dans l'annuaire"),
        default=False,
        help_text=_("Sans cet accord, son nom n'apparaît nulle part sur le site public."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("bio"), FieldPanel("organisation"), FieldPanel("listed")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("listed"),
                     *NormalFormsIndexed.normal_forms_fields()]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("animateur ou animatrice")
        verbose_name_plural = _("animateurs et animatrices")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="cafes_animateur_slug_locale")]
