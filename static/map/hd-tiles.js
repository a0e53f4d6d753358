/* Tiled polygon layers (geo/web_tiles.py): a Leaflet GridLayer that fetches each tile's JSON and
   draws its polygons as ordinary Leaflet paths (SVG: same classes, tooltips and click ids as the
   other overlays). A polygon listed by several tiles of a zoom is drawn once; the tiles of the
   previous zoom keep theirs until Leaflet unloads them. Loaded after hd-map.js. */
(function () {
  "use strict";
  var HD = (window.HD = window.HD || {});
  HD.tileLayers = []; // every tiled layer of the current map; .hdLoaded once its tiles are in

  function ring(text, scale) {
    return HD.decodeLine(text, scale).map(function (p) { return [p[1], p[0]]; });
  }

  /* [index, ring, ...] (Polygon) or [index, [ring, ...], ...] (MultiPolygon) -> Leaflet latlngs */
  function latlngs(entry, scale) {
    var parts = entry.slice(1);
    if (typeof parts[0] === "string") return parts.map(function (r) { return ring(r, scale); });
    return parts.map(function (polygon) {
      return polygon.map(function (r) { return ring(r, scale); });
    });
  }

  var VectorTiles = L.GridLayer.extend({
    initialize: function (opts) {
      L.GridLayer.prototype.initialize.call(this, {
        minNativeZoom: opts.minZoom, maxNativeZoom: opts.fullZoom,
        bounds: L.latLngBounds(opts.bounds).pad(0.05), updateWhenZooming: false,
        keepBuffer: 1, attribution: opts.attribution || null
      });
      this.hd = opts;
      this.hdShapes = {}; // "zoom:index" -> {shape, uses}
      this.hdLoaded = false;
      this.on("loading", function () { this.hdLoaded = false; });
      this.on("load", function () { this.hdLoaded = true; });
      this.on("tileunload", function (event) { this.hdRelease(event.tile); });
    },
    onAdd: function (map) {
      this.hdGroup = L.layerGroup().addTo(map);
      L.GridLayer.prototype.onAdd.call(this, map);
    },
    onRemove: function (map) {
      L.GridLayer.prototype.onRemove.call(this, map);
      map.removeLayer(this.hdGroup);
      this.hdShapes = {};
    },
    createTile: function (coords, done) {
      var tile = document.createElement("div"), layer = this;
      tile.hdKeys = [];
      var url = L.Util.template(this.hd.url, { z: coords.z, x: coords.x, y: coords.y });
      fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      }).then(function (data) {
        data.features.forEach(function (entry) { layer.hdUse(tile, coords.z, entry, data.scale); });
        done(null, tile);
      }).catch(function (error) { done(error, tile); });
      return tile;
    },
    hdUse: function (tile, zoom, entry, scale) {
      var key = zoom + ":" + entry[0], known = this.hdShapes[key], opts = this.hd;
      tile.hdKeys.push(key);
      if (known) { known.uses++; return; }
      var shape = L.polygon(latlngs(entry, scale), HD.style(opts, {}));
      // like a GeoJSON feature: properties.id names it for identify (layers/identify.py)
      shape.feature = { type: "Feature", properties: { id: opts.idPrefix + entry[0] }, geometry: null };
      HD.tooltip(shape, opts.tip);
      this.hdShapes[key] = { shape: shape, uses: 1 };
      this.hdGroup.addLayer(shape);
    },
    hdRelease: function (tile) {
      var shapes = this.hdShapes, group = this.hdGroup;
      (tile.hdKeys || []).forEach(function (key) {
        var known = shapes[key];
        if (!known || --known.uses > 0) return;
        group.removeLayer(known.shape);
        delete shapes[key];
      });
      tile.hdKeys = [];
    }
  });

  /* The tiled layer in `parent` (a theme's overlay group): shown and hidden with it. */
  HD.vectorTiles = function (parent, opts) {
    var layer = new VectorTiles(opts);
    HD.tileLayers.push(layer);
    parent.addLayer(layer);
    return layer;
  };
})();
