/* geo's map: places coloured by who is claimed to control them on the chosen day, paler as their last report ages,
 * a time slider, a view of what changed between two days, search, filters, a legend and an offline background.
 * Everything that comes from an article is put into the page with textContent, never as HTML. */
function geoMap(map, data) {
  'use strict';
  var CONTROLLERS = @CONTROLLERS@;
  var CONTROLLER_NAMES = {RU: 'Russia', UA: 'Ukraine', contested: 'Contested'};
  var STANCES = @STANCES@;
  var EVENTS = @EVENTS@;
  var PRECISIONS = @PRECISIONS@;
  var SIDES = ['Russia', 'Ukraine', 'third party', 'unknown side'];
  var COLORS = data.colors;
  var STALE_COLOR = '#9a9a9a';
  /* how much paler than its side's colour a status is drawn: by the stance of its latest claim, and by age */
  var TINT = {confirmed: 0, claimed: 0.3, unverified: 0.6, denied: 0.6};
  var FRESH_DAYS = 30, FADED_DAYS = 730, FADED_TINT = 0.7;
  /* a place contested but not reported for this long is no longer shown as contested now */
  var STALE_DAYS = 90;
  var DAY_MS = 86400000;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== null && text !== undefined) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function iso(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function dayOf(text) {
    var t = Date.parse(String(text || '').slice(0, 10));
    return isNaN(t) ? null : Math.floor(t / DAY_MS);
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  /* The spelling-insensitive key of a name, as geo.names.fold computes it in Python. */
  var KMU = @KMU@;
  var KMU_INITIAL = @KMU_INITIAL@;
  var RULES = @RULES@;
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

  /* A claim row: [day or null, packed codes, article id, claimant, quote, and the part of the place it is about
     when it names one] (claimant and quote as places in the article's lists of claimants and quotes); the codes as
     maprows.py packs them. A claim takes effect on its day, else on its article's day of publication. */
  var articles = data.articles;
  function unpack(row) {
    var code = row[1];
    var c = {day: row[0], side: code % 4, stance: STANCES[Math.floor(code / 4) % 4]};
    code = Math.floor(code / 16);
    c.event = EVENTS[code % 5]; code = Math.floor(code / 5);
    c.controller = CONTROLLERS[code % 3];
    c.precision = PRECISIONS[Math.floor(code / 3) - 1] || null;
    c.article = articles[row[2]] || [];
    c.claimant = (c.article[4] || [])[row[3]]; c.quote = (c.article[5] || [])[row[4]]; c.part = row[5] || '';
    c.effective = c.day !== null ? c.day : dayOf(c.article[3]);
    return c;
  }

  /* Colours: a side's colour mixed with white, never drawn translucent (dots never blend into colours the legend
     does not have). */
  function mix(hex, tint) {
    var n = parseInt(hex.slice(1), 16), out = '#';
    [16, 8, 0].forEach(function (shift) {
      var v = (n >> shift) & 255;
      out += ('0' + Math.round(v + (255 - v) * tint).toString(16)).slice(-2);
    });
    return out;
  }
  function ageTint(age) {
    if (age === null || age <= FRESH_DAYS) { return 0; }
    return FADED_TINT * Math.min(1, (age - FRESH_DAYS) / (FADED_DAYS - FRESH_DAYS));
  }
  function fillOf(s) {
    if (s.stale) { return STALE_COLOR; }
    return mix(COLORS[s.controller], Math.max(TINT[s.stance], ageTint(s.age)));
  }

  /* --- the offline background (geo/assets/basemap.js), when the page carries it --- */
  var baseData = document.getElementById('geo-basemap');
  var base = baseData && typeof geoBasemap === 'function' ? geoBasemap(map, JSON.parse(baseData.textContent)) : null;

  /* --- places: a dot for a settlement; a region's outline, or a badge where its outline is not known --- */
  var labelled = {};
  data.labelled.forEach(function (i) { labelled[i] = true; });
  var canvas = L.canvas({padding: 0.5});
  var placeLayer = L.layerGroup().addTo(map);
  var labelLayer = L.layerGroup().addTo(map);
  map.createPane('geo-regions').style.zIndex = 395;  /* above the background, below the dots */

  function regionLayer(p) {
    var outline = base && base.oblast ? base.oblast(p.name) : null;
    if (outline) {
      p.outline = true;
      return L.geoJSON(outline, {pane: 'geo-regions', style: function () { return {weight: 3, dashArray: '8 5', fill: true, fillOpacity: 0.06}; }});
    }
    var badge = el('span', p.name, 'geo-badge');
    return L.marker([p.lat, p.lon], {icon: L.divIcon({className: 'geo-badge-icon', html: badge, iconSize: null}), keyboard: false});
  }
  function dotLayer(p) {
    var ring = p.kind !== 0;
    return L.circleMarker([p.lat, p.lon], {renderer: canvas, radius: p.kind === 2 ? 9 : 7, weight: ring ? 2 : 1.2,
                                           dashArray: ring ? '4 3' : null, color: '#fff', fillOpacity: 1});
  }
  var popupOptions = {maxWidth: 440, maxHeight: 380, autoPanPaddingTopLeft: L.point(60, 20),
                      autoPanPaddingBottomRight: L.point(300, 90)};
  var places = data.places.map(function (row, index) {
    var p = {index: index, name: row[0][0], names: row[0], lat: row[1], lon: row[2], kind: row[3], periods: row[4],
             claims: row[5].map(unpack), where: row[6], region: row[7] || '', undated: row[8] || null,
             labelled: labelled[index] === true, keys: null, shown: null, status: null, aliases: row[9] || []};
    p.days = p.claims.map(function (c) { return c.effective; }).filter(function (d) { return d !== null; })
      .sort(function (a, b) { return a - b; });
    p.marker = p.kind === 3 ? regionLayer(p) : dotLayer(p);
    p.marker.geo = p;
    p.marker.bindPopup(function () { return popup(p); }, popupOptions);
    p.marker.bindTooltip(function () { return el('span', p.name); }, {sticky: p.outline === true});
    if (p.labelled && p.kind !== 3) {
      p.label = L.tooltip({permanent: true, direction: 'right', offset: [8, 0], className: 'geo-label'})
        .setLatLng([p.lat, p.lon]).setContent(el('span', p.name));
    }
    return p;
  });
  var asOf = data.last;

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

  /* A place's status on a day: what its period says, when it was last reported until then and how long ago;
     a place whose claims carry no date has the status they give, marked undated. */
  function statusOn(p, day, raw) {
    if (!p.periods.length) {
      return p.undated && {controller: CONTROLLERS[p.undated[0]], stance: STANCES[p.undated[1]], undated: true,
                           age: null, last: null, stale: false};
    }
    var found = null, last = null;
    for (var i = 0; i < p.periods.length && p.periods[i][0] <= day; i++) { found = p.periods[i]; }
    for (var j = 0; j < p.days.length && p.days[j] <= day; j++) { last = p.days[j]; }
    if (!found) { return null; }
    var s = {controller: CONTROLLERS[found[1]], stance: STANCES[found[2]], undated: false, last: last,
             age: last === null ? null : day - last};
    s.stale = s.controller === 'contested' && s.age !== null && s.age > STALE_DAYS;
    if (s.stale && !raw) {  /* fighting long ago and nothing since: the side the last claim of control named, if any */
      var held = lastHolder(p, day);
      if (held) { s.controller = held.controller; s.stance = held.stance; s.stale = false; s.after = true; }
    }
    return s;
  }
  /* The latest claim of control (not fighting, not denied) up to a day; on one day, one with a day of its own
     before one dated only by its article's publication. */
  function lastHolder(p, day) {
    var found = null;
    function rank(c) { return [c.effective, c.day !== null ? 1 : 0]; }
    p.claims.forEach(function (c) {
      if (c.effective === null || c.effective > day || c.controller === 'contested' || c.stance === 'denied' ||
          c.event === 'fighting') { return; }
      var r = rank(c), best = found && rank(found);
      if (!found || r[0] > best[0] || (r[0] === best[0] && r[1] >= best[1])) { found = c; }
    });
    return found;
  }
  function shownDay() { return state.day === null ? asOf : state.day; }

  var state = {day: null, controllers: {RU: true, UA: true, contested: true}, undated: true, stale: true,
               stances: {claimed: true, confirmed: true, denied: true, unverified: true}, changed: null};

  function paint(p, s) {
    var fill = fillOf(s), changed = state.changed && state.changed[p.index];
    var edge = changed ? '#000' : (s.stance === 'denied' ? '#111' : (s.undated ? '#6b5a2e' : (p.kind !== 0 ? '#333' : '#fff')));
    if (p.kind === 3) {
      if (p.outline) { p.marker.setStyle({color: fill, fillColor: fill, weight: changed ? 5 : 3}); }
      else { var b = p.marker.getElement && p.marker.getElement(); if (b) { b.firstChild.style.borderColor = fill; } }
      return;
    }
    p.marker.setStyle({fillColor: fill, color: edge, weight: changed ? 3 : (p.kind !== 0 || s.undated ? 2 : 1.2),
                       dashArray: s.undated ? '2 3' : (p.kind !== 0 ? '4 3' : null)});
  }
  function visibleWith(s) {
    return !!s && state.controllers[s.controller] && state.stances[s.stance] && (state.undated || !s.undated) &&
      (state.stale || !s.stale);
  }
  function redraw() {
    var counts = {RU: 0, UA: 0, contested: 0, undated: 0, stale: 0}, day = shownDay();
    places.forEach(function (p) {
      var s = statusOn(p, day);
      var visible = visibleWith(s);
      if (visible) {
        counts[s.undated ? 'undated' : (s.stale ? 'stale' : s.controller)] += 1;
        p.status = s;
      }
      if (visible !== p.shown) {
        if (visible) { placeLayer.addLayer(p.marker); if (p.label) { labelLayer.addLayer(p.label); } }
        else { placeLayer.removeLayer(p.marker); if (p.label) { labelLayer.removeLayer(p.label); } }
        p.shown = visible;
      }
      if (visible) { paint(p, s); }
    });
    Object.keys(legendCounts).forEach(function (k) { legendCounts[k].textContent = String(counts[k]); });
    spread();
    if (base && base.avoid) {  /* the background's town labels keep clear of the places and their labels */
      base.avoid(places.filter(function (p) { return p.shown && p.kind !== 3; })
        .map(function (p) { var at = p.marker.getLatLng(); return [at.lat, at.lng, p.label ? p.name : '']; }));
    }
  }

  /* --- places at one point are spread around it, so that none hides another --- */
  function spread() {
    var groups = {}, zoom = map.getZoom();
    places.forEach(function (p) {
      if (!p.shown || p.kind === 3) { return; }
      var key = p.lat.toFixed(3) + ',' + p.lon.toFixed(3);
      (groups[key] = groups[key] || []).push(p);
    });
    Object.keys(groups).forEach(function (key) {
      var group = groups[key], n = group.length;
      group.forEach(function (p, i) {
        if (n === 1) { p.marker.setLatLng([p.lat, p.lon]); return; }
        var centre = map.project([p.lat, p.lon], zoom), r = 9 + 2 * n, a = 2 * Math.PI * i / n - Math.PI / 2;
        p.marker.setLatLng(map.unproject(centre.add(L.point(r * Math.cos(a), r * Math.sin(a))), zoom));
      });
    });
  }
  map.on('zoomend', spread);

  /* --- popups: a place's status, how old its last report is, and its claims in time order --- */
  function claimWhen(c) {
    if (c.day === null) { return c.article[3] ? 'reported ' + c.article[3] : 'date unknown'; }
    var d = iso(c.day);
    return {day: d + ' (day)', week: 'week of ' + d, month: d.slice(0, 7) + ' (month)',
            season: 'about ' + d.slice(0, 7) + ' (season)', year: d.slice(0, 4) + ' (year)'}[c.precision] || d;
  }
  function claimWhat(c) {
    var holder = CONTROLLER_NAMES[c.controller];
    if (c.event === 'fighting') { return 'fighting' + (c.controller === 'contested' ? '' : ', held by ' + holder); }
    if (c.event === 'withdrew') {
      var left = c.controller === 'RU' ? 'Ukraine' : (c.controller === 'UA' ? 'Russia' : 'a side');
      return left + ' withdrew; ' + holder + ' holds it';
    }
    return holder + ' ' + (c.event === 'holds' ? 'holds it' : c.event + ' it');
  }
  function ageLine(s) {
    if (s.undated) { return 'undated: no claim on this place gives a date'; }
    if (s.age === null) { return ''; }
    var when = state.day === null ? 'the newest claim (' + iso(asOf) + ')' : iso(state.day);
    return 'last reported ' + (s.age === 0 ? 'that day' : plural(s.age, 'day') + ' before ' + when) +
      (s.stale ? ': no longer shown as contested' : '') +
      (s.after ? ': the fighting reported then is over ' + STALE_DAYS + ' days old; shown as the last claim of control says' : '');
  }
  function source(a) {
    var box = el('div', null, 'geo-source');
    var title = a[0] || a[1] || a[2] || 'source not given';
    if (a[2] && /^https?:\/\//i.test(a[2])) {
      var link = el('a', title);
      link.href = a[2]; link.target = '_blank'; link.rel = 'noopener noreferrer';
      box.appendChild(link);
    } else {
      box.appendChild(el('span', title));
    }
    var about = [a[1], a[3] ? 'published ' + a[3] : null].filter(function (x) { return x; }).join(', ');
    if (about) { box.appendChild(el('span', ' (' + about + ')', 'geo-published')); }
    return box;
  }
  function popup(p) {
    var root = el('div', null, 'geo-popup');
    root.appendChild(el('h4', p.name));
    var s = statusOn(p, shownDay());
    var when = state.day === null ? 'latest' : 'on ' + iso(state.day);
    root.appendChild(el('div', (s ? CONTROLLER_NAMES[s.controller] + ' (' + s.stance + ')' : 'no claim yet') + ' ' + when, 'geo-status'));
    if (s && ageLine(s)) { root.appendChild(el('div', ageLine(s), 'geo-age')); }
    root.appendChild(el('div', p.where + (p.region ? ', ' + p.region : ''), 'geo-where'));
    if (p.names.length > 1) { root.appendChild(el('div', 'also written: ' + p.names.slice(1).join(', '), 'geo-names')); }
    var list = el('ol');
    p.claims.slice().sort(function (x, y) {  /* oldest first, those with no day at all last */
      return (x.effective === null) - (y.effective === null) || (x.effective || 0) - (y.effective || 0);
    }).forEach(function (c) {
      var li = el('li', null, 'geo-claim geo-' + c.stance);
      li.appendChild(el('b', claimWhen(c)));
      li.appendChild(el('span', ' ' + claimWhat(c) + (c.part ? ' (' + c.part + ' of it)' : '') + ', ', 'geo-what'));
      li.appendChild(el('span', c.stance, 'geo-stance'));
      li.appendChild(el('div', 'by ' + c.claimant + ' (' + SIDES[c.side] + ')', 'geo-who'));
      li.appendChild(el('blockquote', c.quote));
      li.appendChild(source(c.article));
      list.appendChild(li);
    });
    root.appendChild(list);
    return root;
  }

  /* --- country borders, drawn offline; street tiles only when asked for --- */
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
  function button(text, onClick, title) {
    var b = el('button', text);
    b.type = 'button';
    if (title) { b.title = title; b.setAttribute('aria-label', title); }
    b.addEventListener('click', onClick);
    return b;
  }
  function swatch(color, cls) {
    var s = el('i', null, 'geo-swatch' + (cls ? ' ' + cls : ''));
    if (color) { s.style.background = color; }
    return s;
  }

  control('topleft', function (box) {
    box.classList.add('geo-title');
    box.appendChild(el('b', 'Reported territorial changes'));
    box.appendChild(el('div', (data.dated ? 'as of ' + iso(asOf) + ' (the newest claim)' : 'no dated claims') + ' · ' +
                            plural(places.length, 'place'), 'geo-asof'));
  });

  /* search: exact names first, then names that start so; "no match" when none */
  function find(query) {
    var q = fold(query), plain = String(query).trim().toLowerCase();
    if (!plain) { return []; }
    var ranked = [];
    places.forEach(function (p) {
      if (p.keys === null) { p.keys = p.names.map(fold).concat(p.aliases); }  /* old names and other spellings too */
      var lower = p.names.map(function (n) { return n.toLowerCase(); });
      var rank = lower.indexOf(plain) >= 0 ? 0 : (q && p.keys.indexOf(q) >= 0 ? 1 :
        (lower.some(function (n) { return n.indexOf(plain) === 0; }) ? 2 :
          (q && p.keys.some(function (k) { return k.indexOf(q) === 0; }) ? 3 : -1)));
      if (rank >= 0) { ranked.push([rank, p.name.length, p.name, p]); }
    });
    ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return ranked.slice(0, 12).map(function (r) { return r[3]; });
  }
  function go(p) {
    if (!p.shown) { setDay(null); }
    if (p.kind === 3 && p.outline) { map.fitBounds(p.marker.getBounds(), {maxZoom: 8}); }
    else { map.setView([p.lat, p.lon], Math.max(map.getZoom(), 9)); }
    if (p.shown) { p.marker.openPopup(); }
    else { L.popup(popupOptions).setLatLng([p.lat, p.lon]).setContent(popup(p)).openOn(map); }
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
    search.addEventListener('input', function () {
      results.textContent = '';
      if (!search.value.trim()) { return; }
      var found = find(search.value);
      if (!found.length) { results.appendChild(el('li', 'no match', 'geo-nomatch')); }
      found.forEach(function (p) {
        var item = el('li', p.name + (p.names.length > 1 ? ' (' + p.names.slice(1).join(', ') + ')' : ''));
        item.addEventListener('click', function () { go(p); });
        results.appendChild(item);
      });
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var found = find(search.value); if (found.length) { go(found[0]); } }
    });

    var legend = el('div', null, 'geo-legend');
    var toggle = button('Legend ▾', function () {
      var open = legend.classList.toggle('geo-collapsed') === false;
      toggle.textContent = open ? 'Legend ▾' : 'Legend ▸';
      toggle.setAttribute('aria-expanded', String(open));
    });
    toggle.className = 'geo-toggle';
    box.appendChild(toggle);
    if (window.innerWidth < 700) { legend.classList.add('geo-collapsed'); toggle.textContent = 'Legend ▸'; }
    toggle.setAttribute('aria-expanded', String(!legend.classList.contains('geo-collapsed')));
    buildLegend(legend);
    box.appendChild(legend);
  });

  function countedBox(parent, text, key, on, onChange, sw) {
    legendCounts[key] = el('span', '0', 'geo-count');
    var b = checkbox(parent, text + ' ', on, onChange, sw);
    b.parentNode.appendChild(legendCounts[key]);
  }
  function buildLegend(legend) {
    legend.appendChild(el('b', 'Claimed control'));
    CONTROLLERS.forEach(function (c) {
      countedBox(legend, CONTROLLER_NAMES[c], c, true, function (on) { state.controllers[c] = on; redraw(); }, swatch(COLORS[c]));
    });
    countedBox(legend, 'contested, stale (' + STALE_DAYS + '+ days)', 'stale', true,
               function (on) { state.stale = on; redraw(); }, swatch(STALE_COLOR));
    countedBox(legend, 'undated claims only', 'undated', true, function (on) { state.undated = on; redraw(); },
               swatch(mix(COLORS.RU, 0.3), 'geo-undated'));
    legend.appendChild(el('b', 'Latest claim is'));
    STANCES.forEach(function (s) {
      checkbox(legend, s + (s === 'confirmed' ? ' (full colour)' : ' (paler)'), true,
               function (on) { state.stances[s] = on; redraw(); }, swatch(mix('#555555', TINT[s]), s === 'denied' ? 'geo-denied-ring' : null));
    });
    var age = el('div', null, 'geo-key');
    age.appendChild(swatch(mix(COLORS.UA, 0)));
    age.appendChild(swatch(mix(COLORS.UA, FADED_TINT / 2)));
    age.appendChild(swatch(mix(COLORS.UA, FADED_TINT)));
    age.appendChild(document.createTextNode('paler as the last report ages'));
    legend.appendChild(age);
    var ring = el('div', null, 'geo-key');
    ring.appendChild(swatch(null, 'geo-ring'));
    ring.appendChild(document.createTextNode('approximate location'));
    legend.appendChild(ring);
    var region = el('div', null, 'geo-key');
    region.appendChild(swatch(null, 'geo-region-key'));
    region.appendChild(document.createTextNode('a claim on a region (part of it)'));
    legend.appendChild(region);
    backgroundLegend(legend);
    legend.appendChild(el('small', data.note, 'geo-note'));
  }
  function backgroundLegend(legend) {  /* the background's layers, and the street map that is online only */
    legend.appendChild(el('b', 'Background'));
    (base && base.layers ? base.layers : []).forEach(function (entry) {
      checkbox(legend, entry[0], map.hasLayer(entry[1]), function (on) { if (on) { entry[1].addTo(map); } else { map.removeLayer(entry[1]); } });
    });
    checkbox(legend, 'country borders', true, function (on) {
      if (on) { borders.addTo(map); countryLabels.addTo(map); }
      else { map.removeLayer(borders); map.removeLayer(countryLabels); }
    });
    var online = el('small', null, 'geo-online');
    var ground = base && base.ground ? [base.ground] : [];
    var failed = false;
    function underTiles(on) {  /* the drawn ground would hide the tiles: it goes only once a tile has come */
      ground.forEach(function (g) { if (on) { map.removeLayer(g); } else if (!map.hasLayer(g)) { g.addTo(map); } });
      borders.setStyle({fillOpacity: on ? 0 : 1});
    }
    checkbox(legend, 'street map (online)', false, function (on) {
      failed = false;
      if (on) { tiles.addTo(map); online.textContent = 'loading the street map: it needs the internet'; }
      else { map.removeLayer(tiles); underTiles(false); online.textContent = ''; }
    });
    tiles.on('tileload', function () { if (!failed) { underTiles(true); online.textContent = ''; } });
    tiles.on('tileerror', function () {
      failed = true;
      underTiles(false);
      online.textContent = 'the street map cannot load: no connection (the map works without it)';
    });
    legend.appendChild(online);
  }

  /* --- time: the status of every place on any day from the first claim to the newest --- */
  var first = data.first;
  var claimDays = [];
  places.forEach(function (p) { claimDays = claimDays.concat(p.days); });
  claimDays = claimDays.sort(function (a, b) { return a - b; }).filter(function (d, i, all) { return i === 0 || all[i - 1] !== d; });
  var slider, dayLabel, dayInput;
  function setDay(day) {
    state.day = day === null ? null : Math.max(first, Math.min(asOf, day));
    slider.value = String(shownDay());
    dayInput.value = iso(shownDay());
    dayLabel.textContent = state.day === null ? 'latest claims' : iso(state.day);
    redraw();
  }
  function stepClaim(direction) {
    var day = shownDay(), next = null;
    claimDays.forEach(function (d) { if (direction > 0 ? d > day && next === null : d < day) { next = d; } });
    if (next !== null) { setDay(next); }
  }
  control('bottomleft', function (box) {
    box.classList.add('geo-time');
    slider = el('input', null, 'geo-slider');
    slider.type = 'range'; slider.min = String(first); slider.max = String(asOf); slider.step = '1';
    slider.setAttribute('aria-label', 'Show the status on this day');
    slider.addEventListener('input', function () { setDay(Number(slider.value)); });
    dayInput = el('input', null, 'geo-date');
    dayInput.type = 'date'; dayInput.min = iso(first); dayInput.max = iso(asOf);
    dayInput.setAttribute('aria-label', 'Type a day');
    dayInput.addEventListener('change', function () { var d = dayOf(dayInput.value); if (d !== null) { setDay(d); } });
    dayLabel = el('span', null, 'geo-day');
    box.appendChild(el('span', 'Status on ', 'geo-time-title'));
    box.appendChild(dayLabel);
    box.appendChild(dayInput);
    box.appendChild(button('«', function () { stepClaim(-1); }, 'Previous claim'));
    box.appendChild(button('‹', function () { setDay(shownDay() - 1); }, 'Previous day'));
    box.appendChild(slider);
    box.appendChild(button('›', function () { setDay(shownDay() + 1); }, 'Next day'));
    box.appendChild(button('»', function () { stepClaim(1); }, 'Next claim'));
    box.appendChild(button('Latest', function () { setDay(null); }));
  });

  /* --- what changed between two days: the places whose status differs, and the claims that changed it --- */
  function changes(from, to) {
    var out = [];
    places.forEach(function (p) {
      var a = statusOn(p, from, true), b = statusOn(p, to, true);  /* what the claims say, not how they have aged */
      if (!b || b.undated || (a && a.controller === b.controller)) { return; }
      var claims = p.claims.filter(function (c) { return c.effective !== null && c.effective > from && c.effective <= to; });
      out.push({place: p, before: a ? CONTROLLER_NAMES[a.controller] : 'not reported', after: CONTROLLER_NAMES[b.controller], claims: claims});
    });
    return out.sort(function (x, y) { return x.place.name < y.place.name ? -1 : x.place.name > y.place.name ? 1 : 0; });
  }
  function listChanges(list, found) {  /* each place that changed, and the claims that changed it */
    list.textContent = '';
    found.forEach(function (f) {
      var li = el('li', null, 'geo-change');
      var name = el('a', f.place.name);
      name.href = '#'; name.addEventListener('click', function (e) { e.preventDefault(); go(f.place); });
      li.appendChild(name);
      li.appendChild(el('span', ': ' + f.before + ' → ' + f.after));
      f.claims.forEach(function (c) {
        li.appendChild(el('div', claimWhen(c) + ' ' + claimWhat(c) + ' (' + c.stance + ', by ' + c.claimant + ')', 'geo-change-claim'));
      });
      list.appendChild(li);
    });
  }
  control('bottomright', function (box) {
    box.classList.add('geo-changes');
    var body = el('div', null, 'geo-change-body');
    var toggle = button('What changed ▾', function () { folded(!body.classList.contains('geo-collapsed')); });
    toggle.className = 'geo-toggle geo-change-toggle';
    function folded(yes) {
      body.classList.toggle('geo-collapsed', yes);
      toggle.textContent = yes ? 'What changed ▸' : 'What changed ▾';
      toggle.setAttribute('aria-expanded', String(!yes));
    }
    box.appendChild(toggle);
    box.appendChild(body);
    folded(window.innerWidth < 700);  /* folded on a phone, where it would cover the time bar */
    var from = el('input'), to = el('input'), list = el('ol', null, 'geo-change-list');
    [from, to].forEach(function (input, i) {
      input.type = 'date'; input.min = iso(first); input.max = iso(asOf);
      input.className = i ? 'geo-change-to' : 'geo-change-from';
      input.setAttribute('aria-label', i ? 'Changes up to this day' : 'Changes after this day');
    });
    function show(a, b) {
      from.value = iso(a); to.value = iso(b);
      var found = changes(a, b);
      state.changed = {};
      found.forEach(function (f) { state.changed[f.place.index] = true; });
      summary.textContent = plural(found.length, 'place') + (found.length === 1 ? ' changed hands or was' : ' changed hands or were') +
        ' first reported after ' + iso(a) + ' up to ' + iso(b);
      listChanges(list, found);
      setDay(b === asOf ? null : b);
    }
    function clear() { state.changed = null; list.textContent = ''; summary.textContent = ''; redraw(); }
    var summary = el('div', null, 'geo-change-summary');
    var row = el('div', null, 'geo-change-row');
    row.appendChild(from); row.appendChild(el('span', ' to ')); row.appendChild(to);
    row.appendChild(button('Show', function () {
      var a = dayOf(from.value), b = dayOf(to.value);
      if (a !== null && b !== null && a < b) { show(a, b); return; }
      clear();
      summary.textContent = 'pick two days, the first before the second';
    }));
    body.appendChild(row);
    var quick = el('div', null, 'geo-change-row');
    quick.appendChild(button('Last 7 days', function () { show(asOf - 7, asOf); }));
    quick.appendChild(button('Last 30 days', function () { show(asOf - 30, asOf); }));
    quick.appendChild(button('Clear', clear));
    body.appendChild(quick);
    body.appendChild(summary);
    body.appendChild(list);
  });

  setDay(null);
  return {places: places, setDay: setDay, fold: fold, changes: changes, statusOn: statusOn};
}
