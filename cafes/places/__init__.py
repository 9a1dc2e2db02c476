"""French communes and Moroccan towns from an embedded open dataset: find a place by postcode or name, with no service.

The data (cafes/places/data/*.tsv.gz, built by build.py, sources and licences in data/ATTRIBUTION.md) is read once per
process on the first call. See cafes/places/README.md.
"""
import bisect
import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["COUNTRIES", "Place", "find", "get", "in_country"]

DATA = Path(__file__).resolve().parent / "data"
COUNTRIES = ("FR", "MA")
MANY_KEYS, KEPT = 300, 100
MAX_TEXT = 100  # no town name is longer ("Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson" is 45)

# Coarse boxes (south, west, north, east) a café's point must fall in. They overlap neighbours (Belgium, Spain,
# Algeria...): they catch a swapped latitude/longitude or a point in the ocean, not a border. Morocco's two boxes
# include its southern provinces down to Lagouira, as the site's Moroccan partners count them.
AREAS = {
    "FR": (
        (42.30, -5.20, 51.15, 8.25),  # metropolitan France
        (41.30, 8.50, 43.10, 9.60),  # Corsica
        (15.80, -61.85, 16.55, -60.95),  # Guadeloupe
        (14.35, -61.25, 14.90, -60.80),  # Martinique
        (2.10, -54.65, 5.80, -51.60),  # Guyane
        (-21.40, 55.20, -20.85, 55.85),  # La Réunion
        (-13.05, 44.95, -12.60, 45.35),  # Mayotte
    ),
    "MA": (
        (27.66, -13.20, 35.95, -0.95),  # north of the 27°40′ parallel
        (20.75, -17.15, 27.70, -8.65),  # the southern provinces
    ),
}

_ALLOWED = re.compile(r"[\w\s'’‘`´.,()/-]+")  # letters of any script, digits, and what names and "Lannion (22300)" use
_POSTCODE = re.compile(r"\d{5}")
_POSTCODE_DIGITS = re.compile(r"\d{2,5}")
_PREFIXES = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_ARTICLES = ("le ", "la ", "les ", "l ")
_MARKS = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")  # accents, harakat
_NON_WORD = re.compile(r"[\W_]+")
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})


@dataclass(frozen=True)
class Place:
    country: str  # "FR" or "MA"
    code: str  # INSEE code in France; "GN" + GeoNames id (or "LL" + coordinates) in Morocco
    name: str
    postcodes: tuple[str, ...]
    region: str
    department: str  # "" in Morocco
    latitude: float
    longitude: float
    name_ar: str = ""
    population: int = 0
    approximate: bool = False  # the point is the mean of the neighbouring communes', not the commune's own

    @property
    def label(self) -> str:
        """"Lannion (22300, Côtes-d'Armor)"; "Rabat (Rabat-Salé-Kénitra)"."""
        return self.label_with(self.postcode_for(""))

    def postcode_for(self, text: str) -> str:
        """The postcode to show for what was typed: the first starting with the typed digits, else the first."""
        digits = "".join(_POSTCODE_DIGITS.findall(text))
        return next((p for p in self.postcodes if digits and p.startswith(digits)), self.postcodes[0] if self.postcodes else "")

    def label_with(self, postcode: str) -> str:
        parts = [p for p in (postcode, self.department or self.region) if p]
        return f"{self.name} ({', '.join(parts)})"


def normalise(text: str) -> str:
    """The search key of a name: case, accents, punctuation and "St"/"Ste" folded; Arabic letter variants unified."""
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold().translate(_ARABIC)))
    return " ".join(_PREFIXES.get(w, w) for w in _NON_WORD.sub(" ", text).split())


class _Index:
    def __init__(self, places: list[Place], aliases: list[tuple[str, ...]]):
        self.places = places
        self.by_code = {p.code: p for p in places}
        keys: dict[str, set[int]] = {}
        postcodes: dict[str, list[int]] = {}
        for i, (place, names) in enumerate(zip(places, aliases, strict=True)):
            for name in (place.name, place.name_ar, *names):
                key = normalise(name) if name else ""
                if not key:
                    continue
                keys.setdefault(key, set()).add(i)
                for article in _ARTICLES:  # "rochelle" finds La Rochelle
                    if key.startswith(article):
                        keys.setdefault(key[len(article):], set()).add(i)
                if "'" in name or "’" in name:  # "lhay les roses" finds L'Haÿ-les-Roses
                    keys.setdefault(normalise(name.replace("'", "").replace("’", "")), set()).add(i)
            for postcode in place.postcodes:
                postcodes.setdefault(postcode, []).append(i)
        self.keys = {k: sorted(v, key=self._rank) for k, v in keys.items()}
        self.sorted_keys = sorted(self.keys)
        self.postcodes = {k: sorted(v, key=self._rank) for k, v in postcodes.items()}
        self.sorted_postcodes = sorted(self.postcodes)
        self.popular: dict[tuple[int, str], list[int]] = {}

    def _rank(self, i: int):
        return -self.places[i].population, self.places[i].name

    def _prefixed(self, sorted_keys: list[str], mapping: dict, prefix: str, limit: int) -> list[int]:
        """The places of the keys starting with `prefix`, best first; `limit` 0 for all of them.

        A prefix of many keys ("sa" starts 5,000 names) is answered from a cache of its best KEPT places, filled on
        first use; few prefixes start that many keys, so the cache stays small whatever is typed.
        """
        start = bisect.bisect_left(sorted_keys, prefix)
        end = bisect.bisect_left(sorted_keys, prefix + "\U0010ffff", start)
        if end - start > MANY_KEYS and 0 < limit <= KEPT:
            cached = self.popular.get((id(mapping), prefix))
            if cached is None:
                cached = self.popular[id(mapping), prefix] = self._places(sorted_keys[start:end], mapping)[:KEPT]
            return cached[:limit]
        found = self._places(sorted_keys[start:end], mapping)
        return found[:limit] if limit else found

    def _places(self, keys: list[str], mapping: dict) -> list[int]:
        unique = list(dict.fromkeys(i for key in keys for i in mapping[key]))
        unique.sort(key=self._rank)
        return unique

    def by_name(self, key: str, limit: int) -> list[int]:
        exact = self.keys.get(key, [])
        seen = set(exact)
        prefixed = self._prefixed(self.sorted_keys, self.keys, key, limit + len(exact) if limit else 0)
        found = exact + [i for i in prefixed if i not in seen]
        return found[:limit] if limit else found

    def by_postcode(self, digits: str, limit: int) -> list[int]:
        if len(digits) == 5:
            found = self.postcodes.get(digits, [])
            return found[:limit] if limit else found
        return self._prefixed(self.sorted_postcodes, self.postcodes, digits, limit)


@cache
def _index(country: str) -> _Index:
    places, aliases = [], []
    with gzip.open(DATA / f"{country.lower()}.tsv.gz", "rt", encoding="utf-8") as data:
        next(data)  # the header, in build.py's column order
        for line in data:
            if country == "FR":
                code, name, postcodes, department, region, population, lat, lng, precision, names = \
                    line.rstrip("\n").split("\t")
                name_ar = ""
            else:
                code, name, name_ar, region, population, lat, lng, names = line.rstrip("\n").split("\t")
                postcodes, department, precision = "", "", "c"
            places.append(Place(country, code, name, tuple(postcodes.split()), region, department, float(lat),
                                float(lng), name_ar, int(population), precision != "c"))
            aliases.append(tuple(names.split("|")) if names else ())
    return _Index(places, aliases)


def find(country: str, text: str, limit: int = 20) -> list[Place]:
    """Places of `country` matching a postcode (or its first digits), a name, or "name (postcode)".

    Exact matches first, then names starting with the text, each by population. Anything else gives [].
    """
    if country not in COUNTRIES or not isinstance(text, str) or not 0 < len(text) <= MAX_TEXT:
        return []
    if not isinstance(limit, int) or limit < 1:
        return []
    if not _ALLOWED.fullmatch(text):
        return []
    index = _index(country)
    postcodes = _POSTCODE.findall(text)
    words = normalise(_POSTCODE.sub(" ", text))
    if any(ch.isdigit() for ch in words):  # a partial postcode, alone ("223"), or digits in a name ("Paris 15")
        if words.isdigit() and not postcodes and len(words) >= 2:
            return [index.places[i] for i in index.by_postcode(words, limit)]
        if not postcodes:
            return [index.places[i] for i in index.by_name(words, limit)]
    if len(postcodes) > 1:
        return []
    if postcodes and not words:
        return [index.places[i] for i in index.by_postcode(postcodes[0], limit)]
    if len(words) < 2 and not ("\u0600" <= words[:1] <= "\u06ff"):
        return []
    if not postcodes:
        return [index.places[i] for i in index.by_name(words, limit)]
    # "Lannion (22300)": the name narrowed by the postcode; a misspelt name ("Lanion (22300)") leaves the postcode's.
    named = [i for i in index.by_name(words, 0) if postcodes[0] in index.places[i].postcodes]
    return [index.places[i] for i in (named or index.by_postcode(postcodes[0], 0))[:limit]]


def get(country: str, code: str) -> Place | None:
    if country not in COUNTRIES or not isinstance(code, str):
        return None
    return _index(country).by_code.get(code)


def in_country(country: str, latitude: float, longitude: float) -> bool:
    """Whether the point lies in one of the country's boxes (AREAS: coarse, see there)."""
    try:
        lat, lng = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return False
    return any(s <= lat <= n and w <= lng <= e for s, w, n, e in AREAS.get(country, ()))
