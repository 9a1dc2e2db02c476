"""Building cafés for tests: straight into the tree of the test's Site (its own or the demo's), live, without revisions."""
import datetime as dt
import itertools
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page, Site, Workflow, WorkflowPage

from cafes.models import AccessibilityFeature, Audience, CafePage, CountryPage, Organisation
from tests.factories import OrganisationFactory

_counter = itertools.count(1)


def home(language="fr") -> Page:
    """The home page of the default Site in `language`: the test's own tree when it built one."""
    root = Site.objects.get(is_default_site=True).root_page
    return Page.objects.get(translation_key=root.translation_key, locale__language_code=language)


def country(code="FR", language="fr") -> CountryPage:
    """The country page under the Site's home, never one of another tree (a reused database may hold the demo)."""
    return CountryPage.objects.descendant_of(home(language)).get(country_code=code)


def make_cafe(parent: CountryPage | None = None, *, days=10, hours=18, audiences=(), tags=(), accessibility=(),
              **fields) -> CafePage:
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
    if accessibility:
        cafe.accessibility_features.set(AccessibilityFeature.objects.filter(code__in=accessibility))
    parent.add_child(instance=cafe)
    return cafe


def make_weekly_cafe(parent: CountryPage | None = None, *, weekday: int, at: dt.time, minutes=90, weeks=12,
                     **fields) -> CafePage:
    """A café held every `weekday` (0 = Monday) at `at` in its country's zone, from this week for `weeks` weeks."""
    parent = parent or country("FR")
    zone = ZoneInfo(parent.time_zone)
    today = timezone.now().astimezone(zone).date()
    first = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    start = dt.datetime.combine(first, at, tzinfo=zone)
    return make_cafe(parent, start=start, end=start + dt.timedelta(minutes=minutes), recurrence_weekday=weekday,
                     recurrence_until=first + dt.timedelta(weeks=weeks), **fields)


def organisation(**fields) -> Organisation:
    return OrganisationFactory(**fields)


def translated_organisation(names: dict[str, str], slug: str | None = None) -> Organisation:
    """An organisation named `names["fr"]`, translated into the other languages of `names`."""
    org = organisation(name=names["fr"], **({"slug": slug} if slug else {}))
    for code, name in names.items():
        if code != "fr":
            version = org.copy_for_translation(Locale.objects.get(language_code=code))
            version.name = name
            version.save()
    return org


def moderated_by(pages, *, group: str, workflow: str) -> None:
    """What the demo sets up for moderation: `workflow` (made by a migration) on `pages`, editable by `group`."""
    flow = Workflow.objects.get(name=workflow)
    moderators = Group.objects.get(name=group)
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore",
                                            codename__in=["add_page", "change_page", "publish_page"])
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": flow})
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=moderators, page=page, permission=permission)
