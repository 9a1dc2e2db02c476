"""The café tree above the cafés: the index (map, list, agenda, directory) and one page per country."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cafeia_site.blocks import body_blocks
from cafeia_site.models import BasePage

from .. import timing


class CafeIndexPage(RoutablePageMixin, BasePage):
    """/cafes/: the map and list, plus the agenda and the organiser and animator pages.

    Those are routes of this page (RoutablePageMixin) rather than views under i18n_patterns: they
    then live under the café index of each language, with its breadcrumbs, language switcher and
    site, and need no URL of their own in the project's urls.py.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("corps"))

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cafes.CountryPage", "cafes.SynthesisPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("index des cafés")

    @path("")
    def index_route(self, request):
        from ..views import cafe_index

        return cafe_index(request, self)

    @path("agenda/")
    def agenda_route(self, request):
        from ..views import agenda

        return agenda(request, self)

    @path("structures/")
    def organisation_list_route(self, request):
        from ..views import organisation_list

        return organisation_list(request, self)

    @path("structures/<slug:slug>/")
    def organisation_route(self, request, slug):
        from ..views import organisation_detail

        return organisation_detail(request, self, slug)

    @path("animateurs/<slug:slug>/")
    def animateur_route(self, request, slug):
        from ..views import animateur_detail

        return animateur_detail(request, self, slug)


class CountryPage(BasePage):
    """One country: its own map and list, its news, organisers, contact and moderators."""

    country_code = models.CharField(
        _("code du pays"), max_length=2, help_text=_("Code ISO 3166 à deux lettres, par exemple FR ou MA.")
    )
    capital = models.CharField(_("capitale"), max_length=100, blank=True)
    time_zone = models.CharField(
        _("fuseau horaire"), max_length=64, default=settings.TIME_ZONE, choices=timing.time_zone_choices,
        help_text=_("Celui des cafés du pays : les heures saisies dans le formulaire public s'y lisent, "
                    "et un café créé ici le prend par défaut. Le même dans toutes les langues."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    contact_email = models.EmailField(
        _("e-mail de contact du pays"), blank=True,
        help_text=_("Une adresse d'équipe (par exemple maroc@…), jamais celle d'une personne. La même dans toutes les langues."),
    )
    contact_address = models.TextField(
        _("adresse postale"), blank=True, max_length=500,
        help_text=_("Facultative. Une ligne par ligne d'adresse ; se traduit avec la page."),
    )
    contact_text = models.TextField(
        _("texte de contact"), blank=True, max_length=600,
        help_text=_("Deux ou trois phrases : à qui écrire, pour quoi (organiser un café, la presse, un partenariat…)."),
    )
    moderators_text = models.TextField(
        _("qui modère"), blank=True, max_length=600,
        help_text=_("Le nom de l'équipe ou de la structure qui relit les contributions de ce pays. "
                    "Jamais de compte utilisateur ni d'e-mail personnel."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("country_code"), FieldPanel("capital"), FieldPanel("time_zone"), FieldPanel("introduction")],
            heading=_("Le pays"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_text"), FieldPanel("contact_email"), FieldPanel("contact_address")],
            heading=_("Contact du pays"),
            help_text=_("Affiché sur la page du pays. Les textes se traduisent ; l'e-mail est le même dans toutes les langues."),
        ),
        MultiFieldPanel(
            [FieldPanel("moderators_text")],
            heading=_("Modération"),
            help_text=_("Un lien vers les formulaires de contribution de la langue de la page s'affiche à côté de ce texte."),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    override_translatable_fields = [
        SynchronizedField("country_code"),
        SynchronizedField("contact_email"),
        SynchronizedField("time_zone"),
        TranslatableField("capital"),
        TranslatableField("introduction"),
        TranslatableField("contact_address"),
        TranslatableField("contact_text"),
        TranslatableField("moderators_text"),
    ]
    parent_page_types = ["cafes.CafeIndexPage"]
    subpage_types = ["cafes.CafePage", "cafes.CafeReportPage", "cafes.SynthesisPage"]

    class Meta:
        verbose_name = _("pays")

    def clean(self):
        super().clean()
        self.country_code = (self.country_code or "").upper()
        if not (len(self.country_code) == 2 and self.country_code.isalpha() and self.country_code.isascii()):
            raise ValidationError({"country_code": _("Indiquez un code de pays à deux lettres (FR, MA…).")})

    def serve(self, request, *args, **kwargs):
        from ..views import country_page

        return country_page(request, self)
