"""StreamField blocks shared by every section."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
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


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    text = blocks.TextBlock(label=_("texte"), required=False)
    link_page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.URLBlock(label=_("ou adresse"), required=False)
    link_label = blocks.CharBlock(label=_("libellé du bouton"), max_length=80)

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
