"""Coordinates: parsing the geo widget's point, public (possibly approximate) coordinates, distances."""
import math
import re
from decimal import Decimal

POINT = re.compile(r"^\s*(?:SRID=(?P<srid>\d+);)?\s*POINT\s*\(\s*(?P<lng>-?\d+(?:\.\d+)?)\s+(?P<lat>-?\d+(?:\.\d+)?)\s*\)\s*$", re.I)
# Two decimals is about 1 km: enough to say "in this town", not enough to find a private home.
APPROXIMATE_DECIMALS = 2
EXACT_DECIMALS = 6
# Two points further apart than this (in degrees, ~50 m) do not describe the same place.
CONSISTENCY_TOLERANCE = Decimal("0.0005")


def parse_point(value: str) -> tuple[Decimal, Decimal] | None:
    """(latitude, longitude) from "SRID=4326;POINT(lng lat)", or None if it is not such a point."""
    match = POINT.match(value or "")
    if not match:
        return None
    return Decimal(match["lat"]), Decimal(match["lng"])


def format_point(latitude, longitude) -> str:
    return f"SRID=4326;POINT({Decimal(longitude):f} {Decimal(latitude):f})"


def in_range(latitude, longitude) -> bool:
    return -90 <= Decimal(latitude) <= 90 and -180 <= Decimal(longitude) <= 180


def public_coordinate(value, approximate: bool) -> float | None:
    """What the public may see of one coordinate: rounded to the town when the venue is private."""
    if value is None:
        return None
    # Floats, rounded the same way everywhere (page, map, feeds), so no output is more precise than another.
    return round(float(value), APPROXIMATE_DECIMALS if approximate else EXACT_DECIMALS)


def distance_km(lat1, lng1, lat2, lng2) -> float:
    """Great-circle distance, good enough to sort cafés by how near they are."""
    p1, p2 = math.radians(float(lat1)), math.radians(float(lat2))
    dp = p2 - p1
    dl = math.radians(float(lng2) - float(lng1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, a)))
