"""Generated volume for the benchmarks: live pages written with bulk inserts (treebeard paths computed here).

`python -m tests.perf.volume --build` (with DJANGO_SETTINGS_MODULE and DATABASE_URL set) adds, on top of the
demo, 2,000 cafés, 5,000 reports, 300 articles and 500 resources, indexes them for search and adds a bare page;
without `--build` it prints the URLs the load benchmark requests.
"""
import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.utils import timezone

BATCH = 400
VOLUME = {"cafes": 2000, "reports": 5000, "articles": 300, "resources": 500}


def bulk_children(parent, model, n: int, fields: Callable[[int], dict], *, slug: str, title: str) -> list:
    """n live `model` pages under `parent`; `fields(i)` gives the model's own fields for the i-th."""
    # Imported here: `python -m tests.perf.volume` sets Django up before using models.
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    pages = []
    for i in range(n):
        page_slug, page_title = slug.format(i=i), title.format(i=i)
        pages.append(Page(
            title=page_title, draft_title=page_title, slug=page_slug,
            path=Page._get_path(parent.path, parent.depth + 1, parent.numchild + 1 + i), depth=parent.depth + 1,
            numchild=0, url_path=f"{parent.url_path}{page_slug}/", content_type=content_type, locale_id=parent.locale_id,
            live=True, has_unpublished_changes=False, translation_key=uuid.uuid4(), first_published_at=now,
            last_published_at=now,
        ))
    created = []
    for k in range(0, n, BATCH):
        created += Page.objects.bulk_create(pages[k:k + BATCH])
    rows = []
    for i, page in enumerate(created):
        row = model(page_ptr_id=page.pk, **fields(i))
        row.page_ptr = page
        rows.append(row)
    own_fields = list(model._meta.local_concrete_fields)
    for k in range(0, n, BATCH):
        model.objects._insert(rows[k:k + BATCH], fields=own_fields, using="default")
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + n)
    return created


def cafes(country, n: int, *, first: int = 0) -> list:
    from cafes.models import CafePage

    now = timezone.now()

    def fields(i):
        start = now + timezone.timedelta(days=1 + i % 300, hours=i % 7)
        return {"start": start, "end": start + timezone.timedelta(minutes=90), "time_zone": "Europe/Paris", "status": "prevu",
                    "mode": "sur-place", "city": f"Ville {i % 500}", "region": f"Région {i % 13}", "postcode": f"{10 + i % 80}000",
                    "latitude": Decimal("42") + Decimal(i % 900) / 100, "longitude": Decimal("-4") + Decimal(i % 1100) / 100,
                    "approximate_location": i % 10 == 0, "location": "", "description": "[]"}

    return bulk_children(country, CafePage, n, lambda i: fields(first + i), slug=f"bench-{first}-{{i}}",
                         title=f"Café de banc d'essai {first}-{{i}}")


def reports(country, n: int) -> list:
    from cafes import synthesis
    from cafes.models import CafeReportPage
    from cafes.models.reports import ReportQuestion

    year = synthesis.current_year()
    created = bulk_children(
        country, CafeReportPage, n,
        lambda i: {"date": date(year, 1 + i % 12, 1 + i % 28), "participants": None if i % 9 == 0 else 5 + i % 40,
                       "summary": "Les participants ont parlé d'emploi, d'école et de désinformation.", "quotes": "[]",
                       "cafe_name": f"Café {i}", "cafe_city": f"Ville {i % 300}"},
        slug="bench-cr-{i}", title="Compte rendu de banc d'essai {i}",
    )
    ReportQuestion.objects.bulk_create(
        [ReportQuestion(page_id=p.pk, text=f"Question {i}", sort_order=0) for i, p in enumerate(created)]
    )
    return created


def articles(lettre, n: int) -> list:
    from home.models import ArticlePage

    today = timezone.localdate()
    return bulk_children(
        lettre, ArticlePage, n,
        lambda i: {"date": today - timezone.timedelta(days=i), "chapeau": "Des nouvelles des cafés IA, en quelques lignes.",
                       "authors": "L'équipe de banc d'essai", "body": "[]"},
        slug="bench-article-{i}", title="Article de banc d'essai {i}",
    )


def resources(index, n: int) -> list:
    from ressources.models import ResourcePage

    return bulk_children(
        index, ResourcePage, n,
        lambda i: {"summary": "Un format d'animation pour ouvrir la discussion sur l'IA.", "duration_minutes": 30 + i % 90,
                       "group_min": 5, "group_max": 30, "steps": "[]"},
        slug="bench-ressource-{i}", title="Format de banc d'essai {i}",
    )


def index_for_search(pages_by_model: dict) -> None:
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for model, pages in pages_by_model.items():
        objects = list(model.objects.filter(pk__in=[p.pk for p in pages]))
        for k in range(0, len(objects), BATCH):
            backend.add_bulk(model, objects[k:k + BATCH])


BARE_SLUG = "banc-d-essai"


def bare_page():
    """The floor among pages: a StandardPage with a title and one paragraph, in the site's own template."""
    import json

    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="fr")
    page = StandardPage(title="Page nue", slug=BARE_SLUG, introduction="Une page Wagtail sans contenu, pour comparer.",
                        body=json.dumps([{"type": "paragraph", "value": "<p>Un paragraphe.</p>"}]))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def urls() -> dict:
    """The pages the load benchmark requests, read from the database it serves."""
    from cafes.models import CafePage
    from home.models import ArticlePage, StandardPage

    def url(queryset):
        return queryset.live().filter(locale__language_code="fr").order_by("path").first().url

    return {
        "bare": url(StandardPage.objects.filter(slug=BARE_SLUG)),
        "home": "/fr/",
        "cafe_index": "/fr/cafes/",
        "cafe": url(CafePage.objects.exclude(slug__startswith="bench-")),
        "lettre_index": "/fr/lettre/",
        "article": url(ArticlePage.objects.exclude(slug__startswith="bench-").filter(issue_number__isnull=False)),
        "resource_index": "/fr/ressources/",
        "search": "/fr/recherche/?q=intelligence+artificielle",
        "geojson": "/data/cafes.geojson",
    }


def build(volume: dict = VOLUME) -> dict:
    """Adds the volume under the French tree of the demo; returns how many pages of each kind exist."""
    from cafes.models import CafePage, CafeReportPage, CountryPage
    from home.models import ArticleIndexPage, ArticlePage
    from ressources.models import ResourceIndexPage, ResourcePage

    france = CountryPage.objects.get(locale__language_code="fr", country_code="FR")
    made = {
        CafePage: cafes(france, volume["cafes"]),
        CafeReportPage: reports(france, volume["reports"]),
        ArticlePage: articles(ArticleIndexPage.objects.get(locale__language_code="fr"), volume["articles"]),
        ResourcePage: resources(ResourceIndexPage.objects.get(locale__language_code="fr"), volume["resources"]),
    }
    index_for_search(made)
    bare_page()
    return {model.__name__: model.objects.live().count() for model in made}


if __name__ == "__main__":
    import json
    import sys

    import django

    django.setup()
    if "--build" in sys.argv:
        print(json.dumps(build()), file=sys.stderr)
    print(json.dumps(urls()))
