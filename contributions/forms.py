"""The public contribution forms: common fields, limits stated and enforced, protection, errors summed up."""
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.utils import ErrorDict
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cafeia_site.uploads import Upload, clean_document, clean_photo
from cafes.models import CountryPage

from . import protection
from .choices import FileKind

MAX_LINES = 30
MAX_LINE_LENGTH = 500
PROTECTION_FIELDS = ("email", "consent", "website", "started", "submission_key")

# What the sender reads when a send is shown again unread (protection.TOKEN_PROBLEMS, the honeypot, the rate limit).
REFUSALS = {
    "too_fast": _("Votre envoi est arrivé très vite, plus vite qu'une personne ne remplit d'habitude ce formulaire. "
                  "Rien n'est perdu : vérifiez ce que vous avez écrit, puis renvoyez."),
    "honeypot": _("Un champ caché, qui doit rester vide, a été rempli, peut-être par un outil de remplissage automatique. "
                  "Rien n'est perdu : vérifiez ce que vous avez écrit, puis renvoyez."),
    "expired": _("Ce formulaire a été ouvert il y a plus d'un jour. "
                 "Rien n'est perdu : vérifiez ce que vous avez écrit, puis renvoyez."),
    "replayed": _("Ce formulaire a déjà servi pour un autre envoi (peut-être depuis un autre onglet). "
                  "Rien n'est perdu : vérifiez ce que vous avez écrit, puis renvoyez."),
    "forged": _("Ce formulaire n'a pas pu être reconnu (une partie cachée manque ou a été modifiée). "
                "Rien n'est perdu : vérifiez ce que vous avez écrit, puis renvoyez."),
    "rate_limit": _("Beaucoup de contributions sont arrivées de votre connexion en peu de temps : celle-ci n'a pas été "
                    "enregistrée. Rien n'est perdu : gardez cette page ouverte et renvoyez dans une heure."),
}


def figure(n: int) -> str:
    """A count as the reader's language writes it (6 000, 6,000, 6000)."""
    return number_format(n, force_grouping=True)


def country_choices(language_code: str) -> list[tuple[str, str]]:
    """The countries with a section in this language, as (code, name) choices."""
    pages = CountryPage.objects.live().filter(locale__language_code=language_code).order_by("title")
    return [(p.country_code, p.title) for p in pages]


def page_id(value) -> int | None:
    """A page id from an address or a form, None for anything else (a bogus value is ignored, not an error)."""
    try:
        number = int(str(value or "").strip())
    except ValueError:
        return None
    return number if 0 < number < 2**31 else None


class TextLimit(MaxLengthValidator):
    """Refuses text past the limit, saying by how much; the text itself stays in the field."""

    message = _("Trop long : %(length)s caractères, pour %(limit)s au plus. Raccourcissez ce texte, il est gardé ici.")

    def __call__(self, value):
        if len(value) > self.limit_value:
            raise ValidationError(self.message, code="max_length",
                                  params={"length": figure(len(value)), "limit": figure(self.limit_value)})


class LinesField(forms.CharField):
    """A textarea where each non-empty line is one item (a question, a proposal, a quote)."""

    widget = forms.Textarea(attrs={"rows": 5})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_LINES * (MAX_LINE_LENGTH + 2))
        super().__init__(*args, **kwargs)

    def limit_text(self) -> str:
        return gettext("%(lines)s lignes au plus, de %(length)s caractères chacune.") % {
            "lines": figure(MAX_LINES), "length": figure(MAX_LINE_LENGTH)}

    def clean(self, value):
        value = super().clean(value)
        lines = [" ".join(line.split()) for line in (value or "").splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_LINES:
            raise ValidationError(_("Trop de lignes : %(count)s, pour %(max)s au plus. Regroupez-en, le texte est gardé ici.")
                                  % {"count": figure(len(lines)), "max": figure(MAX_LINES)})
        for number, line in enumerate(lines, start=1):
            if len(line) > MAX_LINE_LENGTH:
                raise ValidationError(
                    _("La ligne %(number)s fait %(length)s caractères, pour %(max)s au plus. Coupez-la en deux, le texte est gardé ici.")
                    % {"number": figure(number), "length": figure(len(line)), "max": figure(MAX_LINE_LENGTH)})
        return lines

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value


class ContributionBoundField(forms.BoundField):
    """What the templates need to say about one field: where errors link to, and a file the browser dropped."""

    def __init__(self, form, field, name):
        state_limit(field)
        super().__init__(form, field, name)

    @property
    def anchor(self) -> str:
        # Radio buttons and checkbox lists have no single labelled input: link to the first one.
        return self.id_for_label or f"{self.auto_id}_0"

    @property
    def lost_file(self) -> str:
        """The name of the file sent in this field, when the form is shown again without it."""
        upload = self.form.files.get(self.html_name) if self.form.is_bound else None
        return getattr(upload, "name", "") if isinstance(self.field, forms.FileField) and upload else ""


def _unify_newlines(data):
    # Browsers send a line break as CR LF, their counters and maxlength count it as one character: so do we.
    data = data.copy()
    items = data.lists() if hasattr(data, "lists") else ((k, [v]) for k, v in data.items())
    for key, values in list(items):
        clean = [v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v for v in values]
        if hasattr(data, "setlist"):
            data.setlist(key, clean)
        else:
            data[key] = clean[0]
    return data


class ContributionForm(forms.Form):
    """Fields every form has: contact, consent, and what keeps robots out."""

    photo_slots = 0
    document_slots = 0
    bound_field_class = ContributionBoundField

    email = forms.EmailField(
        label=_("Votre adresse e-mail"), max_length=254,
        help_text=_("Pour confirmer l'envoi et vous tenir au courant de la modération. Elle n'est jamais publiée."),
    )
    consent = forms.BooleanField(
        label=_("J'accepte que Café IA traite ces informations pour modérer et publier ma contribution."),
        error_messages={"required": _("Sans votre accord, nous ne pouvons pas recevoir votre contribution.")},
    )
    # Hidden from people (CSS and aria-hidden), filled in by robots.
    website = forms.CharField(required=False, label=_("Laissez ce champ vide"))
    started = forms.CharField(widget=forms.HiddenInput)
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, data=None, *args, editing=False, language_code="fr", query=None, **kwargs):
        if data is not None:
            data = _unify_newlines(data)
        super().__init__(data, *args, **kwargs)
        self.editing = editing
        self.language_code = language_code
        self.query = query if query is not None else {}
        self.notice = ""
        if not self.is_bound:
            key = self.initial.setdefault("submission_key", uuid.uuid4())
            self.initial.setdefault("started", protection.form_started_token(key))
        for n in range(1, self.photo_slots + 1):
            self.fields[f"photo_{n}"] = forms.ImageField(
                label=_("Photo %(n)d") % {"n": n}, required=False,
                help_text=_("JPEG, PNG ou WebP, 10 Mo au plus. Les métadonnées (dont la position GPS) sont retirées."),
            )
            self.fields[f"photo_{n}_alt"] = forms.CharField(
                label=_("Description de la photo %(n)d pour les personnes qui ne la voient pas") % {"n": n},
                required=False, max_length=255,
            )
            self.fields[f"photo_{n}_consent"] = forms.BooleanField(
                label=_("Les personnes reconnaissables sur la photo %(n)d ont donné leur accord") % {"n": n},
                required=False,
            )
        for n in range(1, self.document_slots + 1):
            self.fields[f"document_{n}"] = forms.FileField(
                label=_("Document joint %(n)d") % {"n": n}, required=False,
                help_text=_("PDF ou document bureautique (ODT, DOCX…), 20 Mo au plus."),
            )
        if editing:
            for name in PROTECTION_FIELDS:
                self.fields.pop(name)

    def full_clean(self):
        # Fields are added after Form.__init__ (photos, steps): each gets its limit when first used.
        for field in self.fields.values():
            state_limit(field)
        super().full_clean()

    # --- protection -------------------------------------------------------------------------
    def refusal_reason(self) -> str | None:
        """Why this send cannot be read as a person's, checked before validation (a key of REFUSALS)."""
        if self.editing:
            return None
        if self.data.get("website"):
            return "honeypot"
        return protection.started_problem(self.data.get("started", ""), self.data.get("submission_key", ""))

    def show_unread(self, reason: str) -> None:
        """Shows the send again exactly as it came, unchecked, with what the next send needs to be read."""
        if not self.editing:
            data = self.data.copy()
            key = protection.normalised_key(data.get("submission_key", "")) or str(uuid.uuid4())
            data["submission_key"] = key
            if protection.started_problem(data.get("started", ""), key) not in (None, "too_fast"):
                # Expired, replayed or forged: a new token for this submission, counting from now.
                data["started"] = protection.form_started_token(key)
            data["website"] = ""
            self.data = data
        self.notice = REFUSALS[reason]
        # Nothing of it was read: no field error to show, only the notice.
        self._errors = ErrorDict()
        self.cleaned_data = {}

    # --- errors -----------------------------------------------------------------------------
    def error_summary(self) -> list[dict]:
        """One line per error, in the form's order, each linking to its field (hidden ones to nothing)."""
        items = [{"anchor": "", "text": str(error)} for error in self.non_field_errors()]
        for bound in self:
            for error in bound.errors:
                # A label may be a sentence (a consent): its full stop would come before the colon.
                label = str(bound.label).rstrip(" .")
                text = gettext("%(label)s : %(error)s") % {"label": label, "error": error}
                items.append({"anchor": "" if bound.is_hidden else bound.anchor, "text": text})
        return items

    # --- files ------------------------------------------------------------------------------
    def clean(self):
        cleaned = super().clean()
        self._uploads: list[Upload] = []
        for n in range(1, self.photo_slots + 1):
            upload = cleaned.get(f"photo_{n}")
            if not upload:
                continue
            try:
                clean = clean_photo(upload)
            except ValidationError as exc:
                self.add_error(f"photo_{n}", exc)
                continue
            alt = cleaned.get(f"photo_{n}_alt", "").strip()
            if not alt:
                self.add_error(f"photo_{n}_alt", _("Décrivez la photo en quelques mots."))
            if not cleaned.get(f"photo_{n}_consent"):
                self.add_error(f"photo_{n}_consent", _("Sans l'accord des personnes photographiées, retirez la photo."))
            self._uploads.append(Upload(f"photo_{n}", FileKind.PHOTO, clean, upload.name, alt, True))
        for n in range(1, self.document_slots + 1):
            upload = cleaned.get(f"document_{n}")
            if not upload:
                continue
            try:
                clean = clean_document(upload)
            except ValidationError as exc:
                self.add_error(f"document_{n}", exc)
                continue
            self._uploads.append(Upload(f"document_{n}", FileKind.DOCUMENT, clean, upload.name))
        return cleaned

    def uploads(self) -> list[Upload]:
        return self._uploads

    def content_data(self) -> dict:
        """The submitted content, JSON-ready, without contact, consent, protection or files."""
        data = {}
        for name, value in self.cleaned_data.items():
            if name in PROTECTION_FIELDS or name.startswith(("photo_", "document_")):
                continue
            data[name] = self.to_json(name, value)
        return data

    def to_json(self, name, value):
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if hasattr(value, "pk"):
            return value.pk
        return value


def state_limit(field: forms.Field) -> None:
    """A text limit is said next to the field and checked by the server, never enforced by cutting a paste short.

    The browser's maxlength attribute truncates what is pasted without a word; it goes. Long texts get their
    limit in the help text (tied to the field by aria-describedby) and a data-limit for the optional counter.
    """
    if not isinstance(field, forms.CharField) or not field.max_length or getattr(field, "limit_stated", False):
        return
    field.limit_stated = True
    field.widget.attrs.pop("maxlength", None)
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.validators.append(TextLimit(field.max_length))
    if not isinstance(field.widget, forms.Textarea):
        return
    if isinstance(field, LinesField):
        limit = field.limit_text()
    else:
        limit = gettext("%(limit)s caractères au plus.") % {"limit": figure(field.max_length)}
        field.widget.attrs["data-limit"] = str(field.max_length)
    field.help_text = f"{field.help_text} {limit}" if field.help_text else limit


class OrganiserForm(forms.Form):
    """One change an organiser makes from their private link: the café's state, or one session's date.

    `seen` is the state their page showed (cafes.updates.fingerprint): someone else's change in between is told."""

    STATUSES = [("prevu", _("Ouvert : il reste des places")), ("complet", _("Complet")), ("annule", _("Annulé"))]
    action = forms.ChoiceField(choices=[("status", "status"), ("cancel", "cancel"), ("restore", "restore"), ("add", "add")],
                               widget=forms.HiddenInput)
    seen = forms.CharField(max_length=32, widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("État du café"), required=False, choices=STATUSES, widget=forms.RadioSelect)
    day = forms.DateField(label=_("Date de la séance"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "status" and not cleaned.get("status"):
            self.add_error("status", _("Choisissez l'état du café."))
        if action in ("cancel", "restore", "add") and not cleaned.get("day") and "day" not in self.errors:
            self.add_error("day", _("Indiquez la date de la séance."))
        return cleaned
