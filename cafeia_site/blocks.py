"""StreamField blocks shared by every section."""
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("intertitre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("niveau"), choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("intertitre")
        template = "blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("crédit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("image")
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citation"))
    attribution = blocks.CharBlock(label=_("qui l'a dit"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("citation")
        template = "blocks/quote.html"


# The public contribution forms are views, not pages: a button reaches them by name, in the reader's language.
# Keys are the forms' URL slugs (contributions.kinds.KINDS, checked by a test), "index" their list.
CONTRIBUTION_FORM_CHOICES = [
    ("index", _("Tous les formulaires de contribution")),
    ("compte-rendu", _("Formulaire : compte rendu d'un café")),
    ("format", _("Formulaire : format d'animation")),
    ("temoignage", _("Formulaire : témoignage")),
    ("cafe", _("Formulaire : déclarer un café")),
]


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    text = blocks.TextBlock(label=_("texte"), required=False)
    link_page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.URLBlock(label=_("ou adresse"), required=False)
    link_form = blocks.ChoiceBlock(label=_("ou formulaire de contribution"), required=False, choices=CONTRIBUTION_FORM_CHOICES)
    link_label = blocks.CharBlock(label=_("libellé du bouton"), max_length=80)

    def clean(self, value):
        value = super().clean(value)
        # A button label with nowhere to go is a dead end for the reader.
        if not (value.get("link_page") or value.get("link_url") or value.get("link_form")):
            message = _("Choisissez où mène le bouton : une page, une adresse ou un formulaire de contribution.")
            raise StructBlockValidationError(block_errors={"link_page": ValidationError(message)})
        return value

    class Meta:
        icon = "pick"
        label = _("appel à l'action")
        template = "blocks/call_to_action.html"


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


def body_blocks():
    """The blocks of a free page body; sections add their own to this list."""
    return [
        ("heading", HeadingBlock()),
        ("text", blocks.RichTextBlock(label=_("texte"), features=RICH_TEXT_FEATURES, template="blocks/rich_text.html")),
        ("image", CaptionedImageBlock()),
        ("quote", QuoteBlock()),
        ("call_to_action", CallToActionBlock()),
    ]
