/* geo's offline basemap (geo/basemap.py describes the data): land and sea, rivers, lakes, coasts, oblast and
 * country borders, and labels of oblasts, rivers and towns that grow in number as the map zooms in. Everything
 * is drawn in panes below the places (the overlay pane, z-index 400) and takes no clicks; names are put into the
 * page with textContent only.
 *
 * geoBasemap(map, basemap) -> {layers: [[label, layer], ...], oblast: function (name) -> feature or null,
 *                              avoid: function ([[lat, lon, label], ...]) -> town labels keep clear of these,
 *                              ground: the land and sea layer (off while street tiles are shown)}
 * `layers` are on the map already (a page may offer a checkbox for each); `oblast` finds an oblast's GeoJSON
 * feature by its English name ("Kharkiv Oblast"), whatever the case. */
function geoBasemap(map, basemap) {
  'use strict';
  var WATER = '#6f9bc4';
  /* The smallest town labelled at each zoom (index: zoom, capped at 11): all of them from zoom 11 on. */
  var TOWN_MIN = [2e6, 2e6, 2e6, 1e6, 1e6, 5e5, 2e5, 5e4, 1e4, 3000, 1000, 0];
  var MAX_LABELS = 150;  /* labels on screen at most, whatever the zoom */

  function pane(name, zIndex) {
    var p = map.getPane(name) || map.createPane(name);
    p.style.zIndex = String(zIndex);
    p.style.pointerEvents = 'none';
    return name;
  }
  var GROUND = pane('geo-base-ground', 255), WATERS = pane('geo-base-water', 265);
  var LINES = pane('geo-base-lines', 280), LABELS = pane('geo-base-labels', 380);

  function shapes(collection, paneName, style) {
    return L.geoJSON(collection, {pane: paneName, interactive: false, style: style});
  }
  var ground = L.layerGroup([
    shapes(basemap.land, GROUND, function () { return {stroke: false, fillColor: '#f3f0e8', fillOpacity: 1}; }),
    shapes(basemap.sea, GROUND, function () { return {stroke: false, fillColor: '#d9e6ef', fillOpacity: 1}; }),
    shapes(basemap.coast, WATERS, function () { return {color: WATER, weight: 1, fill: false}; })
  ]);
  var riverLines = shapes(basemap.rivers, WATERS, function (f) {
    return {color: WATER, weight: f.properties.rank <= 5 ? 2 : (f.properties.rank <= 7 ? 1.4 : 0.9), opacity: 0.9};
  });
  var lakes = shapes(basemap.lakes, WATERS, function () {
    return {color: WATER, weight: 0.8, fillColor: '#d9e6ef', fillOpacity: 1};
  });
  var outlines = shapes(basemap.oblasts, LINES, function () { return {color: '#7a7a7a', weight: 1.3, fill: false}; });
  var countries = shapes(basemap.borders, LINES, function () { return {color: '#555', weight: 1.6, fill: false}; });

  /* --- labels: placed in order of importance, each only where it overlaps none placed before it --- */
  var oblastNames = L.layerGroup(), riverNames = L.layerGroup(), townNames = L.layerGroup();
  var icons = {};  /* a label's marker, made once: key -> marker */

  function label(key, latlng, text, cls) {
    if (!icons[key]) {
      var span = document.createElement('span');
      span.textContent = text;
      icons[key] = L.marker(latlng, {pane: LABELS, interactive: false, keyboard: false,
        icon: L.divIcon({className: 'geo-base-label ' + cls, html: span, iconSize: [0, 0]})});
    }
    return icons[key];
  }
  /* A label's box on screen (px), as its CSS draws it: centred on the point, or to the right of a town's dot. */
  function box(latlng, text, centred, size) {
    var p = map.latLngToContainerPoint(latlng), w = text.length * size * 0.6 + 10, h = size + 6;
    return centred ? [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2] : [p.x - 4, p.y - h / 2, p.x + w, p.y + h / 2];
  }
  function free(b, placed) {
    for (var i = 0; i < placed.length; i++) {
      var q = placed[i];
      if (b[0] < q[2] && q[0] < b[2] && b[1] < q[3] && q[1] < b[3]) { return false; }
    }
    return true;
  }
  function townSize(population) { return population >= 5e5 ? 14 : (population >= 1e5 ? 13 : (population >= 1e4 ? 12 : 11)); }
  function townClass(population) {
    return population >= 1e5 ? 'geo-base-city' : (population >= 1e4 ? 'geo-base-town' : 'geo-base-village');
  }

  var avoided = [];  /* points drawn above the background (and their labels): no town label covers them */
  function relabel() {
    var zoom = map.getZoom(), view = map.getBounds();
    var placed = avoided.filter(function (a) { return view.contains([a[0], a[1]]); }).map(function (a) { var b = box([a[0], a[1]], a[2] || '', false, 12); b[0] -= 6; return b; });
    [oblastNames, riverNames, townNames].forEach(function (g) { g.clearLayers(); });
    function put(group, key, latlng, text, cls, centred, size) {
      if (placed.length >= MAX_LABELS + avoided.length || !view.contains(latlng)) { return; }
      var b = box(latlng, text, centred, size);
      if (free(b, placed)) { placed.push(b); group.addLayer(label(key, latlng, text, cls)); }
    }
    if (map.hasLayer(oblastNames) && zoom >= 6 && zoom <= 9) {
      basemap.oblasts.features.forEach(function (f, i) {
        put(oblastNames, 'o' + i, f.properties.label, f.properties.name_en, 'geo-base-oblast', true, 13);
      });
    }
    if (map.hasLayer(townNames)) {
      var least = TOWN_MIN[Math.max(0, Math.min(zoom, TOWN_MIN.length - 1))];
      var rows = basemap.towns.rows;
      for (var i = 0; i < rows.length && rows[i][3] >= least && placed.length < MAX_LABELS + avoided.length; i++) {
        var t = rows[i];
        put(townNames, 't' + i, [t[1], t[2]], t[0], townClass(t[3]), false, townSize(t[3]));
      }
    }
    if (map.hasLayer(riverNames) && zoom >= 8) {
      basemap.rivers.features.forEach(function (f, i) {
        (f.properties.labels || []).forEach(function (at, j) {
          if (f.properties.rank <= zoom - 1) { put(riverNames, 'r' + i + '.' + j, at, f.properties.name, 'geo-base-river', true, 11); }
        });
      });
    }
  }

  var oblasts = L.layerGroup([outlines, countries, oblastNames]);
  var waters = L.layerGroup([riverLines, lakes, riverNames]);
  var layers = [['land and sea', ground], ['oblast borders', oblasts], ['rivers and lakes', waters], ['towns', townNames]];
  layers.forEach(function (entry) { entry[1].addTo(map); entry[1].on('add', relabel); });
  map.on('zoomend moveend', relabel);
  relabel();
  if (basemap.credit && map.attributionControl) { map.attributionControl.addAttribution(basemap.credit); }

  /* An oblast by a name the gazetteer gives it: "Donetsk Oblast", "Crimea" (the Autonomous Republic of Crimea),
     "Rostov-on-Don Oblast" (Rostov Oblast). */
  function key(name) {
    return String(name).toLowerCase().replace(/autonomous republic of|oblast|-on-don/g, '').replace(/[^a-z]/g, '');
  }
  function oblast(name) {  /* the very name first: "Kyiv Oblast" and "Kyiv" (the city) share a key */
    var all = basemap.oblasts.features, lower = String(name).toLowerCase(), wanted = key(name);
    var found = all.filter(function (f) { return f.properties.name_en.toLowerCase() === lower; });
    if (!found.length) { found = all.filter(function (f) { return wanted && key(f.properties.name_en) === wanted; }); }
    return found.length ? found[0] : null;
  }
  function avoid(points) { avoided = points; relabel(); }
  return {layers: layers, oblast: oblast, avoid: avoid, ground: ground};
}
