"""Demo of the lettre: its index, editions, news and testimonies, the home page's lettre blocks, and the news of Morocco."""
import io
import json

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from cafeia_site.demo import translate, upsert_page
from home.demo import HOME_TR

from .demo_content import Strings, country_news_texts, edition_texts, news_texts, paragraphs, testimony_texts
from .models import ArticleIndexPage, ArticlePage
from .selectors import CARD_RENDITION, PHOTO_RENDITION
from .testimonies import TestimonyIndexPage, TestimonyPage


def _demo_image(title: str, colour: tuple[int, int, int]):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        canvas = PILImage.new("RGB", (1200, 675), colour)
        draw = ImageDraw.Draw(canvas)
        for i in range(0, 1200, 60):
            draw.ellipse((i, 420 - i // 4, i + 180, 600 - i // 4), outline=(255, 255, 255), width=4)
        buffer = io.BytesIO()
        canvas.save(buffer, "PNG")
        image = Image(title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"))
        image.save()
    # Renditions are made now, not on the first visitor's request.
    image.get_renditions(CARD_RENDITION, PHOTO_RENDITION, "width-960")
    return image


def build(context: dict, stdout=None) -> None:
    home = context["home"]
    s = Strings()
    illustration = _demo_image("Illustration de la lettre", (196, 86, 30))

    lettre = upsert_page(
        home, ArticleIndexPage, slug="lettre", show_in_menus=True,
        title=s("La lettre", "الرسالة", "The letter"),
        introduction=s(
            "Les nouvelles du programme : éditions de la lettre, actualités des cafés, lectures et rendez-vous.",
            "أخبار البرنامج: أعداد الرسالة، ومستجدات المقاهي، وقراءات ومواعيد.",
            "News from the programme: letter editions, café news, readings and events.",
        ),
    )
    temoignages = upsert_page(
        home, TestimonyIndexPage, slug="temoignages",
        title=s("Témoignages", "شهادات", "Testimonies"),
        introduction=s("Celles et ceux qui font les cafés racontent.", "من يصنعون المقاهي يروون.", "The people who make the cafés tell their stories."),
    )
    translate(lettre, s.tr)
    translate(temoignages, s.tr)

    testimonies = []
    for slug, name, role, quote, body, country in testimony_texts(s):
        t = upsert_page(
            temoignages, TestimonyPage, slug=slug, title=name, person_name=name, role=role,
            quote=quote, body=body, country_code=country,
        )
        translate(t, s.tr)
        testimonies.append(t)

    articles = []
    for edition in edition_texts(s, illustration, testimonies):
        tags = edition.pop("tags")
        body = [{"type": kind, "value": value} for kind, value in edition.pop("body")]
        page = upsert_page(lettre, ArticlePage, body=json.dumps(body), **edition)
        page.tags.set(tags)
        page.save_revision().publish()
        articles.append(page)
    for slug, date, title, chapeau, tags in news_texts(s):
        body = [{"type": "text", "value": paragraphs(chapeau)}]
        page = upsert_page(lettre, ArticlePage, slug=slug, date=date, title=title, chapeau=chapeau, body=json.dumps(body))
        page.tags.set(tags)
        page.save_revision().publish()
        articles.append(page)
    for page in articles:
        translate(page, s.tr)

    # The home page features the lettre and a testimony.
    home.refresh_from_db()
    kinds = {block.block_type for block in home.body}
    extra = []
    if "latest_articles" not in kinds:
        extra.append({"type": "latest_articles", "value": {
            "title": s("La lettre", "الرسالة", "The letter"), "count": 3}})
    if "featured_testimony" not in kinds:
        extra.append({"type": "featured_testimony", "value": {
            "title": s("Le regard de la communauté", "نظرة المجتمع", "Voices from the community"),
            "testimony": testimonies[0].pk}})
    if extra:
        home.body = json.dumps(list(home.body.raw_data) + extra)
        home.save_revision().publish()
    s("La lettre", "الرسالة", "The letter")
    s("Le regard de la communauté", "نظرة المجتمع", "Voices from the community")
    translate(home, {code: {**HOME_TR.get(code, {}), **s.tr[code]} for code in ("ar", "en")})

    context.update(lettre=lettre, testimonies=testimonies, lettre_articles=articles)


def build_country_news(context: dict, stdout=None) -> None:
    """Links the lettre to the country pages: the Maroc section's news. Runs after the café section."""
    lettre = context["lettre"]
    maroc = context["countries"]["MA"]
    s = Strings()
    news_texts(s)  # the strings of the existing article about Morocco
    about_morocco = [ArticlePage.objects.child_of(lettre).get(slug="cafes-ia-au-maroc").specific]
    for slug, date, title, chapeau, paragraph, tags in country_news_texts(s):
        body = [{"type": "text", "value": paragraphs(chapeau, paragraph)}]
        page = upsert_page(lettre, ArticlePage, slug=slug, date=date, title=title, chapeau=chapeau, body=json.dumps(body))
        page.tags.set(tags)
        about_morocco.append(page)
    for page in about_morocco:
        page.country = maroc
        page.save_revision().publish()
        translate(page, s.tr)
    if stdout is not None:
        stdout.write(f"    {len(about_morocco)} articles about Morocco")
