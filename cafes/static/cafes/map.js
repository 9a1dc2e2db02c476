/* The café maps: the project's vendored Leaflet + markercluster, fed by GeoJSON (a URL or an
   embedded json_script). Tiles only if the site configures a tile URL; otherwise the site's own base
   map (static/cafes/basemap/: land, borders, French regions, city names) is drawn; no other request. */
(function () {
  "use strict";

  /* A café's time as the list shows it: the wall-clock time of the café's own zone, which the GeoJSON
     string carries with that zone's offset ("2027-07-15T18:00:00+00:00"), then the zone's name.
     Formatted as UTC, so that neither the visitor's device zone nor the browser's own copy of the
     zone rules (older or newer than the server's) can move it. Western digits and a 24-hour clock in every language, as the pages. */
  function when(p) {
    var text = String(p.start);
    var wall = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
    if (wall) {
      var date = new Date(Date.UTC(+wall[1], +wall[2] - 1, +wall[3], +wall[4], +wall[5]));
      try {
        text = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
          {dateStyle: "long", timeStyle: "short", timeZone: "UTC", numberingSystem: "latn", hourCycle: "h23"}).format(date);
      } catch (error) {
        text = wall[1] + "-" + wall[2] + "-" + wall[3] + " " + wall[4] + ":" + wall[5];
      }
    }
    return p.time_zone_label ? text + " (" + p.time_zone_label + ")" : text;
  }

  /* `texts` are the page's own words (data- attributes of the map box, translated by the templates): the feed
     gives the accessibility features' names in the page's language, the page says how to introduce them. */
  function popup(feature, texts) {
    var p = feature.properties || {};
    var box = document.createElement("div");
    var title = document.createElement(p.url ? "a" : "strong");
    title.textContent = p.title || "";
    if (p.url) { title.href = p.url; }
    // An untranslated café's title is in its original's language: say so to screen readers and the layout.
    if (p.lang && p.lang !== document.documentElement.lang) {
      title.lang = p.lang;
      title.dir = p.lang === "ar" ? "rtl" : "ltr";
    }
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
    var access = p.accessibility_labels || [];
    if (access.length && texts.accessibility) {
      var line = document.createElement("div");
      line.className = "cafe-popup__access";
      line.textContent = texts.accessibility + " " + access.map(String).join(texts.separator || ", ");
      box.appendChild(line);
    }
    return box;
  }

  /* The base map: plain GeoJSON files whose features carry a `kind` (see cafes/basemap/build.sh).
     Drawn in panes below the markers, not interactive and hidden from screen readers: the list under
     the map says everything the base map could. */
  var BASE_STYLES = {
    land: {stroke: false, fill: true, fillColor: "#f7f3ea", fillOpacity: 1},
    border: {color: "#6f6a60", weight: 1.2, fill: false},
    region: {color: "#8c877c", weight: 1, fill: false},
    department: {color: "#c9c2b3", weight: 0.7, fill: false}
  };
  var BASE_ORDER = ["land", "department", "region", "border"];
  var DEPARTMENTS_FROM = 6;

  function basePanes(map) {
    ["cafeBase", "cafeBaseLabels"].forEach(function (name, index) {
      var pane = map.createPane(name);
      pane.style.zIndex = String(250 + index * 100);  // between the tiles (200) and the markers (600)
      pane.style.pointerEvents = "none";
      pane.setAttribute("aria-hidden", "true");
    });
  }

  function drawBase(map, collections) {
    var features = [];
    collections.forEach(function (data) { features = features.concat(data.features || []); });
    var kind = function (f) { return (f.properties && f.properties.kind) || ""; };
    var renderer = L.svg({pane: "cafeBase"});
    var layers = {};
    BASE_ORDER.forEach(function (name) {
      var group = features.filter(function (f) { return kind(f) === name; });
      if (group.length) {
        layers[name] = L.geoJSON({type: "FeatureCollection", features: group},
                                 {style: BASE_STYLES[name], interactive: false, renderer: renderer, pane: "cafeBase"}).addTo(map);
      }
    });
    // City names in the page's language (`name_fr`, `name_ar`, `name_en`; the French one where a city has none
    // in it), more of them as one zooms in (each feature says from which zoom level, `z`).
    var language = (document.documentElement.lang || "fr").split("-")[0];
    var labels = features.filter(function (f) { return kind(f) === "city"; }).map(function (f) {
      var c = f.geometry.coordinates;
      var p = f.properties;
      var name = document.createElement("span");
      var own = p["name_" + language];
      name.lang = own ? language : p.name_fr ? "fr" : "en";
      name.dir = name.lang === "ar" ? "rtl" : "ltr";
      name.textContent = own || p.name_fr || p.name_en || "";
      // A permanent tooltip rather than a marker: not a marker icon (those are the cafés), never focusable.
      var label = L.tooltip({permanent: true, interactive: false, direction: "right", offset: [4, 0], opacity: 1,
                             className: "cafe-map__city", pane: "cafeBaseLabels"}).setLatLng([c[1], c[0]]).setContent(name);
      return {marker: label, latlng: L.latLng(c[1], c[0]), width: 8 + 7 * name.textContent.length, zoom: p.z || 7};
    });
    var group = L.layerGroup().addTo(map);
    // Largest cities first (the files' order): a name that would overlap one already shown waits for a closer zoom.
    function update() {
      var zoom = map.getZoom();
      // Départements from zoom 6 on: further out they would only grey the country.
      if (layers.department) { map[zoom >= DEPARTMENTS_FROM ? "addLayer" : "removeLayer"](layers.department); }
      var taken = [];
      labels.forEach(function (l) {
        var p = map.latLngToLayerPoint(l.latlng);
        var box = [p.x - 4, p.y - 9, p.x + l.width, p.y + 9];
        var free = l.zoom <= zoom && !taken.some(function (t) {
          return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3];
        });
        if (free) { taken.push(box); group.addLayer(l.marker); } else { group.removeLayer(l.marker); }
      });
    }
    map.on("zoomend", update);
    update();
    map.getContainer().setAttribute("data-basemap-drawn", String(features.length));
  }

  function loadBase(map, el) {
    var urls = (el.dataset.basemap || "").split(" ").filter(Boolean);
    if (!urls.length) { return; }
    basePanes(map);
    if (el.dataset.basemapAttribution) { map.attributionControl.addAttribution(el.dataset.basemapAttribution); }
    Promise.all(urls.map(function (url) {
      return fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); });
    })).then(function (collections) { drawBase(map, collections); })
      .catch(function (error) { el.setAttribute("data-basemap-error", String(error)); });
  }

  function show(map, layer, data, texts) {
    var markers = L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        var title = (feature.properties && feature.properties.title) || "";
        return L.marker(latlng, {title: title, alt: title, keyboard: true});
      },
      onEachFeature: function (feature, marker) { marker.bindPopup(function () { return popup(feature, texts); }); }
    });
    layer.addLayer(markers);
    map.addLayer(layer);
    var bounds = markers.getBounds();
    if (bounds.isValid()) {
      // Without tiles, closer than a region shows little more than the marker: stop there.
      map.fitBounds(bounds, {padding: [20, 20], maxZoom: map.getContainer().dataset.tileUrl ? 12 : 7});
    }
    map.getContainer().setAttribute("data-markers", String(markers.getLayers().length));
  }

  // A cluster is a button with a name ("12 cafés here: zoom in"), as markers are named by their café.
  function clusterIcon(cluster, label) {
    var count = cluster.getChildCount();
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    var icon = L.divIcon({html: "<div><span>" + count + "</span></div>", className: "marker-cluster marker-cluster-" + size,
                          iconSize: L.point(40, 40)});
    var create = icon.createIcon;
    icon.createIcon = function (old) {
      var element = create.call(icon, old);
      var name = label.replace("{count}", String(count));
      element.setAttribute("role", "button");
      element.setAttribute("aria-label", name);
      element.setAttribute("title", name);
      return element;
    };
    return icon;
  }

  function init(el) {
    if (!window.L) { return; }
    // Without JavaScript the box stays hidden and the note beside it says why; with it, the other way round.
    el.hidden = false;
    var fallback = el.parentNode.querySelector("[data-map-fallback]");
    if (fallback) { fallback.hidden = true; }
    var map = L.map(el, {scrollWheelZoom: false, worldCopyJump: true, minZoom: 2, maxZoom: 18}).setView([40, 2], 4);
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || "", maxZoom: 18}).addTo(map);
    } else {
      el.classList.add("cafe-map--plain");
      map.setMaxZoom(11);  // the base map's outlines are drawn for a country, not a street
      loadBase(map, el);
    }
    var layer = L.markerClusterGroup ? L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 40,
      iconCreateFunction: function (cluster) { return clusterIcon(cluster, el.dataset.clusterLabel || "{count}"); }
    }) : L.featureGroup();
    var texts = {accessibility: el.dataset.accessibilityLabel, separator: el.dataset.listSeparator};
    if (el.dataset.geojsonId) {
      show(map, layer, JSON.parse(document.getElementById(el.dataset.geojsonId).textContent), texts);
    } else if (el.dataset.geojson) {
      fetch(el.dataset.geojson, {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (data) { show(map, layer, data, texts); })
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
