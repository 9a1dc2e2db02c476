"""Building cafés for tests: straight into the tree, live, without revisions (fast)."""
import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from cafes.models import Audience, CafePage, CountryPage, Organisation

_counter = itertools.count(1)


def country(code="FR", language="fr") -> CountryPage:
    return CountryPage.objects.get(country_code=code, locale__language_code=language)


def make_cafe(parent: CountryPage | None = None, *, days=10, hours=18, audiences=(), tags=(), **fields) -> CafePage:
    parent = parent or country("FR")
    n = next(_counter)
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=days, hours=hours - timezone.now().hour)
    values = {
        "title": f"Café de test {n}",
        "slug": f"cafe-de-test-{n}",
        "start": start,
        "end": start + dt.timedelta(minutes=90),
        "city": "Testville",
        "postcode": "99000",
        "region": "Testrégion",
        "latitude": Decimal("45.123456"),
        "longitude": Decimal("3.654321"),
        "locale": parent.locale,
    }
    values.update(fields)
    cafe = CafePage(**values)
    if audiences:
        cafe.audiences.set(Audience.objects.filter(code__in=audiences))
    if tags:
        cafe.tags.set(list(tags))
    parent.add_child(instance=cafe)
    return cafe


def organisation(slug="loir-et-cher-tech") -> Organisation:
    return Organisation.objects.get(slug=slug, locale__language_code="fr")
