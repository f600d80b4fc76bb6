/* Karte der kühlen Orte: a small canvas map renderer written for the Digitales Hamm suite.
   No external libraries, works offline from file://. Data: window.KUEHLE_ORTE (data.js),
   GeoJSON in WGS84, drawn in Web Mercator. */
(function () {
  "use strict";
  var DATA = window.KUEHLE_ORTE || {areas: {features: []}, places: {features: []},
                                    context: {features: []}, labels: {}};
  var COLORS = DATA.colors || {};
  var canvas = document.getElementById("map");
  var ctx = canvas.getContext("2d");
  var R = 6378137;
  var view = {x: 0, y: 0, res: 1};   // centre in mercator metres, metres per CSS pixel
  var user = null, selected = null, dpr = window.devicePixelRatio || 1;

  function merc(lon, lat) {
    var y = Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)) * R;
    return [lon * Math.PI / 180 * R, y];
  }
  function toScreen(m) {
    var w = canvas.clientWidth, h = canvas.clientHeight;
    return [w / 2 + (m[0] - view.x) / view.res, h / 2 - (m[1] - view.y) / view.res];
  }
  function toMerc(px, py) {
    var w = canvas.clientWidth, h = canvas.clientHeight;
    return [view.x + (px - w / 2) * view.res, view.y - (py - h / 2) * view.res];
  }
  function project(fc) {
    (fc.features || []).forEach(function (f) {
      var g = f.geometry; if (!g) { return; }
      var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : null;
      var lines = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : null;
      if (polys) { f._m = polys.map(function (p) { return p.map(function (r) { return r.map(function (c) { return merc(c[0], c[1]); }); }); }); }
      if (lines) { f._l = lines.map(function (l) { return l.map(function (c) { return merc(c[0], c[1]); }); }); }
      if (g.type === "Point") { f._p = merc(g.coordinates[0], g.coordinates[1]); }
    });
  }
  ["areas", "places", "context"].forEach(function (k) { DATA[k] = DATA[k] || {features: []}; project(DATA[k]); });

  function bounds() {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    function add(m) { b[0] = Math.min(b[0], m[0]); b[1] = Math.min(b[1], m[1]); b[2] = Math.max(b[2], m[0]); b[3] = Math.max(b[3], m[1]); }
    DATA.places.features.forEach(function (f) { if (f._p) { add(f._p); } });
    DATA.areas.features.forEach(function (f) { (f._m || []).forEach(function (p) { p[0].forEach(add); }); });
    return b;
  }
  function fit() {
    var b = bounds();
    if (!isFinite(b[0])) { b = merc(7.82, 51.68).concat(merc(7.83, 51.69)); }
    view.x = (b[0] + b[2]) / 2; view.y = (b[1] + b[3]) / 2;
    view.res = Math.max((b[2] - b[0]) / Math.max(canvas.clientWidth - 40, 50),
                        (b[3] - b[1]) / Math.max(canvas.clientHeight - 40, 50), 0.2);
  }
  function resize() {
    dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * dpr);
    canvas.height = Math.round(canvas.clientHeight * dpr);
    draw();
  }
  function color(kind) { return COLORS[kind] || "#555"; }

  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#eef3ee"; ctx.fillRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    ctx.lineJoin = "round";
    DATA.context.features.forEach(function (f) {
      ctx.strokeStyle = "#b9c0c4"; ctx.lineWidth = 2;
      (f._l || []).forEach(function (l) {
        ctx.beginPath(); l.forEach(function (m, i) { var s = toScreen(m); if (i) { ctx.lineTo(s[0], s[1]); } else { ctx.moveTo(s[0], s[1]); } }); ctx.stroke();
      });
    });
    DATA.areas.features.forEach(function (f) {
      ctx.beginPath();
      (f._m || []).forEach(function (p) { p.forEach(function (r) { r.forEach(function (m, i) { var s = toScreen(m); if (i) { ctx.lineTo(s[0], s[1]); } else { ctx.moveTo(s[0], s[1]); } }); ctx.closePath(); }); });
      ctx.globalAlpha = 0.55; ctx.fillStyle = color(f.properties.art); ctx.fill("evenodd");
      ctx.globalAlpha = 1; ctx.strokeStyle = f === selected ? "#d62" : color(f.properties.art); ctx.lineWidth = f === selected ? 3 : 1; ctx.stroke();
    });
    DATA.places.features.forEach(function (f) {
      if (!f._p) { return; }
      var s = toScreen(f._p), fountain = f.properties.art === "trinkbrunnen";
      ctx.beginPath(); ctx.arc(s[0], s[1], fountain ? 7 : 9, 0, 2 * Math.PI);
      ctx.fillStyle = color(f.properties.art); ctx.fill();
      ctx.lineWidth = f === selected ? 4 : 2; ctx.strokeStyle = f === selected ? "#d62" : "#fff"; ctx.stroke();
    });
    if (user) {
      var u = toScreen(user.m), acc = user.acc / view.res;
      ctx.beginPath(); ctx.arc(u[0], u[1], Math.max(acc, 10), 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(220,40,40,0.15)"; ctx.fill();
      ctx.beginPath(); ctx.arc(u[0], u[1], 8, 0, 2 * Math.PI);
      ctx.fillStyle = "#dc2828"; ctx.fill(); ctx.lineWidth = 3; ctx.strokeStyle = "#fff"; ctx.stroke();
    }
    document.body.setAttribute("data-status", "ready");
  }

  function esc(t) { return String(t == null ? "" : t).replace(/[&<>"']/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]; }); }
  function centroid(f) {
    if (f._p) { return f._p; }
    var r = f._m[0][0], x = 0, y = 0; r.forEach(function (m) { x += m[0]; y += m[1]; });
    return [x / r.length, y / r.length];
  }
  function lonlat(m) { return [m[0] / R * 180 / Math.PI, (2 * Math.atan(Math.exp(m[1] / R)) - Math.PI / 2) * 180 / Math.PI]; }
  function haversine(a, b) {
    var rad = Math.PI / 180, dlat = (b[1] - a[1]) * rad, dlon = (b[0] - a[0]) * rad;
    var h = Math.sin(dlat / 2) * Math.sin(dlat / 2) + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dlon / 2) * Math.sin(dlon / 2);
    return 2 * 6371000 * Math.asin(Math.sqrt(h));
  }
  function allPlaces() { return DATA.places.features.concat(DATA.areas.features); }
  function show(f) {
    selected = f;
    var p = f.properties, pop = document.getElementById("popup"), html = "<h3>" + esc(p.name || DATA.labels[p.art]) + "</h3>";
    html += "<div>" + esc(DATA.labels[p.art] || p.art) + "</div>";
    if (p.oeffnungszeiten) { html += "<div>Öffnungszeiten: " + esc(p.oeffnungszeiten) + "</div>"; }
    if (p.kuehle != null) { html += "<div>Kühle-Wert: " + esc(Math.round(p.kuehle)) + " von 100</div>"; }
    if (user) {
      var d = haversine(lonlat(user.m), lonlat(centroid(f)));
      html += "<div>Luftlinie: " + Math.round(d) + " m (zu Fuß etwa " + Math.max(1, Math.round(d * 1.3 / 60)) + " min)</div>";
    }
    pop.innerHTML = html + "<button type=\"button\" id=\"pclose\">Schließen</button>";
    pop.hidden = false;
    document.getElementById("pclose").onclick = function () { pop.hidden = true; selected = null; draw(); };
    draw();
  }
  function inRing(pt, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i], b = ring[j];
      if ((a[1] > pt[1]) !== (b[1] > pt[1]) && pt[0] < (b[0] - a[0]) * (pt[1] - a[1]) / (b[1] - a[1]) + a[0]) { inside = !inside; }
    }
    return inside;
  }
  function hit(px, py) {
    var best = null, bd = 16;
    DATA.places.features.forEach(function (f) {
      if (!f._p) { return; }
      var s = toScreen(f._p), d = Math.hypot(s[0] - px, s[1] - py);
      if (d < bd) { bd = d; best = f; }
    });
    if (best) { return best; }
    var m = toMerc(px, py);
    for (var i = DATA.areas.features.length - 1; i >= 0; i--) {
      var f = DATA.areas.features[i];
      if ((f._m || []).some(function (p) { return inRing(m, p[0]); })) { return f; }
    }
    return null;
  }
  function list() {
    var items = allPlaces().filter(function (f) { return f.properties.art !== "trinkbrunnen"; });
    if (user) {
      var here = lonlat(user.m);
      items.forEach(function (f) { f._d = haversine(here, lonlat(centroid(f))); });
      items.sort(function (a, b) { return a._d - b._d; });
    } else {
      items.sort(function (a, b) { return (b.properties.kuehle || 0) - (a.properties.kuehle || 0); });
    }
    var ol = document.getElementById("list"); ol.innerHTML = "";
    items.slice(0, 50).forEach(function (f) {
      var li = document.createElement("li");
      li.textContent = (f.properties.name || DATA.labels[f.properties.art]) + " – " + (DATA.labels[f.properties.art] || "") +
        (user ? " (" + Math.round(f._d) + " m)" : "");
      li.onclick = function () { var c = centroid(f); view.x = c[0]; view.y = c[1]; show(f); };
      ol.appendChild(li);
    });
  }
  function legend() {
    var el = document.getElementById("legend"), kinds = {};
    allPlaces().forEach(function (f) { kinds[f.properties.art] = true; });
    el.innerHTML = Object.keys(kinds).sort().map(function (k) {
      return "<div class=\"lg\"><span class=\"sw\" style=\"background:" + esc(color(k)) + "\"></span>" + esc(DATA.labels[k] || k) + "</div>";
    }).join("") + "<div class=\"lg\"><span class=\"sw\" style=\"background:#dc2828\"></span>Mein Standort</div>";
  }

  // interaction: drag, wheel, pinch, buttons, tap
  var pointers = {}, last = null, moved = false, pinch = null;
  canvas.addEventListener("pointerdown", function (e) { canvas.setPointerCapture(e.pointerId); pointers[e.pointerId] = [e.offsetX, e.offsetY]; last = [e.offsetX, e.offsetY]; moved = false; });
  canvas.addEventListener("pointermove", function (e) {
    if (!pointers[e.pointerId]) { return; }
    pointers[e.pointerId] = [e.offsetX, e.offsetY];
    var ids = Object.keys(pointers);
    if (ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]], d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (pinch) { zoomAt((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, pinch / d); }
      pinch = d; moved = true; return;
    }
    var dx = e.offsetX - last[0], dy = e.offsetY - last[1];
    if (Math.abs(dx) + Math.abs(dy) > 2) { moved = true; }
    view.x -= dx * view.res; view.y += dy * view.res; last = [e.offsetX, e.offsetY]; draw();
  });
  function up(e) {
    delete pointers[e.pointerId]; pinch = null;
    if (!moved && e.type === "pointerup") { var f = hit(e.offsetX, e.offsetY); if (f) { show(f); } }
  }
  canvas.addEventListener("pointerup", up); canvas.addEventListener("pointercancel", up);
  function zoomAt(px, py, factor) {
    var before = toMerc(px, py); view.res = Math.min(Math.max(view.res * factor, 0.05), 500);
    var after = toMerc(px, py); view.x += before[0] - after[0]; view.y += before[1] - after[1]; draw();
  }
  canvas.addEventListener("wheel", function (e) { e.preventDefault(); zoomAt(e.offsetX, e.offsetY, e.deltaY > 0 ? 1.25 : 0.8); }, {passive: false});
  document.getElementById("zin").onclick = function () { zoomAt(canvas.clientWidth / 2, canvas.clientHeight / 2, 0.66); };
  document.getElementById("zout").onclick = function () { zoomAt(canvas.clientWidth / 2, canvas.clientHeight / 2, 1.5); };
  document.getElementById("locate").onclick = function () {
    var st = document.getElementById("status");
    if (!navigator.geolocation) { st.textContent = "Ihr Browser kann den Standort nicht bestimmen."; return; }
    st.textContent = "Standort wird bestimmt …";
    navigator.geolocation.getCurrentPosition(function (pos) {
      user = {m: merc(pos.coords.longitude, pos.coords.latitude), acc: pos.coords.accuracy || 0};
      view.x = user.m[0]; view.y = user.m[1];
      st.textContent = "Die nächsten kühlen Orte stehen oben in der Liste.";
      list(); draw();
    }, function () { st.textContent = "Der Standort ist nicht verfügbar (Freigabe im Browser erlauben)."; },
    {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  };
  window.addEventListener("resize", resize);
  window.KUEHLE_KARTE = {view: view, draw: draw, show: show, setUser: function (lon, lat, acc) { user = {m: merc(lon, lat), acc: acc || 0}; list(); draw(); }};
  legend(); list(); fit(); resize();
})();
