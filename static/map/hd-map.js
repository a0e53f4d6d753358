/* Helpers of the Hengdong viewer's map (loaded after Leaflet; used by layers/elements.py). */
(function () {
  "use strict";
  var HD = (window.HD = window.HD || {});
  HD.townships = HD.townships || {}; // township code -> its polygon on the map
  HD.overlays = HD.overlays || {}; // theme id -> its group in the layer control
  HD.tables = HD.tables || {}; // name -> a table of the map (layers/elements.py BrowserTable)

  /* Path/marker options of one feature: its style key "s" (or "_"), plus the layer's className. */
  HD.style = function (opts, properties) {
    var key = (properties && properties.s) || "_";
    var style = Object.assign({}, opts.styles[key] || opts.styles._);
    style.className = [opts.className, style.className].filter(Boolean).join(" ");
    style.interactive = opts.interactive !== false;
    return style;
  };

  /* Tooltips show plain text (names may come from imported data): escaped, lines kept. */
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/\n/g, "<br>");
  }

  function tooltip(layer, text) {
    if (!text) return;
    layer.hdTip = text;
    layer.bindTooltip(escapeHtml(text), { sticky: true });
  }
  HD.tooltip = tooltip; // for the tiled layers (hd-tiles.js)

  /* Compact geometry (geo/compact_geojson.py): each line or ring is one string of
     encoded-polyline deltas at 1e-5 degree in the base64url alphabet, (lon, lat) order. */
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var SYMBOL = {};
  for (var k = 0; k < ALPHABET.length; k++) SYMBOL[ALPHABET.charAt(k)] = k;
  var LINE_DEPTH = { LineString: 0, MultiLineString: 1, Polygon: 1, MultiPolygon: 2 };

  HD.decodeLine = function (text, scale) {
    var positions = [], totals = [0, 0], i = 0, steps = scale || 1e5;
    while (i < text.length) {
      var position = [];
      for (var axis = 0; axis < 2; axis++) {
        var value = 0, shift = 0, symbol;
        do {
          symbol = SYMBOL[text.charAt(i++)];
          value |= (symbol & 31) << shift;
          shift += 5;
        } while (symbol >= 32);
        totals[axis] += value & 1 ? ~(value >> 1) : value >> 1;
        position.push(totals[axis] / steps);
      }
      positions.push(position);
    }
    return positions;
  };

  function decodeNested(coordinates, depth) {
    if (depth === 0) return HD.decodeLine(coordinates);
    return coordinates.map(function (part) { return decodeNested(part, depth - 1); });
  }

  HD.decodeGeometry = function (geometry) {
    if (!geometry || !(geometry.type in LINE_DEPTH)) return geometry; // points stay as they are
    return { type: geometry.type, coordinates: decodeNested(geometry.coordinates, LINE_DEPTH[geometry.type]) };
  };

  /* A GeoJSON overlay (geometry compact-encoded): tooltip from property "tip"; points drawn as circle markers. */
  HD.geo = function (parent, data, opts) {
    data.features.forEach(function (feature) {
      feature.geometry = HD.decodeGeometry(feature.geometry);
    });
    var layer = L.geoJSON(data, {
      attribution: opts.attribution || null,
      interactive: opts.interactive !== false,
      style: function (feature) { return HD.style(opts, feature.properties); },
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, HD.style(opts, feature.properties));
      },
      onEachFeature: function (feature, shape) {
        tooltip(shape, feature.properties.tip);
        if (opts.register) HD[opts.register][feature.properties.code] = shape;
      }
    });
    parent.addLayer(layer);
    return layer;
  };

  /* Copies of township polygons already on the map, styled: rows are [code, style key, tip].
     With opts.into they live in that theme's overlay while `parent` is on the map. */
  function townshipCopies(rows, opts) {
    var shapes = [];
    rows.forEach(function (row, i) {
      var source = HD.townships[row[0]];
      if (!source) return;
      var shape = L.polygon(source.getLatLngs(), HD.style(opts, { s: row[1] }));
      // Like a GeoJSON feature: properties.id names it for identify (layers/identify.py).
      // (no "code": a copy is not the township itself, HD.townships[code] is)
      if (opts.ids) shape.feature = { type: "Feature", properties: { id: opts.ids[i] }, geometry: null };
      // A copy covers the township: its tooltip names the township first.
      tooltip(shape, [source.hdTip, row[2]].filter(Boolean).join("\n"));
      shapes.push(shape);
    });
    return shapes;
  }

  HD.townshipShapes = function (parent, rows, opts) {
    var shapes = townshipCopies(rows, opts);
    var host = (opts.into && HD.overlays[opts.into]) || null;
    if (!host) {
      shapes.forEach(function (shape) { parent.addLayer(shape); });
      return;
    }
    parent.on("add", function () { shapes.forEach(function (shape) { host.addLayer(shape); }); });
    parent.on("remove", function () {
      shapes.forEach(function (shape) { host.removeLayer(shape); });
    });
  };

  function rings(latlngs, out) {
    if (latlngs.length && latlngs[0] instanceof L.LatLng) out.push(latlngs);
    else latlngs.forEach(function (part) { rings(part, out); });
    return out;
  }

  /* The outer edge of all township polygons (the county outline when they tile the county):
     the ring segments that belong to one township only, drawn as one multi-part line. */
  HD.townshipOutline = function (parent, opts) {
    var uses = {}, segments = {};
    Object.keys(HD.townships).forEach(function (code) {
      rings(HD.townships[code].getLatLngs(), []).forEach(function (ring) {
        ring.forEach(function (a, i) {
          var b = ring[(i + 1) % ring.length];
          var ka = a.lat + "," + a.lng, kb = b.lat + "," + b.lng;
          var key = ka < kb ? ka + ";" + kb : kb + ";" + ka;
          uses[key] = (uses[key] || 0) + 1;
          segments[key] = [a, b];
        });
      });
    });
    var outer = Object.keys(uses).filter(function (key) { return uses[key] === 1; });
    var line = L.polyline(outer.map(function (key) { return segments[key]; }), HD.style(opts, {}));
    parent.addLayer(line);
    return line;
  };

  /* The legend inside the layer control: each theme's lines (themes: [{title, html}]) in a
     foldable block under the overlay's checkbox (matched by its name); open from
     opts.openMinWidth px of map width, folded below. The control rebuilds its list when an
     overlay is added from code; the blocks are put back after each rebuild. */
  HD.legendInLayers = function (map, control, themes, opts) {
    var open = map.getSize().x >= opts.openMinWidth;
    var blocks = themes.map(function (theme) {
      var block = document.createElement("details");
      block.className = "hd-legend";
      block.open = open;
      var summary = document.createElement("summary");
      summary.textContent = opts.summary;
      block.appendChild(summary);
      var body = document.createElement("div");
      body.innerHTML = theme.html;
      block.appendChild(body);
      L.DomEvent.disableClickPropagation(block);
      return { title: theme.title, node: block };
    });
    function place() {
      var container = control.getContainer();
      if (!container) return;
      container.querySelectorAll(".leaflet-control-layers-overlays label").forEach(function (label) {
        var name = label.textContent.trim();
        var block = blocks.find(function (b) { return b.title === name; });
        if (block) label.parentNode.insertBefore(block.node, label.nextSibling);
      });
    }
    place();
    map.on("overlayadd overlayremove", place);
  };

  /* A table the state handlers below look up (HD.tables[name]), sent once with the map. */
  HD.table = function (name, value) { HD.tables[name] = value; };

  /* The state Python sends (ui/map_view.py), applied to the shapes already drawn: the picked
     township outlined and framed, the industry's townships shaded inside the 乡镇产业
     overlay (its checkbox shows and hides them), an explicit view. */
  var shown = { map: null, selection: null, highlight: [], highlightHost: null };

  function showHighlight(industry) {
    shown.highlight.forEach(function (shape) { shown.highlightHost.removeLayer(shape); });
    shown.highlight = [];
    var table = HD.tables.industry_highlight;
    var entry = industry && table && table.industries[industry];
    var host = table && HD.overlays[table.into];
    if (!entry || !host) return;
    var rows = entry[1].map(function (row) {
      var modes = row.slice(2).map(function (i) { return table.modes[i]; });
      return [table.codes[row[0]], table.shades[row[1]], entry[0] + ": " + modes.join("、")];
    });
    // ids name each copy for identify (layers/identify.py highlight_id)
    var ids = rows.map(function (row) { return "highlight:" + industry + "/" + row[0]; });
    shown.highlight = townshipCopies(rows, Object.assign({ ids: ids }, table));
    shown.highlightHost = host;
    shown.highlight.forEach(function (shape) { host.addLayer(shape); });
  }

  function showSelection(code) {
    if (shown.selection) shown.map.removeLayer(shown.selection);
    shown.selection = null;
    var table = HD.tables.selection;
    if (!code || !table || !HD.townships[code]) return;
    shown.selection = townshipCopies([[code, "_", ""]], table)[0];
    shown.map.addLayer(shown.selection);
  }

  function frame(view) {
    if (view.bounds) shown.map.fitBounds(view.bounds);
    else if (view.center) shown.map.setView(view.center, view.zoom || shown.map.getZoom());
  }

  function applyState(state, previous) {
    var map = HD.map;
    if (shown.map !== map) {
      shown = { map: map, selection: null, highlight: [], highlightHost: null };
      previous = {};
    }
    if (state.industry !== previous.industry) showHighlight(state.industry);
    if (state.township !== previous.township) showSelection(state.township);
    if (shown.selection) shown.selection.bringToFront(); // above the highlight
    var view = JSON.stringify(state.view || null);
    if (state.view && view !== JSON.stringify(previous.view || null)) {
      frame(state.view);
    } else if (state.township !== previous.township) {
      var township = state.township && HD.townships[state.township];
      var home = HD.tables.view;
      if (township) map.fitBounds(township.getBounds(), { maxZoom: 14 });
      else if (home && previous.township) frame(home);
    }
  }

  if (HD.onState) HD.onState(applyState);

  /* Text labels that do not catch clicks: rows are [lat, lon, text]. */
  HD.labels = function (parent, rows, className) {
    rows.forEach(function (row) {
      var text = document.createElement("span");
      text.textContent = row[2];
      var icon = L.divIcon({ className: className, html: text, iconSize: null });
      parent.addLayer(L.marker([row[0], row[1]], { icon: icon, interactive: false, keyboard: false }));
    });
  };
})();
