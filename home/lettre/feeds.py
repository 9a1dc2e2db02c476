"""RSS and Atom feeds of the lettre, one per language, with each article's full text."""
import datetime

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils import feedgenerator, timezone
from django.utils.translation import get_language, gettext

from cafeia_site.site_address import absolute_url

from .emails import absolutize
from .models import ArticlePage

FEED_ITEMS = 20


class ArticleRssFeed(Feed):
    feed_type = feedgenerator.Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.language = get_language()
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, obj):
        return f"{obj.title} · Café IA"

    def link(self, obj):
        return obj.url

    def description(self, obj):
        return obj.introduction or gettext("La lettre de Café IA")

    def items(self, obj):
        return (
            ArticlePage.objects.live().child_of(obj).select_related("hero_image")
            .prefetch_related("tagged_items__tag").order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        if item.is_edition:
            return gettext("Lettre n° %(number)s : %(title)s") % {"number": item.issue_number, "title": item.title}
        return item.title

    def item_link(self, item):
        return item.url

    def item_description(self, item):
        html = render_to_string("home/lettre/includes/article_full_text.html", {"page": item}, request=self.request)
        return absolutize(html, absolute_url("/"))

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(8, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.authors or None

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = feedgenerator.Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
