"""The café tree above the cafés: the index (map, list, agenda, directory) and one page per country,
each rendering its own routes from the selectors."""
import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cafeia_site.blocks import body_blocks
from cafeia_site.models import BasePage
from cafeia_site.pagination import paginate

from .. import geo, selectors, structured, timing
from ..forms import AgendaFilterForm, CafeFilterForm

PER_PAGE = 20
DIRECTORY_PER_PAGE = 50


def map_settings() -> dict:
    return {"tile_url": settings.CAFEIA_TILE_URL, "tile_attribution": settings.CAFEIA_TILE_ATTRIBUTION}


def _feed_url(name: str, *queries: str) -> str:
    return reverse(f"cafes:{name}") + "?" + "&".join(q for q in queries if q)


def listing_context(request, *, country=None) -> dict:
    """The filtered, paginated list and map of the index and of a country page (`country` fixed)."""
    locale = Locale.get_active()
    country_pages = selectors.countries(locale=locale)
    by_path = selectors.country_by_path(country_pages)
    form = CafeFilterForm(request.GET, countries=country_pages)
    filters, notices = _filters(form, country)
    near_text = filters.pop("near", None)
    near = selectors.resolve_near(near_text, locale=locale) if near_text else None
    if near_text and near is None:
        notices.append(gettext("Aucun café connu près de « %(place)s » : essayez un code postal ou une ville voisine.") % {"place": near_text})
    queryset = selectors.with_cards(selectors.cafes_filtered(locale=locale, **filters))
    if near is not None:
        queryset = structured.order_by_distance(queryset.filter(latitude__isnull=False).order_by(), near)
    page_obj = paginate(request, queryset, per_page=PER_PAGE, notices=notices)
    cards = []
    for cafe in page_obj.object_list:
        cafe.country_page = selectors.country_of(cafe.path, by_path)
        cafe.distance = None
        if near is not None and cafe.public_latitude is not None:
            cafe.distance = round(geo.distance_km(near.latitude, near.longitude, cafe.public_latitude, cafe.public_longitude))
        cards.append(cafe)
    data_query = form.querystring(filters)
    lang = f"lang={locale.language_code}"
    return {
        "form": form.without_errors() if form.errors else form,
        "filters": filters,
        "notices": notices,
        "near": near,
        "page_obj": page_obj,
        "cafes": cards,
        "countries": country_pages,
        "geojson_url": _feed_url("geojson", lang, data_query),
        "ics_url": _feed_url("ics", lang, data_query),
        "csv_url": _feed_url("csv", lang, data_query),
        "map": map_settings(),
        "has_filters": bool(set(filters) - {"when"} or filters.get("when") != "upcoming" or near),
        "agenda_query": _agenda_query(filters, country),
    }


def _filters(form: CafeFilterForm, country) -> tuple[dict, list[str]]:
    """The form's valid filters (an unknown organiser dropped, said in a notice), `country` fixed if given."""
    filters, notices = form.filters()
    if country is not None:
        filters["country"] = country.country_code
    organiser = filters.get("organiser")
    if organiser and not selectors.organiser_exists(organiser):
        notices.append(gettext("Structure inconnue : ce filtre a été ignoré."))
        filters.pop("organiser")
    return filters, notices


def _agenda_query(filters: dict, country, **extra) -> str:
    """The filters an agenda link carries (the month aside): a country page's own country is its address."""
    skipped = set(AgendaFilterForm.MONTH_FIELDS) | ({"country"} if country is not None else set())
    pairs = [(k, v) for k, v in filters.items() if k not in skipped and k in CafeFilterForm.FEED_FIELDS]
    return urlencode(pairs + list(extra.items()), doseq=True)


def _month(request, notices: list[str]) -> dt.date:
    raw = request.GET.get("mois")
    if raw:
        try:
            parsed = dt.datetime.strptime(raw, "%Y-%m").date()
            if 2000 <= parsed.year <= 2100:
                return parsed
        except ValueError:
            pass
        notices.append(gettext("Mois invalide : voici le mois en cours."))
    return timezone.localdate().replace(day=1)


def agenda_context(request, *, country=None) -> dict:
    """The month's agenda of the index and of a country page (`country` fixed), with every filter of
    the café list but the dates; month links and the feed keep the filters."""
    locale = Locale.get_active()
    notices: list[str] = []
    month = _month(request, notices)
    next_month = (month + dt.timedelta(days=32)).replace(day=1)
    previous_month = (month - dt.timedelta(days=1)).replace(day=1)
    form = AgendaFilterForm(request.GET, countries=selectors.countries(locale=locale))
    filters, filter_notices = _filters(form, country)
    notices += filter_notices
    return {
        "month": month,
        "days": selectors.agenda_days(locale=locale, month=month, next_month=next_month, **filters),
        "previous_url": "?" + _agenda_query(filters, country, mois=previous_month.strftime("%Y-%m")),
        "next_url": "?" + _agenda_query(filters, country, mois=next_month.strftime("%Y-%m")),
        "list_query": _agenda_query(filters, country),
        "ics_url": _feed_url("ics", f"lang={locale.language_code}", form.querystring(filters)),
        "form": form.without_errors() if form.errors else form,
        "has_filters": bool(set(filters) - ({"country"} if country is not None else set())),
        "country": country,
        "notices": notices,
    }


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
        return self.render(request, context_overrides=listing_context(request))

    @path("agenda/")
    def agenda_route(self, request):
        return self.render(request, template="cafes/agenda.html", context_overrides={**agenda_context(request), "index_page": self})

    @path("structures/")
    def organisation_list_route(self, request):
        return self.render(request, template="cafes/organisation_list.html", context_overrides={
            "organisations": selectors.organisations_listed(locale=Locale.get_active()),
            "index_page": self,
        })

    @path("animateurs/")
    def animator_list_route(self, request):
        notices: list[str] = []
        page_obj = paginate(request, selectors.animators_listed(locale=Locale.get_active()),
                            per_page=DIRECTORY_PER_PAGE, notices=notices)
        return self.render(request, template="cafes/animator_list.html", context_overrides={
            "page_obj": page_obj, "animators": page_obj.object_list, "notices": notices, "index_page": self,
        })

    @path("structures/<slug:slug>/")
    def organisation_route(self, request, slug):
        locale = Locale.get_active()
        organisation = selectors.organisation_for_slug(slug, locale=locale)
        if organisation is None:
            raise Http404
        upcoming, past = selectors.upcoming_and_past(selectors.cafes_of_organisation(organisation, locale=locale))
        return self.render(request, template="cafes/organisation.html", context_overrides={
            "organisation": organisation,
            "upcoming": upcoming,
            "past": past,
            "animators": selectors.animators_of(organisation, locale=locale),
            "index_page": self,
            "ics_url": _feed_url("ics", f"lang={locale.language_code}", f"organiser={organisation.slug}"),
        })

    @path("animateurs/<slug:slug>/")
    def animator_route(self, request, slug):
        locale = Locale.get_active()
        animator = selectors.animator_for_slug(slug, locale=locale)
        if animator is None:
            raise Http404
        upcoming, past = selectors.upcoming_and_past(selectors.cafes_of_animator(animator, locale=locale))
        return self.render(request, template="cafes/animator.html", context_overrides={
            "animator": animator, "upcoming": upcoming, "past": past, "index_page": self,
        })


class CountryPage(RoutablePageMixin, BasePage):
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

    @path("")
    def index_route(self, request):
        context = listing_context(request, country=self)
        context.update({
            "held": selectors.cafe_count_held(locale=self.locale, country=self),
            "organisers": self._with_directory_urls(selectors.country_organisers(country=self, locale=self.locale)),
            "syntheses": selectors.country_syntheses(self),
            "contribute_url": reverse("contributions:index"),
        })
        return self.render(request, context_overrides=context)

    @path("agenda/")
    def agenda_route(self, request):
        """The country's own agenda: the index's, with the country fixed, under the country's address
        (as its list is), so a country's section holds everything about it."""
        return self.render(request, template="cafes/agenda.html", context_overrides=agenda_context(request, country=self))

    def _with_directory_urls(self, organisations) -> list[tuple]:
        """Each organisation with the URL of its page in the directory (a route of the café index),
        built without a query: a country page's parent is the café index, whose URL is the country's
        URL without its slug."""
        url = self.url or ""
        suffix = f"/{self.slug}/"
        if url.endswith(suffix):
            base = url[: -len(suffix) + 1]
        else:  # not routable in the usual way: ask the tree
            index_page = selectors.cafe_index_for(self.locale)
            base = index_page.url if index_page else None
        if not base:
            return [(org, "") for org in organisations]
        resolver = CafeIndexPage.get_resolver()
        return [(org, base + resolver.reverse("organisation_route", org.slug).lstrip("/")) for org in organisations]
