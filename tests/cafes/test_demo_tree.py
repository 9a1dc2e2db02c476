"""The demo's café section: its index, countries and cafés, in three languages (the demo is the subject)."""
import pytest
from django.utils import timezone

from cafes.models import CafeIndexPage, CafePage, CafeSessionChange, CountryPage
from cafes.selectors import cafes_filtered

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_demo_tree_has_index_countries_and_forty_cafes_in_three_languages():
    index = CafeIndexPage.objects.get(locale__language_code="fr")
    assert index.slug == "cafes"
    assert {c.slug: c.country_code for c in CountryPage.objects.filter(locale__language_code="fr")} == {"france": "FR", "maroc": "MA"}
    assert {c.capital for c in CountryPage.objects.filter(locale__language_code="fr")} == {"Paris", "Rabat"}
    assert CafePage.objects.live().filter(locale__language_code="fr").count() >= 40
    for code in ("ar", "en"):
        assert CafeIndexPage.objects.live().filter(locale__language_code=code).exists()
        assert CafePage.objects.live().filter(locale__language_code=code).count() >= 8
    now = timezone.now()
    fr = CafePage.objects.live().filter(locale__language_code="fr")
    assert fr.filter(end__lt=now, recurrence_weekday__isnull=True).count() >= 10
    assert fr.filter(start__gt=now).count() >= 10
    # Two weekly sessions (Wednesdays, Thursdays) and a monthly one (the first Tuesday), with dates changed.
    regular = set(fr.exclude(recurrence_weekday=None).values_list("recurrence_weekday", "recurrence_week"))
    assert regular == {(2, None), (3, None), (1, 1)}
    changes = CafeSessionChange.objects.filter(page__locale__language_code="fr", page__alias_of=None)
    assert set(changes.values_list("change", flat=True)) == {"sans-seance", "annulee"}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_demo_cafes_have_varied_accessibility_that_the_filter_finds_in_every_country(client, language):
    fr = CafePage.objects.live().filter(locale__language_code="fr")
    assert fr.filter(accessibility_features__isnull=False).distinct().count() >= 10
    assert fr.values("accessibility_features__code").distinct().count() >= 9 + 1  # every code, and none
    for code in ("FR", "MA"):
        found = cafes_filtered(locale=language, country=code, accessibilite=["plain-pied", "moteur"])
        assert found.exists(), (language, code)
    html = client.get(f"/{language}/cafes/?accessibilite=plain-pied").content.decode()
    assert html.count('class="cafe-card__accessibility"') >= 3
