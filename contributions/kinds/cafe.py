"""A café declared by its organiser: its form and the builder of its draft café page.

The place is typed as a postcode and/or a town, resolved against the embedded places (cafes.places); the point
can be refined on a map (declare_map.js), and a private venue is shown only by its town.
"""
from decimal import Decimal

from django import forms
from django.forms.widgets import Script
from django.utils.translation import gettext_lazy as _

from cafes import timing
from cafes.choices import ACCESSIBILITY_FEATURES, AUDIENCES, CafeMode
from cafes.models import AccessibilityFeature, Audience, CafePage, Organisation

from ..builders import Builder, country_page
from ..forms import ContributionForm, country_choices
from .cafe_place import (
    far_from,
    map_settings,
    place_form_data,
    place_label,
    place_name,
    placed_point,
    read_point,
    resolve,
)
from .cafe_rhythm import WEEK_CHOICES, DatesField, Frequency, page_rhythm, rhythm_errors, rhythm_form_data

WHEN, WHERE = _("Quand"), _("Où")
# The form's groups, each a fieldset with its legend (an empty legend: no fieldset); a field in none stands alone.
FIELDSETS = (
    ("", ("title", "summary")),
    (WHEN, ("start", "end", "rhythm", "recurrence_week", "recurrence_until", "skipped_dates")),
    (WHERE, ("mode", "meeting_url", "country", "postcode", "city", "place_code", "region", "venue_name", "address",
             "approximate_location")),
    (_("Qui et pour qui"), ("organisation", "audiences", "accessibility")),
    (_("Inscription"), ("price", "registration_url")),
)
MAP_TEMPLATE = "contributions/_place_map.html"  # after the fields of WHERE


class CafeForm(ContributionForm):
    field_order = [name for _legend, names in FIELDSETS for name in names] + ["moderator_contact"]

    title = forms.CharField(label=_("Nom du café"), max_length=200)
    summary = forms.CharField(label=_("En quelques mots"), max_length=400, widget=forms.Textarea(attrs={"rows": 3}))
    start = forms.DateTimeField(label=_("Début"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    end = forms.DateTimeField(label=_("Fin"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    mode = forms.ChoiceField(label=_("Sur place ou en ligne"), choices=CafeMode.choices)
    venue_name = forms.CharField(label=_("Lieu"), required=False, max_length=200)
    address = forms.CharField(label=_("Adresse"), required=False, max_length=250)
    postcode = forms.CharField(label=_("Code postal"), required=False, max_length=12)
    city = forms.CharField(label=_("Ville"), required=False, max_length=120)
    region = forms.CharField(label=_("Région ou département"), required=False, max_length=120)
    country = forms.ChoiceField(label=_("Pays"), choices=[])
    organisation = forms.CharField(label=_("Structure organisatrice"), max_length=200)
    audiences = forms.MultipleChoiceField(
        label=_("Publics attendus"), required=False, widget=forms.CheckboxSelectMultiple, choices=AUDIENCES
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibilité"), required=False, widget=forms.CheckboxSelectMultiple, choices=ACCESSIBILITY_FEATURES
    )
    price = forms.CharField(label=_("Prix"), required=False, max_length=100, help_text=_("Laissez vide si c'est gratuit."))
    registration_url = forms.URLField(label=_("Lien d'inscription"), required=False, max_length=500, assume_scheme="https")
    meeting_url = forms.URLField(label=_("Lien de la visioconférence"), required=False, max_length=500, assume_scheme="https")
    moderator_contact = forms.CharField(
        label=_("Comment les modérateurs peuvent vous joindre"), max_length=300,
        help_text=_("Téléphone ou autre moyen : réservé aux modérateurs, jamais publié."),
    )
    rhythm = forms.ChoiceField(
        label=_("Le café a lieu"), required=False, widget=forms.RadioSelect, choices=Frequency.choices,
        initial=Frequency.ONCE, help_text=_("Le jour de la semaine est celui de la première séance (le début ci-dessus)."),
    )
    recurrence_week = forms.TypedChoiceField(
        label=_("Pour un café mensuel, quelle semaine du mois"), required=False, coerce=int, empty_value=None,
        choices=WEEK_CHOICES,
        help_text=_("« Premier » pour le premier mardi du mois, « dernier » pour le dernier."),
    )
    recurrence_until = forms.DateField(
        label=_("Pour un café régulier, jusqu'au"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
    )
    skipped_dates = DatesField(
        label=_("Dates sans séance"),
        help_text=_("Pour un café régulier : les dates où il n'a pas lieu (vacances…), une par ligne ou séparées par "
                    "des virgules, par exemple 2027-04-14 ou 14/04/2027."),
    )
    place_code = forms.CharField(label=_("Votre commune"), required=False, max_length=20, widget=forms.HiddenInput)
    approximate_location = forms.BooleanField(
        label=_("Lieu privé (chez quelqu'un…) : ne publier que la ville"), required=False,
        help_text=_("La carte, l'agenda et les données ouvertes ne montrent alors qu'une position approchée (à 1 km "
                    "près), sans le nom du lieu ni l'adresse."),
    )
    # The point placed on the map (declare_map.js); empty without JavaScript: the town's centre is taken.
    latitude = forms.CharField(label=_("Latitude du point sur la carte"), required=False, widget=forms.HiddenInput)
    longitude = forms.CharField(label=_("Longitude du point sur la carte"), required=False, widget=forms.HiddenInput)

    class Media:
        css = {"all": ["cafes/vendor/leaflet-1.9.4/leaflet.css", "cafes/basemap/basemap.css"]}
        # declare_map.js before map.js: it joins the map that map.js makes (Leaflet's init hook).
        js = [Script("cafes/vendor/leaflet-1.9.4/leaflet.js", defer=True), Script("contributions/declare_map.js", defer=True),
              Script("cafes/map.js", defer=True)]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(self.language_code)
        self.fields["postcode"].help_text = _("Le code postal ou la ville suffit : le site trouve la commune et la place "
                                              "sur la carte. Pas besoin pour un café en ligne.")
        if not self.is_bound and self.initial.get("latitude") is not None:
            latitude, longitude = placed_point(self.initial)
            self.initial = {**self.initial, "latitude": latitude, "longitude": longitude}

    # --- layout ---------------------------------------------------------------------------
    def sections(self) -> list[dict]:
        """The visible fields grouped as FIELDSETS says, in the form's order; the map follows the place's fields."""
        legends = {name: legend for legend, names in FIELDSETS for name in names}
        sections: list[dict] = []
        for bound in self.visible_fields():
            legend = legends.get(bound.name)
            if not sections or legend is None or sections[-1]["legend"] != legend or sections[-1]["alone"]:
                sections.append({"legend": legend or "", "fields": [], "alone": legend is None,
                                 "include": MAP_TEMPLATE if legend == WHERE else ""})
            sections[-1]["fields"].append(bound)
        return sections

    def error_summary(self) -> list[dict]:
        # The point's inputs are hidden: its errors link to the map's field, which shows them.
        items = super().error_summary()
        position = len(self.non_field_errors())
        for bound in self:
            for _error in bound.errors:
                if bound.name in ("latitude", "longitude"):
                    items[position]["anchor"] = "place-map-field"
                position += 1
        return items

    @property
    def map_settings(self) -> dict:
        return map_settings()

    empty_map = {"type": "FeatureCollection", "features": []}  # the café map's data: no café, only the organiser's point

    @property
    def country_name(self) -> str:
        return str(dict(self.fields["country"].choices).get(self.cleaned_data.get("country"), ""))

    def to_json(self, name, value):
        # The hours as typed, without a zone: the café's country gives it, and the resubmission form shows them back.
        if name in ("start", "end") and value is not None:
            return timing.as_typed(value.isoformat()).isoformat(timespec="minutes")
        if name == "skipped_dates":
            return [day.isoformat() for day in value or []]
        return super().to_json(name, value)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("La fin doit être après le début."))
        self._clean_rhythm(cleaned)
        mode = cleaned.get("mode")
        if mode in (CafeMode.ONLINE, CafeMode.HYBRID) and not cleaned.get("meeting_url") and not cleaned.get("registration_url"):
            self.add_error("registration_url", _("Pour un café en ligne, donnez un lien d'inscription ou de visioconférence."))
        if mode in (CafeMode.ON_SITE, CafeMode.HYBRID):
            self._clean_place(cleaned)
        else:
            # Online: no place on the map, whatever the hidden inputs hold.
            cleaned["latitude"] = cleaned["longitude"] = None
        return cleaned

    def _clean_rhythm(self, cleaned):
        frequency = cleaned.get("rhythm") or Frequency.ONCE
        cleaned["rhythm"] = frequency
        start = cleaned.get("start")
        first = timing.as_typed(start.isoformat()).date() if start else None
        errors = rhythm_errors(frequency=frequency, first=first, week=cleaned.get("recurrence_week"),
                               until=cleaned.get("recurrence_until"), skipped=cleaned.get("skipped_dates") or [])
        for name, messages in errors.items():
            for message in messages:
                self.add_error(name, message)
        if frequency == Frequency.ONCE:
            cleaned.update(recurrence_week=None, recurrence_until=None, skipped_dates=[])
        elif frequency == Frequency.WEEKLY:
            cleaned["recurrence_week"] = None

    def _clean_place(self, cleaned):
        """The town typed, resolved (one place, a choice to make, or why not), and the point, checked."""
        country = cleaned.get("country")
        if not country:
            return
        postcode, city = cleaned.get("postcode", ""), cleaned.get("city", "")
        if not postcode.strip() and not city.strip():
            self.add_error("city", _("Indiquez le code postal ou la ville d'un café sur place."))
            return
        found = resolve(country=country, country_name=self.country_name, postcode=postcode, city=city,
                        region=cleaned.get("region", ""), code=cleaned.get("place_code", ""))
        point = read_point(cleaned.get("latitude"), cleaned.get("longitude"), country=country, country_name=self.country_name)
        if point.error:
            self.add_error("latitude", point.error)
            self._forget_point()
        if found.error:
            self.add_error(found.error_field, found.error)
            return
        if found.candidates:
            self._offer(found.candidates, typed=postcode or city)
            return
        place = found.place
        if place is None:  # a country without place data: as typed, on the map only where the organiser put it
            cleaned["latitude"], cleaned["longitude"] = point.latitude, point.longitude
            return
        if point.latitude is not None and (error := far_from(point, place, self.language_code)):
            self.add_error("latitude", error)
            self._forget_point()
            return
        cleaned.update(
            place_code=place.code, postcode=found.postcode, city=place_name(place, self.language_code),
            region=cleaned.get("region") or place.department or place.region,
            latitude=point.latitude if point.latitude is not None else place.latitude,
            longitude=point.longitude if point.longitude is not None else place.longitude,
        )

    def _offer(self, candidates, *, typed):
        """Several places match: the form comes back with them as a list to choose from."""
        field = self.fields["place_code"]
        field.widget = forms.RadioSelect(choices=[
            (p.code, place_label(p, typed_postcode=self.cleaned_data.get("postcode", ""), language_code=self.language_code))
            for p in candidates])
        # The bound field was made before the choice existed: it takes the help too.
        field.help_text = self["place_code"].help_text = _("Choisissez-la, puis renvoyez : le reste du formulaire est gardé.")
        self.add_error("place_code", _("Plusieurs communes correspondent à « %(typed)s » : choisissez la vôtre dans la liste.")
                       % {"typed": typed.strip()})

    def _forget_point(self):
        # A point refused is not sent back: the next send takes the town's centre, unless a new one is placed.
        self.data = self.data.copy()
        self.data["latitude"] = self.data["longitude"] = ""


class CafeBuilder(Builder):
    page_model = CafePage

    def country_code(self, data):
        return data.get("country", "")

    def target_parent(self, data, *, locale, country_code):
        return country_page(locale, country_code)

    def locate(self, page, data):
        """The point: the one placed on the map, else the town's centre (both in the data); `location` follows."""
        latitude, longitude = data.get("latitude"), data.get("longitude")
        has_point = latitude is not None and longitude is not None
        page.latitude, page.longitude = (Decimal(str(v)) if has_point else None for v in (latitude, longitude))
        page.location = ""
        page.approximate_location = bool(data.get("approximate_location"))

    def fill(self, page, data, contribution):
        for name in ("summary", "mode", "venue_name", "address", "postcode", "city", "region", "price",
                     "registration_url", "meeting_url"):
            setattr(page, name, data.get(name) or "")
        # The hours typed are those of the café's place: its country's zone, not the site's.
        page.time_zone = country_page(contribution.locale, self.country_code(data)).time_zone
        page.start, page.end = (timing.localise(timing.as_typed(data[name]), page.time_zone) for name in ("start", "end"))
        kept = page.session_changes.all() if page.pk else ()
        for name, value in page_rhythm(data, timing.as_typed(data["start"]).date(), kept).items():
            setattr(page, name, value)
        self.locate(page, data)
        page.organiser = Organisation.objects.filter(
            locale=contribution.locale, name__iexact=data.get("organisation", "").strip()
        ).first()
        page.audiences = list(Audience.objects.filter(code__in=data.get("audiences", [])))
        page.accessibility_features = list(AccessibilityFeature.objects.filter(code__in=data.get("accessibility", [])))
        # The organiser's contact stays in the contribution, for the moderators only.

    def data_from_page(self, page, contribution) -> dict:
        """The form's values for what the café's page says now (an editor may have changed it since it was
        declared), for the organiser proposing changes; the rest from their declaration."""
        data = dict(contribution.data)
        data.update({name: getattr(page, name) for name in (
            "title", "summary", "mode", "venue_name", "address", "postcode", "city", "region", "price",
            "registration_url", "meeting_url")})
        data.update({name: timing.wall_clock(getattr(page, name), page.time_zone) for name in ("start", "end")})
        data["audiences"] = [a.code for a in page.audiences.all()]
        data.update({**rhythm_form_data(page), **place_form_data(page)})
        if page.organiser_id:
            data["organisation"] = page.organiser.name
        return data
