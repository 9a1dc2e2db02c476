/* The café declaration's map (progressive enhancement): the organiser places or drags the café's point, carried
   by the hidden inputs latitude/longitude; the town typed recentres the map through /data/lieux.json.
   The map itself is the site's café map (cafes/map.js: tiles if configured, else the site's base map): this
   script joins it through Leaflet's init hook, so it must load before map.js. Without JavaScript the form
   works alone: the server takes the town's centre. */
(function () {
  "use strict";
  if (!window.L || !window.fetch) { return; }

  var VIEWS = {FR: {centre: [46.6, 2.4], zoom: 5}, MA: {centre: [31.8, -7.1], zoom: 5}};
  // How close a town is shown: a street map's zoom with tiles; without them, the base map's towns around it.
  var CLOSE = {tiles: 13, plain: 9};

  function init(box, map) {
    var form = box.closest("form");
    var input = function (name) { return form.querySelector("[name=" + name + "]"); };
    var lat = input("latitude"), lng = input("longitude"), country = input("country");
    var postcode = input("postcode"), city = input("city");
    // The commune chosen here (a hidden input); when the server offers a list (radio buttons), that list decides.
    var code = form.querySelector("input[type=hidden][name=place_code]");
    var offered = form.querySelector("input[type=radio][name=place_code]");
    var statusBox = box.querySelector("[data-status]"), results = box.querySelector("[data-results]");
    var clear = box.querySelector("[data-clear]"), centre = box.querySelector("[data-centre]");
    var arabic = document.documentElement.lang === "ar";
    var marker = null, asked = 0;
    var close = map.getContainer().dataset.tileUrl ? CLOSE.tiles : CLOSE.plain;

    function say(text) { statusBox.textContent = text; }
    function fixed(value) { return Number(value).toFixed(6); }

    function show(latlng) {
      if (!marker) {
        marker = L.marker(latlng, {draggable: true, keyboard: true, title: box.dataset.marker, alt: box.dataset.marker}).addTo(map);
        marker.on("dragend", function () { place(marker.getLatLng()); });
      } else {
        marker.setLatLng(latlng);
      }
    }

    // The organiser's own point: it goes to the server.
    function place(latlng) {
      var wrapped = latlng.wrap();
      show(wrapped);
      lat.value = fixed(wrapped.lat);
      lng.value = fixed(wrapped.lng);
      clear.hidden = false;
      say(box.dataset.placed.replace("{lat}", lat.value).replace("{lng}", lng.value));
    }

    function forget() {
      lat.value = "";
      lng.value = "";
      clear.hidden = true;
      if (marker) { map.removeLayer(marker); marker = null; }
    }

    function label(result) {
      return arabic && result.name_ar ? result.name_ar + result.label.slice(result.name.length) : result.label;
    }

    // A town found: the map goes there and shows its centre, which the server takes unless a point is placed.
    function go(result) {
      map.setView([result.latitude, result.longitude], close);
      if (code) { code.value = result.code; }
      if (!lat.value) { show(L.latLng(result.latitude, result.longitude)); }
      say(box.dataset.found.replace("{place}", label(result)));
    }

    function offer(found) {
      results.textContent = "";
      found.forEach(function (result) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button--secondary";
        button.textContent = label(result);
        button.addEventListener("click", function () {
          if (city) { city.value = arabic && result.name_ar ? result.name_ar : result.name; }
          if (postcode && result.postcode) { postcode.value = result.postcode; }
          results.hidden = true;
          go(result);
        });
        item.appendChild(button);
        results.appendChild(item);
      });
      results.hidden = false;
      say(box.dataset.several);
    }

    function lookUp() {
      var typedCity = city ? city.value.trim() : "", typedPostcode = postcode ? postcode.value.trim() : "";
      var q = typedCity && typedPostcode ? typedCity + " (" + typedPostcode + ")" : typedPostcode || typedCity;
      results.hidden = true;
      if (!q || !country.value) { return; }
      var url = box.dataset.placesUrl + "?country=" + encodeURIComponent(country.value) + "&q=" + encodeURIComponent(q);
      var mine = ++asked;
      fetch(url, {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (data) {
          if (mine !== asked) { return; }  // an older answer, for what was typed before
          var found = data.results || [];
          if (!found.length) { say(box.dataset.none); return; }
          if (found.length === 1) { go(found[0]); } else { offer(found); }
        })
        .catch(function (error) { box.setAttribute("data-error", String(error)); });
    }

    function overview() {
      var view = VIEWS[country.value] || VIEWS.FR;
      map.setView(view.centre, view.zoom);
    }

    map.on("click", function (event) { place(event.latlng); });
    centre.addEventListener("click", function () { place(map.getCenter()); });
    clear.addEventListener("click", function () {
      forget();
      say(box.dataset.cleared);
      lookUp();
    });
    [postcode, city].forEach(function (field) { if (field) { field.addEventListener("change", lookUp); } });
    country.addEventListener("change", function () {
      forget();  // a point of the other country would be refused
      if (code) { code.value = ""; }
      overview();
      lookUp();
    });

    if (lat.value && lng.value && isFinite(lat.value) && isFinite(lng.value)) {
      map.setView([Number(lat.value), Number(lng.value)], close);
      place(L.latLng(Number(lat.value), Number(lng.value)));
    } else {
      overview();
      if (!offered) { lookUp(); }
    }
    box.setAttribute("data-ready", "true");
  }

  // cafes/map.js makes the map of every [data-cafe-map]; the declaration's own is set up once it has a view.
  L.Map.addInitHook(function () {
    var map = this, box = map.getContainer().closest("[data-declare-map]");
    if (!box) { return; }
    box.hidden = false;
    map.whenReady(function () {
      map.invalidateSize();
      init(box, map);
    });
  });
})();
