"""Reads for the lettre, its subscribers and the testimonies: querysets joined and prefetched, constant query counts."""
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page

from cafeia_site.selectors import search_terms

from .models import ArticleIndexPage, ArticlePage
from .subscribers import Delivery, EditionSend, Subscriber
from .testimonies import TestimonyPage

# Renditions the cards use; load_demo generates them so a first visit does not.
CARD_RENDITION = "fill-640x360"
PHOTO_RENDITION = "fill-160x160"


def _with_card_images(queryset: QuerySet, field_name: str, spec: str) -> QuerySet:
    images = get_image_model().objects.prefetch_renditions(spec)
    # A card marks the language of an untranslated page's text (its alias's original).
    return queryset.select_related("alias_of").prefetch_related(Prefetch(field_name, queryset=images))


def articles_for_cards(queryset: QuerySet) -> QuerySet:
    """Articles with what a card shows (image and its rendition) fetched in a fixed number of queries."""
    return _with_card_images(queryset, "hero_image", CARD_RENDITION)


@dataclass
class ArticleListing:
    articles: QuerySet
    tag: Tag | None = None
    year: int | None = None
    all_tags: list = field(default_factory=list)
    all_years: list = field(default_factory=list)
    country: object = None
    all_countries: list = field(default_factory=list)


def article_listing(*, index: ArticleIndexPage, tag: str = "", year: str = "", query: str = "",
                    country: str = "") -> ArticleListing:
    """The live articles under `index`, filtered; unknown filters come back as None and are ignored.

    `country` is an ISO code (MA): articles about that country, named in the index's language."""
    country_model = ArticlePage._meta.get_field("country").related_model
    base = ArticlePage.objects.live().child_of(index)
    all_years = sorted({d.year for d in base.dates("date", "year")}, reverse=True)
    all_tags = list(
        Tag.objects.filter(home_articlepagetag_items__content_object__in=base).distinct().order_by("name")
    )
    all_countries = list(
        country_model.objects.live().filter(locale_id=index.locale_id, translation_key__in=base.values("country__translation_key"))
        .order_by("title")
    )
    articles = base
    chosen_country = next((c for c in all_countries if c.country_code == country.strip().upper()), None) if country else None
    if chosen_country is not None:
        articles = articles.filter(country__translation_key=chosen_country.translation_key)
    chosen_tag = None
    if tag:
        chosen_tag = next((t for t in all_tags if t.slug == tag.lower()), None)
        if chosen_tag is not None:
            articles = articles.filter(tagged_items__tag=chosen_tag)
    chosen_year = int(year) if year.isdigit() and int(year) in all_years else None
    if chosen_year is not None:
        articles = articles.filter(date__year=chosen_year)
    query = search_terms(query)
    if query:
        hits = ArticlePage.objects.live().child_of(index).search(query, operator="and")
        articles = articles.filter(pk__in=[hit.pk for hit in hits[:500]])
    articles = articles_for_cards(articles.distinct().order_by("-date", "-pk"))
    return ArticleListing(articles=articles, tag=chosen_tag, year=chosen_year, all_tags=all_tags, all_years=all_years,
                          country=chosen_country, all_countries=all_countries)


def articles_related(*, article: ArticlePage, count: int = 3) -> list[ArticlePage]:
    """Live articles of the same language sharing the most tags with `article`, newest first on ties."""
    tag_ids = [t.pk for t in article.tag_list]
    if not tag_ids:
        return []
    related = (
        ArticlePage.objects.live()
        .filter(locale_id=article.locale_id, tagged_items__tag_id__in=tag_ids)
        .exclude(pk=article.pk)
        .annotate(shared=Count("tagged_items", distinct=True))
        .order_by("-shared", "-date", "-pk")
    )
    return list(_with_card_images(related, "hero_image", CARD_RENDITION)[:count])


def articles_latest(*, locale_id: int | None, count: int = 3) -> tuple[Page | None, list[ArticlePage]]:
    """The lettre index of a language and its newest articles."""
    index = ArticleIndexPage.objects.live().filter(locale_id=locale_id).first() if locale_id else None
    if index is None:
        return None, []
    articles = ArticlePage.objects.live().child_of(index).order_by("-date", "-pk")
    return index, list(_with_card_images(articles, "hero_image", CARD_RENDITION)[:count])


def testimony_featured(*, chosen, locale_id: int | None) -> TestimonyPage | None:
    """The chosen testimony in the wanted language if translated and live, else the chosen one if live."""
    if chosen is None:
        return None
    candidates = _with_card_images(
        TestimonyPage.objects.live().filter(translation_key=chosen.translation_key), "photo", PHOTO_RENDITION
    )
    by_locale = {t.locale_id: t for t in candidates}
    return by_locale.get(locale_id) or next((t for t in by_locale.values() if t.pk == chosen.pk), None)


def testimonies_under(*, index) -> QuerySet:
    testimonies = TestimonyPage.objects.live().child_of(index).order_by("-first_published_at", "-pk")
    return _with_card_images(testimonies, "photo", PHOTO_RENDITION)


@dataclass
class CountryNews:
    articles: list
    index: ArticleIndexPage | None = None
    more: bool = False
    url: str = ""  # the lettre index filtered on the country


def articles_about_country(*, country, locale_id: int, count: int = 4) -> CountryNews:
    """The newest live articles of one language about `country` (set on any translation of it), and
    the lettre index they can be browsed from. A fixed number of queries, whatever their number."""
    found = list(articles_for_cards(
        ArticlePage.objects.live()
        .filter(locale_id=locale_id, country__translation_key=country.translation_key)
        .order_by("-date", "-pk")
    )[: count + 1])
    index = ArticleIndexPage.objects.live().filter(locale_id=locale_id).first() if found else None
    url = f"{index.url}?pays={country.country_code}" if index else ""
    return CountryNews(articles=found[:count], index=index, more=len(found) > count, url=url)


def subscribers_not_reached(*, send: EditionSend) -> QuerySet:
    """Confirmed subscribers of the send's language not yet reached (failed ones are retried)."""
    done = Delivery.objects.filter(
        article_id=send.article_id, status__in=[Delivery.Status.SENT, Delivery.Status.SENDING]
    ).values("subscriber_id")
    return (
        Subscriber.objects.filter(language=send.language, status=Subscriber.Status.CONFIRMED)
        .exclude(pk__in=done)
        .order_by("pk")
    )


def edition_delivery_counts(*, article: ArticlePage, language: str) -> dict[str, int]:
    """Confirmed subscribers of the language, and the edition's deliveries by outcome."""
    return {
        "subscribers": Subscriber.objects.filter(language=language, status=Subscriber.Status.CONFIRMED).count(),
        "sent": Delivery.objects.filter(article=article, status=Delivery.Status.SENT).count(),
        "failed": Delivery.objects.filter(article=article, status=Delivery.Status.FAILED).count(),
        "unknown": Delivery.objects.filter(article=article, status=Delivery.Status.SENDING).count(),
    }
