"""The demo's café section: its index, countries and cafés, in three languages (the demo is the subject)."""
import pytest
from django.utils import timezone

from cafes.models import CafeIndexPage, CafePage, CountryPage

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
    assert set(fr.exclude(recurrence_weekday=None).values_list("recurrence_weekday", flat=True)) == {2, 3}
