"""One page per café: when, where, who, for whom; what the public page shows of a private venue."""
import datetime as dt
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailgeowidget.panels import LeafletPanel

from cafeia_site.api_fields import api_value, content_language
from cafeia_site.blocks import body_blocks
from cafeia_site.models import BasePage
from cafeia_site.site_address import absolute_url

from .. import geo, selectors, structured, timing, vocabulary
from ..admin_forms import CafePageForm
from ..choices import ACCESSIBILITY_FEATURES, WEEKDAYS, WEEKS_OF_MONTH, CafeMode, CafeStatus
from .country import CountryPage, map_settings


class CafeTag(TaggedItemBase):
    content_object = ParentalKey("cafes.CafePage", related_name="tagged_items", on_delete=models.CASCADE)


class CafeSessionChange(Orderable):
    """One date of a regular café that differs from its rhythm: no session, a cancelled one, or one more."""

    page = ParentalKey("cafes.CafePage", related_name="session_changes", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    change = models.CharField(_("changement"), max_length=12, choices=timing.SessionChange.choices)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("change")])]

    class Meta(Orderable.Meta):
        verbose_name = _("date changée")
        verbose_name_plural = _("dates changées")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_change_display()}"


class CafePage(BasePage):
    Status = CafeStatus
    Mode = CafeMode

    summary = models.TextField(_("en quelques mots"), blank=True, max_length=400)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    time_zone = models.CharField(
        _("fuseau horaire"), max_length=64, blank=True, choices=timing.time_zone_choices,
        help_text=_("Celui du lieu du café ; le début et la fin ci-dessus s'y lisent. Vide : celui du pays."),
    )
    recurrence_weekday = models.PositiveSmallIntegerField(
        _("se répète chaque"), null=True, blank=True, choices=WEEKDAYS,
        help_text=_("Pour une séance régulière : le jour de la semaine. Le début et la fin ci-dessus sont ceux de la première séance."),
    )
    recurrence_week = models.SmallIntegerField(
        _("chaque mois, le"), null=True, blank=True, choices=WEEKS_OF_MONTH,
        help_text=_("Pour une séance mensuelle (le premier mardi du mois…). Vide : chaque semaine."),
    )
    recurrence_until = models.DateField(_("jusqu'au"), null=True, blank=True)
    # The last day a session may fall on (the rhythm's end, or a later added session): kept by save(), for the lists' filters.
    last_session_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    mode = models.CharField(_("format"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)

    venue_name = models.CharField(_("lieu"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=12, blank=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    region = models.CharField(_("région ou département"), max_length=120, blank=True)
    location = models.CharField(_("position sur la carte"), max_length=250, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                                   validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))])
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                                    validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))])
    approximate_location = models.BooleanField(
        _("n'afficher que la ville"), default=False,
        help_text=_("Pour un lieu privé : la carte publique, les flux et l'agenda ne montrent qu'une position approchée (à 1 km près)."),
    )

    organiser = models.ForeignKey(
        "cafes.Organisation", verbose_name=_("structure organisatrice"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="cafes",
    )
    animators = ParentalManyToManyField("cafes.Animator", verbose_name=_("animation"), blank=True, related_name="cafes")
    format = models.ForeignKey(
        "ressources.ResourcePage", verbose_name=_("format d'animation utilisé"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="cafes", limit_choices_to={"kind": "format"},
    )
    audiences = ParentalManyToManyField("cafes.Audience", verbose_name=_("publics"), blank=True, related_name="cafes")

    accessibility_features = ParentalManyToManyField(
        "cafes.AccessibilityFeature", verbose_name=_("accessibilité"), blank=True, related_name="cafes")

    capacity = models.PositiveIntegerField(_("nombre de places"), null=True, blank=True)
    price = models.CharField(_("prix"), max_length=100, blank=True, help_text=_("Vide : gratuit."))
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    contact = models.CharField(_("contact pour s'inscrire"), max_length=250, blank=True)
    meeting_url = models.URLField(_("lien de la visioconférence"), blank=True)
    tags = ClusterTaggableManager(through=CafeTag, blank=True, verbose_name=_("mots-clés"))
    description = StreamField(body_blocks(), blank=True, verbose_name=_("description"))

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            FieldPanel("time_zone"),
            FieldRowPanel([FieldPanel("recurrence_weekday"), FieldPanel("recurrence_week"), FieldPanel("recurrence_until")]),
            InlinePanel("session_changes", heading=_("Dates changées"), label=_("date changée"),
                        help_text=_("Une date sans séance, une séance annulée ou une séance en plus, aux heures habituelles.")),
            FieldRowPanel([FieldPanel("status"), FieldPanel("mode")]),
        ], heading=_("Quand")),
        MultiFieldPanel([
            FieldPanel("venue_name"), FieldPanel("address"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            FieldPanel("region"),
            LeafletPanel("location", address_field="address"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            FieldPanel("approximate_location"),
        ], heading=_("Où")),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("animators"), FieldPanel("audiences"), FieldPanel("format")], heading=_("Qui")),
        MultiFieldPanel([
            FieldPanel("accessibility_features", widget=forms.CheckboxSelectMultiple),
        ], heading=_("Accessibilité")),
        MultiFieldPanel([
            FieldPanel("capacity"), FieldPanel("price"), FieldPanel("registration_url"), FieldPanel("contact"), FieldPanel("meeting_url"),
        ], heading=_("Inscription")),
        FieldPanel("tags"),
        FieldPanel("description"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("city"),
        # What the public page shows, never more: a private venue's name is not indexed (public_venue).
        index.SearchField("public_venue"),
        index.SearchField("description"),
        index.FilterField("start"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    # Open data (/api/v2/pages/?type=cafes.CafePage&fields=...): what the public page shows, never more.
    # The venue's exact point, name and street are read through their public_* versions only, under
    # names that are not columns, so that no filter of the API can test them.
    api_fields = [
        APIField("summary"),
        content_language(),
        api_value("start", "api_start"),
        api_value("end", "api_end"),
        APIField("time_zone"),
        api_value("recurrence"),
        api_value("status", "display_status"),
        APIField("mode"),
        api_value("venue", "public_venue"),
        api_value("street_address", "public_address"),
        APIField("postcode"),
        APIField("city"),
        APIField("region"),
        api_value("country", "api_country"),
        api_value("coordinates", "public_coordinates"),
        api_value("organiser", "api_organiser"),
        api_value("format", "api_format"),
        api_value("accessibility", "accessibility_codes"),
    ]
    override_translatable_fields = [
        SynchronizedField(name) for name in (
            "start", "end", "time_zone", "recurrence_weekday", "recurrence_week", "recurrence_until", "session_changes",
            "status", "mode",
            "address", "postcode", "location", "latitude", "longitude", "approximate_location",
            "organiser", "animators", "audiences", "accessibility_features",
            "capacity", "registration_url", "meeting_url",
        )
    ] + [TranslatableField("venue_name"), TranslatableField("city"), TranslatableField("region"), TranslatableField("price")]
    parent_page_types = ["cafes.CountryPage"]
    subpage_types = ["cafes.CafeReportPage"]
    base_form_class = CafePageForm

    class Meta:
        verbose_name = _("café IA")
        verbose_name_plural = _("cafés IA")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    # --- coordinates -------------------------------------------------------------------------
    def _sync_location(self, previous=None) -> dict:
        """Bring `location` and `latitude`/`longitude` into agreement; the errors found, by field."""
        errors = {}
        point = geo.parse_point(self.location) if self.location else None
        if self.location and point is None:
            return {"location": _("Position illisible : attendu « SRID=4326;POINT(longitude latitude) ».")}
        has_decimal = self.latitude is not None and self.longitude is not None
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude" if self.latitude is None else "longitude"] = _("Indiquez la latitude et la longitude, ou aucune des deux.")
            return errors
        if has_decimal and not geo.in_range(self.latitude, self.longitude):
            if not -90 <= self.latitude <= 90:
                errors["latitude"] = _("La latitude doit être comprise entre -90 et 90.")
            if not -180 <= self.longitude <= 180:
                errors["longitude"] = _("La longitude doit être comprise entre -180 et 180.")
            return errors
        if point is not None and not geo.in_range(*point):
            return {"location": _("Ce point est hors de la carte : latitude entre -90 et 90, longitude entre -180 et 180.")}
        if point is None:
            if has_decimal:
                self.location = geo.format_point(self.latitude, self.longitude)
            return errors
        if not has_decimal:
            self.latitude, self.longitude = (round(v, 6) for v in point)
            return errors
        same = (abs(point[0] - self.latitude) <= geo.CONSISTENCY_TOLERANCE
                and abs(point[1] - self.longitude) <= geo.CONSISTENCY_TOLERANCE)
        if same:
            return errors
        # One side was edited: follow it. Both edited and in disagreement: ask the editor.
        if previous is not None:
            location_changed = previous.location != self.location
            decimals_changed = previous.latitude != self.latitude or previous.longitude != self.longitude
            if location_changed and not decimals_changed:
                self.latitude, self.longitude = (round(v, 6) for v in point)
                return errors
            if decimals_changed and not location_changed:
                self.location = geo.format_point(self.latitude, self.longitude)
                return errors
        message = _("La latitude et la longitude ne correspondent pas au point placé sur la carte (%(lat)s, %(lng)s).") % {
            "lat": point[0], "lng": point[1]}
        return {"latitude": message, "longitude": message}

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fin doit être après le début.")
        if self.recurrence_weekday is not None and self.recurrence_until is None:
            errors["recurrence_until"] = _("Une séance régulière doit avoir une date de fin : indiquez « jusqu'au ».")
        if self.recurrence_until is not None and self.recurrence_weekday is None:
            errors["recurrence_weekday"] = _("Indiquez le jour de la semaine où la séance se répète.")
        if self.recurrence_until and self.start and self.recurrence_until < self.start.date():
            errors["recurrence_until"] = _("La fin de la répétition doit suivre la première séance.")
        if self.recurrence_weekday is not None and self.start and self.start.astimezone(self.tz).weekday() != self.recurrence_weekday:
            errors["recurrence_weekday"] = _("La première séance doit tomber le jour de la répétition.")
        elif (self.recurrence_week is not None and self.recurrence_weekday is not None and self.start
              and not self.rhythm_without_changes.is_rule_day(self.first_day, self.first_day)):
            errors["recurrence_week"] = _("La première séance doit tomber ce jour-là du mois : choisissez-la ainsi, ou changez la semaine.")
        if self.recurrence_week is not None and self.recurrence_weekday is None:
            errors["recurrence_week"] = _("Indiquez aussi le jour de la semaine (le premier mardi : mardi).")
        previous = type(self).objects.filter(pk=self.pk).only("location", "latitude", "longitude").first() if self.pk else None
        errors.update(self._sync_location(previous))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Pages built in code (demo, imports) skip clean(): still keep both forms of the point in step.
        if not (self.location and self.latitude is not None):
            self._sync_location()
        if not self.time_zone:
            self.time_zone = self.country_time_zone()
        self.__dict__.pop("rhythm", None)
        self.last_session_on = self.rhythm.last_day
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "last_session_on"}
        super().save(*args, **kwargs)

    def country_time_zone(self) -> str:
        """The zone of the country page this café sits (or is being added) under; the site's otherwise."""
        parent_path = self.path[: -self.steplen] if self.path else ""
        found = CountryPage.objects.filter(path=parent_path).values_list("time_zone", flat=True).first() if parent_path else None
        return found or settings.TIME_ZONE

    # --- what readers see ------------------------------------------------------------------
    @property
    def tz(self):
        return timing.zone(self.time_zone)

    @property
    def time_zone_label(self) -> str:
        return timing.zone_label(self.tz.key)

    @property
    def is_recurring(self) -> bool:
        return self.recurrence_weekday is not None and self.recurrence_until is not None

    @property
    def first_day(self):
        """The first session's day, in the café's zone."""
        return self.start.astimezone(self.tz).date()

    @property
    def rhythm_without_changes(self) -> timing.Rhythm:
        return timing.Rhythm(self.recurrence_weekday, self.recurrence_week, self.recurrence_until)

    @cached_property
    def rhythm(self) -> timing.Rhythm:
        """The rule and the dates changed (lists prefetch `session_changes`: no query per café)."""
        changes = list(self.session_changes.all())
        dates = {kind: frozenset(c.date for c in changes if c.change == kind) for kind in timing.SessionChange.values}
        return timing.Rhythm(self.recurrence_weekday, self.recurrence_week, self.recurrence_until,
                             skipped=dates[timing.SessionChange.SKIPPED], cancelled=dates[timing.SessionChange.CANCELLED],
                             added=dates[timing.SessionChange.ADDED])

    @cached_property
    def next_session(self):
        return timing.next_occurrence(self.start, self.end, self.time_zone, self.rhythm, now=timezone.now())

    def sessions(self, *, after, before) -> list[timing.Session]:
        return timing.occurrences(self.start, self.end, self.time_zone, self.rhythm, after=after, before=before)

    def coming_sessions(self, count: int = 6) -> list[timing.Session]:
        """The next sessions, cancelled ones included (marked), for the page of a regular café."""
        today = timezone.localdate(timezone=self.tz)
        last = max(filter(None, [self.rhythm.last_day, self.end.astimezone(self.tz).date()]))
        now = timezone.now()
        found = [s for s in self.sessions(after=today, before=last + dt.timedelta(days=1)) if s.end >= now]
        return found[:count]

    @property
    def is_past(self) -> bool:
        return self.next_session is None

    @property
    def display_status(self) -> str:
        if self.status in (self.Status.CANCELLED, self.Status.FULL) and not self.is_past:
            return self.status
        return self.Status.PAST if self.is_past or self.status == self.Status.PAST else self.Status.SCHEDULED

    @property
    def display_status_label(self) -> str:
        return str(dict(self.Status.choices)[self.display_status])

    @property
    def public_latitude(self):
        return geo.public_coordinate(self.latitude, self.approximate_location)

    @property
    def public_longitude(self):
        return geo.public_coordinate(self.longitude, self.approximate_location)

    @property
    def public_address(self) -> str:
        return "" if self.approximate_location else self.address

    @property
    def public_venue(self) -> str:
        """A private venue is named only by its town: its name could identify a home."""
        return "" if self.approximate_location else self.venue_name

    @property
    def public_coordinates(self) -> dict | None:
        if self.latitude is None or self.longitude is None:
            return None
        return {"latitude": self.public_latitude, "longitude": self.public_longitude, "approximate": self.approximate_location}

    @property
    def recurrence(self) -> dict | None:
        """A regular café's rhythm as iCalendar writes it (RRULE) and in parts, with the dates changed;
        None for a one-off café with no added session."""
        rhythm = self.rhythm
        if not rhythm.recurring and not rhythm.added:
            return None
        dates = {name: sorted(d.isoformat() for d in getattr(rhythm, name)) for name in ("skipped", "cancelled", "added")}
        if not rhythm.recurring:
            return {"rrule": None, "frequency": None, "weekday": None, "week": None, "until": None, **dates}
        rule = rhythm.ical()
        return {"rrule": rhythm.ical_text(), "frequency": rule["FREQ"].lower(), "weekday": timing.ICAL_DAYS[rhythm.weekday],
                "week": rhythm.week, "until": rhythm.until.isoformat(), **dates}

    # --- what the API adds (cafeia_site.api: one query per listing, not per café) ------------
    @property
    def api_start(self) -> str:
        return self.start.astimezone(self.tz).isoformat()

    @property
    def api_end(self) -> str:
        return self.end.astimezone(self.tz).isoformat()

    @classmethod
    def api_queryset(cls, queryset):
        return queryset.select_related("organiser", "format").prefetch_related("session_changes", "accessibility_features")

    api_filter_parameters = ("accessibility",)

    @classmethod
    def api_filter(cls, queryset, query):
        """`?accessibility=lsf,plain-pied` (or repeated): the cafés that have every one of these features."""
        codes = [code for value in query.getlist("accessibility") for code in value.split(",") if code]
        unknown = [code for code in codes if code not in dict(ACCESSIBILITY_FEATURES)]
        if unknown:
            raise ValueError(f"unknown accessibility code: {unknown[0][:40]} (known: {', '.join(dict(ACCESSIBILITY_FEATURES))})")
        return selectors.with_accessibility(queryset, codes)

    @classmethod
    def api_prepare(cls, cafes) -> None:
        selectors.prepare_cafes_for_api(cafes)

    def _api_extra(self, name: str):
        if not hasattr(self, "api_extras"):
            selectors.prepare_cafes_for_api([self])
        return self.api_extras[name]

    @property
    def api_country(self) -> str:
        return self._api_extra("country")

    @property
    def api_organiser(self) -> dict | None:
        return self._api_extra("organiser")

    @property
    def api_format(self) -> dict | None:
        return self._api_extra("format")

    @property
    def is_free(self) -> bool:
        return not self.price.strip()

    @property
    def accessibility(self) -> list:
        """Its `AccessibilityFeature`s in the list's order (prefetched by lists, feeds and the API)."""
        return sorted(self.accessibility_features.all(), key=lambda f: (f.sort_order, f.code))

    @property
    def accessibility_codes(self) -> list[str]:
        return [feature.code for feature in self.accessibility]

    def get_context(self, request, *args, **kwargs):
        """Everything the page shows beyond its own fields, in a fixed number of queries."""
        context = super().get_context(request, *args, **kwargs)
        country = self.get_parent().specific
        organiser = vocabulary.organiser_in_language(self.organiser_id, language=get_language())
        animators = [a for a in self.animators.all() if a.listed]
        image_url = absolute_url(self.social_image.get_rendition("fill-1200x630").url) if self.social_image_id else ""
        context.update({
            "country": country,
            "index_page": country.get_parent().specific,
            "organiser": organiser,
            "animators": animators,
            "cafe_audiences": list(self.audiences.all()),
            "cafe_accessibility": self.accessibility,
            "cafe_tags": list(self.tags.all()),
            "reports": list(selectors.reports_for_cafe(self)),
            "map": map_settings(),
            "point": structured.map_point(self),
            "jsonld": structured.event_jsonld(self, country, organiser, performers=animators, image_url=image_url),
            "ics_url": reverse("cafes:cafe_ics", args=[self.pk]),
            "coming_sessions": self.coming_sessions() if self.is_recurring or self.rhythm.added else [],
        })
        return context
