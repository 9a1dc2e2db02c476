"""StreamField blocks of the lettre: the sections of an edition or a news article."""
import re
from urllib.parse import parse_qs, urlparse

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from cafeia_site.blocks import RICH_TEXT_FEATURES, CallToActionBlock, CaptionedImageBlock, QuoteBlock


class RegardBlock(blocks.StructBlock):
    """"Le regard de…": a named person's view, optionally drawn from a published testimony."""

    person = blocks.CharBlock(label=_("personne"), max_length=120)
    role = blocks.CharBlock(label=_("rôle"), max_length=200, required=False)
    photo = ImageChooserBlock(label=_("photo"), required=False)
    quote = blocks.TextBlock(label=_("citation mise en avant"), required=False)
    text = blocks.RichTextBlock(label=_("texte"), features=RICH_TEXT_FEATURES, required=False)
    testimony = blocks.PageChooserBlock(
        label=_("témoignage lié"), page_type="home.TestimonyPage", required=False
    )

    class Meta:
        icon = "user"
        label = _("le regard de")
        template = "home/lettre/blocks/regard.html"


class WatchLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=250)
    url = blocks.URLBlock(label=_("adresse"))
    source = blocks.CharBlock(label=_("source"), max_length=120, required=False)
    summary = blocks.CharBlock(label=_("résumé en une ligne"), max_length=300, required=False)

    class Meta:
        icon = "link"
        label = _("lecture")


class WatchBlock(blocks.StructBlock):
    """La veille: readings worth the time, each with its source and one line on why."""

    title = blocks.CharBlock(label=_("titre"), max_length=120, default=_("Veille"))
    links = blocks.ListBlock(WatchLinkBlock(), label=_("lectures"))

    class Meta:
        icon = "list-ul"
        label = _("veille")
        template = "home/lettre/blocks/watch.html"


class AgendaItemBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    place = blocks.CharBlock(label=_("lieu"), max_length=200, required=False)
    title = blocks.CharBlock(label=_("titre"), max_length=250)
    link = blocks.URLBlock(label=_("lien"), required=False)

    class Meta:
        icon = "date"
        label = _("rendez-vous")


class AgendaBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=120, default=_("Agenda"))
    items = blocks.ListBlock(AgendaItemBlock(), label=_("rendez-vous"))

    class Meta:
        icon = "date"
        label = _("agenda")
        template = "home/lettre/blocks/agenda.html"


class BriefItemBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("texte"), features=["bold", "italic", "link"])

    class Meta:
        icon = "pilcrow"
        label = _("brève")


class BriefsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=120, default=_("En bref"))
    items = blocks.ListBlock(BriefItemBlock(), label=_("brèves"))

    class Meta:
        icon = "list-ul"
        label = _("en bref")
        template = "home/lettre/blocks/briefs.html"


class BeforeLeavingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=120, default=_("Avant de partir"))
    text = blocks.RichTextBlock(label=_("texte"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("avant de partir")
        template = "home/lettre/blocks/before_leaving.html"


_YOUTUBE_ID = re.compile(r"^[\w-]{6,20}$")


def embed_url_for(url: str) -> str:
    """The privacy-friendlier player URL of a video page, or "" when the provider is unknown."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        if _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parsed.path.strip("/")
        if _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "vimeo.com":
        video_id = parsed.path.strip("/").split("/")[0]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1"
    elif "/w/" in parsed.path or "/videos/watch/" in parsed.path:
        # PeerTube instances: /w/<id> or /videos/watch/<id>
        video_id = parsed.path.rstrip("/").rsplit("/", 1)[-1]
        if re.match(r"^[\w-]+$", video_id):
            return f"{parsed.scheme}://{parsed.netloc}/videos/embed/{video_id}"
    return ""


class VideoBlock(blocks.StructBlock):
    """A video that loads nothing from its host until the reader asks for it."""

    url = blocks.URLBlock(label=_("adresse de la vidéo"))
    title = blocks.CharBlock(label=_("titre de la vidéo"), max_length=200)
    caption = blocks.CharBlock(label=_("légende"), max_length=300, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = embed_url_for(value.get("url"))
        context["provider"] = (urlparse(value.get("url") or "").hostname or "").removeprefix("www.")
        return context

    class Meta:
        icon = "media"
        label = _("vidéo")
        template = "home/lettre/blocks/video.html"


def article_blocks():
    """The sections of a letter edition or news article, in the order editors usually need them."""
    return [
        ("text", blocks.RichTextBlock(label=_("texte"), features=RICH_TEXT_FEATURES, template="blocks/rich_text.html")),
        ("regard", RegardBlock()),
        ("call_to_action", CallToActionBlock()),
        ("watch", WatchBlock()),
        ("agenda", AgendaBlock()),
        ("briefs", BriefsBlock()),
        # Same block as elsewhere; its lettre template reuses renditions without cache writes.
        ("image", CaptionedImageBlock(template="home/lettre/blocks/captioned_image.html")),
        ("video", VideoBlock()),
        ("quote", QuoteBlock()),
        ("before_leaving", BeforeLeavingBlock()),
    ]
