"""The public contribution forms: common fields and protection, then one form per kind."""
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import protection
from .models import ContributionFile
from .services import Upload
from .uploads import clean_document, clean_photo

MAX_LINES = 30
MAX_LINE_LENGTH = 500


class LinesField(forms.CharField):
    """A textarea where each non-empty line is one item (a question, a proposal, a quote)."""

    widget = forms.Textarea(attrs={"rows": 5})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_LINES * (MAX_LINE_LENGTH + 2))
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        lines = [" ".join(line.split()) for line in (value or "").splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_LINES:
            raise ValidationError(_("%(max)d lignes au plus.") % {"max": MAX_LINES})
        if any(len(line) > MAX_LINE_LENGTH for line in lines):
            raise ValidationError(_("Chaque ligne doit faire %(max)d caractères au plus.") % {"max": MAX_LINE_LENGTH})
        return lines

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value


class ContributionForm(forms.Form):
    """Fields every form has: contact, consent, and what keeps robots out."""

    kind: str = ""
    photo_slots = 0
    document_slots = 0

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

    def __init__(self, *args, editing=False, language_code="fr", **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.language_code = language_code
        self.files_lost = False
        if not self.is_bound:
            self.initial.setdefault("started", protection.form_started_token())
            self.initial.setdefault("submission_key", uuid.uuid4())
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
            for name in ("email", "consent", "website", "started", "submission_key"):
                self.fields.pop(name)

    # --- protection -------------------------------------------------------------------------
    def spam_reason(self) -> str | None:
        """Why this submission looks automated, if it does (checked before validation)."""
        if self.editing:
            return None
        if self.data.get("website"):
            return "honeypot"
        if protection.filled_too_fast(self.data.get("started", "")):
            return "too_fast"
        return None

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
            self._uploads.append(Upload(f"photo_{n}", ContributionFile.FileKind.PHOTO, clean, upload.name, alt, True))
        for n in range(1, self.document_slots + 1):
            upload = cleaned.get(f"document_{n}")
            if not upload:
                continue
            try:
                clean = clean_document(upload)
            except ValidationError as exc:
                self.add_error(f"document_{n}", exc)
                continue
            self._uploads.append(Upload(f"document_{n}", ContributionFile.FileKind.DOCUMENT, clean, upload.name))
        if self.errors and any(k.startswith(("photo_", "document_")) for k in self.files):
            self.files_lost = True
        return cleaned

    def uploads(self) -> list[Upload]:
        return self._uploads

    def content_data(self) -> dict:
        """The submitted content, JSON-ready, without contact, consent, protection or files."""
        skip = {"email", "consent", "website", "started", "submission_key"}
        data = {}
        for name, value in self.cleaned_data.items():
            if name in skip or name.startswith(("photo_", "document_")):
                continue
            data[name] = self.to_json(name, value)
        return data

    def to_json(self, name, value):
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if hasattr(value, "pk"):
            return value.pk
        return value
