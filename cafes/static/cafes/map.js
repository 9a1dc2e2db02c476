/* The café maps: the project's vendored Leaflet + markercluster, fed by GeoJSON (a URL or an
   embedded json_script). Tiles only if the site configures a tile URL; no other request. */
(function () {
  "use strict";

  /* A café's time as the list shows it: in the café's own zone (from the GeoJSON), named, whatever the
     visitor's device zone. A browser that does not know the zone shows the wall-clock time the ISO
     string carries (it has the café's offset). */
  function when(p) {
    var options = {dateStyle: "long", timeStyle: "short"};
    if (p.time_zone) { options.timeZone = p.time_zone; }
    var text;
    try {
      text = new Intl.DateTimeFormat(document.documentElement.lang || undefined, options).format(new Date(p.start));
    } catch (error) {
      text = String(p.start).slice(0, 16).replace("T", " ");
    }
    return p.time_zone_label ? text + " (" + p.time_zone_label + ")" : text;
  }

  function popup(feature) {
    var p = feature.properties || {};
    var box = document.createElement("div");
    var title = document.createElement(p.url ? "a" : "strong");
    title.textContent = p.title || "";
    if (p.url) { title.href = p.url; }
    box.appendChild(title);
    if (p.city) {
      var city = document.createElement("div");
      city.textContent = p.city;
      box.appendChild(city);
    }
    if (p.start) {
      var time = document.createElement("div");
      time.className = "cafe-popup__when";
      time.textContent = when(p);
      box.appendChild(time);
    }
    return box;
  }

  function show(map, layer, data) {
    var markers = L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        var title = (feature.properties && feature.properties.title) || "";
        return L.marker(latlng, {title: title, alt: title, keyboard: true});
      },
      onEachFeature: function (feature, marker) { marker.bindPopup(function () { return popup(feature); }); }
    });
    layer.addLayer(markers);
    map.addLayer(layer);
    var bounds = markers.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, {padding: [20, 20], maxZoom: 12});
    }
    map.getContainer().setAttribute("data-markers", String(markers.getLayers().length));
  }

  function init(el) {
    if (!window.L) { return; }
    var map = L.map(el, {scrollWheelZoom: false, worldCopyJump: true, minZoom: 2, maxZoom: 18}).setView([40, 2], 4);
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || "", maxZoom: 18}).addTo(map);
    } else {
      el.classList.add("cafe-map--plain");
    }
    var layer = L.markerClusterGroup ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40}) : L.featureGroup();
    if (el.dataset.geojsonId) {
      show(map, layer, JSON.parse(document.getElementById(el.dataset.geojsonId).textContent));
    } else if (el.dataset.geojson) {
      fetch(el.dataset.geojson, {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (data) { show(map, layer, data); })
        .catch(function (error) { el.setAttribute("data-error", String(error)); });
    }
  }

  function start() { document.querySelectorAll("[data-cafe-map]").forEach(init); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
