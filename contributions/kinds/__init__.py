"""The four kinds of contribution, in one table: address slug, stored value, form, builder, labels."""
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..builders import Builder
from ..choices import ContributionKind
from ..forms import ContributionForm
from .cafe import CafeBuilder, CafeForm
from .format import FormatBuilder, FormatForm
from .report import ReportBuilder, ReportForm
from .testimony import TestimonyBuilder, TestimonyForm


@dataclass(frozen=True)
class KindSpec:
    """One kind of contribution: what the public fills in, and what it becomes."""

    slug: str  # in the form's address, /contribuer/<slug>/, and in call-to-action blocks
    value: ContributionKind  # stored on the Contribution
    form: type[ContributionForm]
    builder: Builder
    label: Promise
    description: Promise


KINDS: dict[str, KindSpec] = {
    spec.slug: spec
    for spec in (
        KindSpec(
            "compte-rendu", ContributionKind.REPORT, ReportForm, ReportBuilder(), _("Compte rendu d'un café"),
            _("Racontez un café IA qui a eu lieu : qui était là, ce qui a été débattu, les questions et les propositions."),
        ),
        KindSpec(
            "format", ContributionKind.FORMAT, FormatForm, FormatBuilder(), _("Format d'animation"),
            _("Partagez une façon d'animer un café IA qui a marché, pour que d'autres la reprennent."),
        ),
        KindSpec(
            "temoignage", ContributionKind.TESTIMONY, TestimonyForm, TestimonyBuilder(), _("Témoignage"),
            _("« Le regard de… » : dites ce que les cafés IA vous ont apporté, ou ce que l'IA change pour vous."),
        ),
        KindSpec(
            "cafe", ContributionKind.CAFE, CafeForm, CafeBuilder(), _("Déclarer un café"),
            _("Vous organisez un café IA ? Ajoutez-le à la carte et à l'agenda."),
        ),
    )
}


def kind_for(value: str) -> KindSpec | None:
    """The kind of a stored contribution, from its `kind` value."""
    return next((spec for spec in KINDS.values() if spec.value == value), None)


__all__ = ["KINDS", "KindSpec", "kind_for"]
