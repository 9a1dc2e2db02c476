"""StreamField blocks of a resource: the steps of an animation format."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre de l'étape"), max_length=200)
    duration = blocks.IntegerBlock(label=_("durée (minutes)"), required=False, min_value=0, max_value=1440)
    text = blocks.TextBlock(label=_("déroulé"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("étape")
        template = "ressources/blocks/step.html"


def step_blocks():
    return [("step", StepBlock())]
