"""Shared counters: atomic increments, expiry, and the purge of expired ones."""
from datetime import timedelta

import pytest
from django.utils import timezone

from cafeia_site import counters
from cafeia_site.models import Counter
from cafeia_site.personal_data import purge

pytestmark = pytest.mark.django_db


def test_a_counter_starts_at_start_and_counts_up():
    assert counters.value("t:a") == 0 and counters.value("t:a", 7) == 7
    assert [counters.increment("t:a", start=1) for _ in range(3)] == [2, 3, 4]
    assert counters.value("t:a") == 4


def test_an_expired_counter_starts_again():
    assert counters.increment("t:b", timeout=60) == 1
    assert counters.increment("t:b", timeout=60) == 2
    Counter.objects.filter(name="t:b").update(expires_at=timezone.now() - timedelta(seconds=1))
    assert counters.value("t:b") == 0
    assert counters.increment("t:b", timeout=60) == 1
    # The window restarts from the first count after expiry, not from every count.
    first_expiry = Counter.objects.get(name="t:b").expires_at
    counters.increment("t:b", timeout=60)
    assert Counter.objects.get(name="t:b").expires_at == first_expiry


def test_the_daily_purge_drops_expired_counters_only():
    counters.increment("t:old", timeout=60)
    counters.increment("t:live", timeout=60)
    counters.increment("t:version")
    Counter.objects.filter(name="t:old").update(expires_at=timezone.now() - timedelta(minutes=1))
    assert purge(timezone.now())["counters.expired"] == 1
    assert set(Counter.objects.filter(name__startswith="t:").values_list("name", flat=True)) == {"t:live", "t:version"}
