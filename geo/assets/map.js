/* geo's map: places coloured by who is claimed to control them on the chosen day, a time slider, search,
 * filters, a legend and offline country borders. Everything that comes from an article is put into the page
 * with textContent, never as HTML. */
function geoMap(map, data) {
  'use strict';
  var CONTROLLERS = ['RU', 'UA', 'contested'];
  var CONTROLLER_NAMES = {RU: 'Russia', UA: 'Ukraine', contested: 'Contested'};
  var STANCES = ['claimed', 'confirmed', 'denied', 'unverified'];
  var EVENTS = ['captured', 'recaptured', 'holds', 'withdrew', 'fighting'];
  var PRECISIONS = ['day', 'week', 'month', 'season', 'year'];
  var SIDES = ['Russia', 'Ukraine', 'third party', 'unknown side'];
  var COLORS = data.colors;
  var OPACITY = {confirmed: 0.95, claimed: 0.65, unverified: 0.35, denied: 0.35};
  var DAY_MS = 86400000;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== null && text !== undefined) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function iso(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function today() { return Math.floor(Date.now() / DAY_MS); }

  /* The spelling-insensitive key of a name, as geo.names.fold computes it in Python. */
  var KMU = {'а': 'a', 'б': 'b', 'в': 'v', 'г': 'h', 'ґ': 'g', 'д': 'd', 'е': 'e', 'є': 'ie', 'ж': 'zh', 'з': 'z',
    'и': 'y', 'і': 'i', 'ї': 'i', 'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r',
    'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ь': '',
    'ю': 'iu', 'я': 'ia', 'ё': 'e', 'ъ': '', 'ы': 'y', 'э': 'e'};
  var KMU_INITIAL = {'є': 'ye', 'ї': 'yi', 'й': 'y', 'ю': 'yu', 'я': 'ya'};
  var RULES = [['shch', 'sc'], ['sch', 'sc'], ['kh', 'h'], ['ch', 'c'], ['tsh', 'c'], ['ts', 'c'], ['tz', 'c'],
    ['cz', 'c'], ['zh', 'z'], ['sh', 's'], ['g', 'h'], ['q', 'k'], ['x', 'ks'], ['w', 'v'], ['yi', 'i'], ['ji', 'i'],
    ['ye', 'e'], ['je', 'e'], ['ie', 'e'], ['yo', 'o'], ['jo', 'o'], ['io', 'o'], ['ya', 'a'], ['ja', 'a'],
    ['ia', 'a'], ['yu', 'u'], ['ju', 'u'], ['iu', 'u'], ['y', 'i'], ['j', 'i']];
  function fold(name) {
    var out = '', letter = false;
    String(name).toLowerCase().replace(/зг/g, 'зґг').split('').forEach(function (ch) {
      var table = !letter && KMU_INITIAL[ch] !== undefined ? KMU_INITIAL : KMU;
      if (table[ch] !== undefined) { out += table[ch]; letter = true; } else { out += ch; letter = /\p{L}/u.test(ch); }
    });
    var s = out.normalize('NFKD').replace(/[^a-z]/g, '');
    RULES.forEach(function (r) { s = s.split(r[0]).join(r[1]); });
    s = s.replace(/(.)\1+/g, '$1');
    var stripped = s.replace(/[aeiou]+$/, '');
    return stripped.length >= 3 ? stripped : s;
  }

  /* A claim row: [day or null, packed codes, article id, claimant, quote] (the last two as places in the article's
     lists of claimants and quotes); the codes as maprows.py packs them. */
  function unpack(row) {
    var code = row[1];
    var c = {day: row[0], side: code % 4, stance: STANCES[Math.floor(code / 4) % 4]};
    code = Math.floor(code / 16);
    c.event = EVENTS[code % 5]; code = Math.floor(code / 5);
    c.controller = CONTROLLERS[code % 3];
    c.precision = PRECISIONS[Math.floor(code / 3) - 1] || null;
    c.article = articles[row[2]] || [];
    c.claimant = (c.article[4] || [])[row[3]]; c.quote = (c.article[5] || [])[row[4]];
    return c;
  }

  /* --- places --- */
  var articles = data.articles, labelled = {};
  data.labelled.forEach(function (i) { labelled[i] = true; });
  var canvas = L.canvas({padding: 0.5});
  var placeLayer = L.layerGroup().addTo(map);
  var labelLayer = L.layerGroup().addTo(map);
  var places = data.places.map(function (row, index) {
    var p = {index: index, name: row[0][0], names: row[0], lat: row[1], lon: row[2], kind: row[3], periods: row[4],
             claims: row[5], labelled: labelled[index] === true, where: row[6], keys: null, shown: null};
    var region = p.kind === 3, ring = p.kind !== 0;
    p.marker = L.circleMarker([p.lat, p.lon], {
      renderer: canvas, radius: region ? 18 : (p.kind === 2 ? 10 : 7), weight: ring ? 2 : 1.2,
      dashArray: ring ? '4 3' : null, color: ring ? '#333' : '#fff', fillOpacity: 0.9
    });
    p.marker.geo = p;
    p.marker.bindPopup(function () { return popup(p); }, {maxWidth: 440, maxHeight: 400});
    p.marker.bindTooltip(function () { return el('span', p.name); });
    if (p.labelled) {
      p.label = L.tooltip({permanent: true, direction: 'right', offset: [region ? 18 : 8, 0], className: 'geo-label'})
        .setLatLng([p.lat, p.lon]).setContent(el('span', p.name));
    }
    return p;
  });
  /* The first view fits the bulk of the places, not a stray one: with ten places or more, those beyond three
     times the 80th-percentile distance from the median point are left out of the fit (still drawn). */
  function bulk(points) {
    if (points.length < 10) { return points; }
    function median(xs) { var s = xs.slice().sort(function (a, b) { return a - b; }); return s[Math.floor(s.length / 2)]; }
    var mlat = median(points.map(function (q) { return q[0]; })), mlon = median(points.map(function (q) { return q[1]; }));
    var scale = Math.cos(mlat * Math.PI / 180);
    function far(q) { return Math.sqrt(Math.pow(q[0] - mlat, 2) + Math.pow((q[1] - mlon) * scale, 2)); }
    var reach = points.map(far).sort(function (a, b) { return a - b; })[Math.floor(points.length * 0.8)];
    var kept = points.filter(function (q) { return far(q) <= Math.max(3 * reach, 0.5); });
    return kept.length ? kept : points;
  }
  if (places.length) {  /* the view: the bulk of the places, with a margin */
    map.fitBounds(L.latLngBounds(bulk(places.map(function (p) { return [p.lat, p.lon]; }))), {padding: [30, 30], maxZoom: 10});
  }

  function statusOn(p, day) {
    var found = null;
    for (var i = 0; i < p.periods.length && p.periods[i][0] <= day; i++) { found = p.periods[i]; }
    return found && {controller: CONTROLLERS[found[1]], stance: STANCES[found[2]]};
  }

  var state = {day: null, controllers: {RU: true, UA: true, contested: true},
               stances: {claimed: true, confirmed: true, denied: true, unverified: true}};

  function redraw() {
    var counts = {RU: 0, UA: 0, contested: 0};
    places.forEach(function (p) {
      var s = state.day === null ? statusOn(p, Infinity) : statusOn(p, state.day);
      var visible = !!s && state.controllers[s.controller] && state.stances[s.stance];
      if (visible) {
        counts[s.controller] += 1;
        p.marker.setStyle({fillColor: COLORS[s.controller], fillOpacity: OPACITY[s.stance],
                           color: s.stance === 'denied' ? '#111' : (p.kind !== 0 ? '#333' : '#fff')});
        p.status = s;
      }
      if (visible !== p.shown) {
        if (visible) { placeLayer.addLayer(p.marker); if (p.label) { labelLayer.addLayer(p.label); } }
        else { placeLayer.removeLayer(p.marker); if (p.label) { labelLayer.removeLayer(p.label); } }
        p.shown = visible;
      }
    });
    CONTROLLERS.forEach(function (c) { legendCounts[c].textContent = String(counts[c]); });
  }

  /* --- popups: a place's claims in time order --- */
  function claimWhen(c) {
    if (c.day === null) { return c.article[3] ? 'reported ' + c.article[3] : 'date unknown'; }
    return iso(c.day) + (c.precision ? ' (' + c.precision + ')' : '');
  }
  function popup(p) {
    var root = el('div', null, 'geo-popup');
    root.appendChild(el('h4', p.name));
    var s = p.status;
    var when = state.day === null ? 'latest' : 'on ' + iso(state.day);
    root.appendChild(el('div', (s ? CONTROLLER_NAMES[s.controller] + ' (' + s.stance + ')' : 'no claim yet') + ' ' + when, 'geo-status'));
    root.appendChild(el('div', p.where, 'geo-where'));
    if (p.names.length > 1) { root.appendChild(el('div', 'also written: ' + p.names.slice(1).join(', '), 'geo-names')); }
    var list = el('ol');
    p.claims.map(unpack).forEach(function (c) {
      var li = el('li', null, 'geo-claim geo-' + c.stance);
      li.appendChild(el('b', claimWhen(c)));
      li.appendChild(el('span', ' ' + CONTROLLER_NAMES[c.controller] + ': ' + c.event + ', ', 'geo-what'));
      li.appendChild(el('span', c.stance, 'geo-stance'));
      li.appendChild(el('div', 'by ' + c.claimant + ' (' + SIDES[c.side] + ')', 'geo-who'));
      li.appendChild(el('blockquote', c.quote));
      var a = c.article;
      var src = el('div', null, 'geo-source');
      var label = a[1] || a[0] || a[2] || 'source not given';
      if (a[2] && /^https?:\/\//i.test(a[2])) {
        var link = el('a', label);
        link.href = a[2]; link.target = '_blank'; link.rel = 'noopener noreferrer';
        src.appendChild(link);
      } else {
        src.textContent = label;
      }
      li.appendChild(src);
      list.appendChild(li);
    });
    root.appendChild(list);
    return root;
  }

  /* --- borders, drawn offline; street tiles only when asked for --- */
  map.createPane('geo-borders').style.zIndex = 250;  /* above tiles (200), below places (400) */
  var borders = L.geoJSON(data.borders, {
    interactive: false, pane: 'geo-borders',
    style: function () { return {color: '#8a8a8a', weight: 1, fillColor: '#f3f0e8', fillOpacity: 1}; }
  }).addTo(map);
  var countryLabels = L.layerGroup(data.countries.map(function (c) {
    return L.tooltip({permanent: true, direction: 'center', className: 'geo-country', interactive: false})
      .setLatLng([c[1], c[2]]).setContent(el('span', c[0]));
  })).addTo(map);
  var tiles = L.tileLayer(data.tiles.url, {attribution: data.tiles.attribution, maxZoom: 18, subdomains: 'abcd'});
  if (data.credit && map.attributionControl) { map.attributionControl.addAttribution(data.credit); }

  /* --- controls --- */
  function control(position, build) {
    var C = L.Control.extend({onAdd: function () {
      var box = el('div', null, 'geo-control leaflet-bar');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      build(box);
      return box;
    }});
    return new C({position: position}).addTo(map);
  }
  function checkbox(parent, text, checked, onChange, swatch) {
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox'; box.checked = checked;
    box.addEventListener('change', function () { onChange(box.checked); });
    label.appendChild(box);
    if (swatch) { label.appendChild(swatch); }
    label.appendChild(document.createTextNode(text));
    parent.appendChild(label);
    return box;
  }

  var legendCounts = {};
  control('topright', function (box) {
    box.classList.add('geo-panel');
    var search = el('input', null, 'geo-search');
    search.type = 'search'; search.placeholder = 'Find a place (any spelling)';
    search.setAttribute('aria-label', 'Find a place');
    var results = el('ul', null, 'geo-results');
    box.appendChild(search);
    box.appendChild(results);
    function find(query) {
      var q = fold(query), plain = String(query).trim().toLowerCase();
      if (!plain) { return []; }
      return places.filter(function (p) {
        if (p.keys === null) { p.keys = p.names.map(fold); }
        return p.keys.some(function (k) { return q && k.indexOf(q) === 0; }) ||
          p.names.some(function (n) { return n.toLowerCase().indexOf(plain) === 0; });
      }).slice(0, 12);
    }
    function go(p) {
      if (!p.shown) { setDay(null); }
      map.setView([p.lat, p.lon], Math.max(map.getZoom(), 9));
      p.marker.openPopup();
    }
    search.addEventListener('input', function () {
      results.textContent = '';
      find(search.value).forEach(function (p) {
        var item = el('li', p.name + (p.names.length > 1 ? ' (' + p.names.slice(1).join(', ') + ')' : ''));
        item.addEventListener('click', function () { go(p); });
        results.appendChild(item);
      });
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var found = find(search.value); if (found.length) { go(found[0]); } }
    });

    var legend = el('div', null, 'geo-legend');
    legend.appendChild(el('b', 'Claimed control'));
    CONTROLLERS.forEach(function (c) {
      var swatch = el('i', null, 'geo-swatch');
      swatch.style.background = COLORS[c];
      legendCounts[c] = el('span', '0', 'geo-count');
      var box2 = checkbox(legend, CONTROLLER_NAMES[c] + ' ', true, function (on) { state.controllers[c] = on; redraw(); }, swatch);
      box2.parentNode.appendChild(legendCounts[c]);
    });
    legend.appendChild(el('b', 'Latest claim is'));
    STANCES.forEach(function (s) {
      var swatch = el('i', null, 'geo-swatch geo-stance-' + s);
      checkbox(legend, s, true, function (on) { state.stances[s] = on; redraw(); }, swatch);
    });
    var ring = el('div', null, 'geo-key');
    ring.appendChild(el('i', null, 'geo-swatch geo-ring'));
    ring.appendChild(document.createTextNode('approximate location; large: a region'));
    legend.appendChild(ring);
    legend.appendChild(el('b', 'Background'));
    checkbox(legend, 'country borders', true, function (on) {
      if (on) { borders.addTo(map); countryLabels.addTo(map); }
      else { map.removeLayer(borders); map.removeLayer(countryLabels); }
    });
    checkbox(legend, 'street map (online)', false, function (on) {
      if (on) { tiles.addTo(map); borders.setStyle({fillOpacity: 0}); }
      else { map.removeLayer(tiles); borders.setStyle({fillOpacity: 1}); }
    });
    legend.appendChild(el('small', data.note, 'geo-note'));
    box.appendChild(legend);
  });

  /* --- time: the status of every place on any day from the first claim to today --- */
  var first = data.first, last = Math.max(data.last, today());
  var slider, dayLabel;
  function setDay(day) {
    state.day = day;
    slider.value = String(day === null ? last : day);
    dayLabel.textContent = day === null ? 'latest claims' : iso(day);
    redraw();
  }
  control('bottomleft', function (box) {
    box.classList.add('geo-time');
    var latest = el('button', 'Latest');
    latest.type = 'button';
    latest.addEventListener('click', function () { setDay(null); });
    slider = el('input', null, 'geo-slider');
    slider.type = 'range'; slider.min = String(first); slider.max = String(last); slider.step = '1';
    slider.setAttribute('aria-label', 'Show the status on this day');
    slider.addEventListener('input', function () { setDay(Number(slider.value)); });
    dayLabel = el('span', null, 'geo-day');
    box.appendChild(el('span', 'Status on ', 'geo-time-title'));
    box.appendChild(dayLabel);
    box.appendChild(slider);
    box.appendChild(latest);
  });

  setDay(null);
  return {places: places, setDay: setDay, fold: fold};
}
