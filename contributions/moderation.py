"""What a moderator writes: the decision forms, and what each decision tells."""
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .choices import Status

APPROVE, REQUEST_CHANGES, REFUSE = "approve", "reject", "refuse"
# Wagtail's "reject" is a request for changes: both it and a refusal send the comment to the contributor.
COMMENT_REQUIRED = {REQUEST_CHANGES, REFUSE}
COMMENT_MAX_LENGTH = 4000

EVENT_LABELS = {
    "submitted": gettext_lazy("Envoyée par le contributeur"),
    "confirmed": gettext_lazy("Adresse e-mail confirmée, mise en modération"),
    "changes_requested": gettext_lazy("Modifications demandées"),
    "resubmitted": gettext_lazy("Modifiée et renvoyée par le contributeur"),
    "published": gettext_lazy("Approuvée et publiée"),
    "rejected": gettext_lazy("Refusée"),
}


class ChangesRequestedForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Ce qu'il faut modifier (envoyé par e-mail au contributeur)"),
        widget=forms.Textarea({"rows": 4}), max_length=COMMENT_MAX_LENGTH,
        error_messages={"required": gettext_lazy("Dites au contributeur ce qu'il doit modifier : ce texte lui est envoyé par e-mail.")},
    )


class RefusalForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Raison du refus (envoyée par e-mail au contributeur)"),
        widget=forms.Textarea({"rows": 4}), max_length=COMMENT_MAX_LENGTH,
        error_messages={"required": gettext_lazy("Pour refuser, donnez une raison : elle est envoyée par e-mail au contributeur.")},
    )


class ApprovalForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Commentaire interne (non envoyé au contributeur)"), required=False,
        widget=forms.Textarea({"rows": 2}), max_length=COMMENT_MAX_LENGTH,
    )


DECISION_FORMS = {APPROVE: ApprovalForm, REQUEST_CHANGES: ChangesRequestedForm, REFUSE: RefusalForm}


def masked_email(email: str) -> str:
    """Enough to recognise the address in a message, not enough to copy it: c…@example.org."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}" if domain else "…"


def contributor_label(contribution) -> str:
    """The name the contributor chose to publish, if any, and the masked address."""
    data = contribution.data or {}
    name = data.get("person_name") or ""
    if not name and data.get("author_credit_mode") in ("name", "pseudonym"):
        name = data.get("author_credit") or ""
    masked = masked_email(contribution.email)
    return f"{name.strip()} ({masked})" if name.strip() else masked


def decision_message(contribution) -> str:
    """What the moderator's decision did, and that the contributor was told (the e-mail is on its way)."""
    who = contributor_label(contribution)
    if contribution.status == Status.PUBLISHED:
        return _("Contribution approuvée et publiée ; un e-mail prévient %(who)s, avec le lien de la page.") % {"who": who}
    if contribution.status == Status.CHANGES_REQUESTED:
        return _(
            "Modifications demandées ; votre commentaire part par e-mail à %(who)s, avec un lien pour modifier la contribution."
        ) % {"who": who}
    if contribution.status == Status.REJECTED:
        return _("Contribution refusée, rien n'est publié ; votre raison part par e-mail à %(who)s.") % {"who": who}
    return _("Contribution en modération : rien n'a été envoyé au contributeur.")
