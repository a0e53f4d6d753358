/* Drawing a site for the site check (选址初审, issue 15), on the map contract of
   docs/map-engine.md ("Extending the map"): uses only HD.whenReady, HD.onState, HD.emit and
   Leaflet with the vendored Geoman plugin (npm @geoman-io/leaflet-geoman-free).

   - Tools (top left): point, line, polygon, rectangle; edit and remove. One site at a time: a
     new drawing replaces the previous one.
   - While a tool is active, map clicks are not sent as {type: "click"} (they place vertices).
   - Every drawing, edit or removal sends {type: "draw", geojson: <geometry or null>, shape}
     in the basemap's coordinates (GCJ-02 under 高德; Python converts).
   - state.draw = {site: <GeoJSON geometry in basemap coordinates, absent when none>, lang}:
     the checked site (buffered lines included) is outlined (class hd-site); when it changes
     it is brought into view if it lies outside the view or is tiny in it. */
(function () {
  "use strict";
  var HD = (window.HD = window.HD || {});
  if (!window.L || !L.PM) {
    console.error("hd-draw: Leaflet-Geoman is not loaded");
    return;
  }
  L.PM.setOptIn(true); // only what is drawn here is editable, never the map's own layers

  /* A click that places a vertex is not a township pick: while a drawing tool is active (and
     just after it finishes) the map's click events are not sent to Python. */
  var quietUntil = 0;
  function busy() {
    var pm = HD.map && HD.map.pm;
    return Date.now() < quietUntil || !!(pm && (pm.globalDrawModeEnabled() ||
      pm.globalEditModeEnabled() || pm.globalRemovalModeEnabled()));
  }
  var emit = HD.emit;
  HD.emit = function (event) {
    if (event && event.type === "click" && busy()) return;
    emit(event);
  };

  var SITE_STYLE = { color: "#0d47a1", weight: 3, dashArray: "6 3", fillColor: "#42a5f5",
                     fillOpacity: 0.25, className: "hd-site", interactive: false };
  var drawn = null; // the layer the user drew on the current map
  var outline = null; // the checked site from Python
  var outlineText = "null";

  function geometryOf(layer) {
    return layer ? layer.toGeoJSON().geometry : null;
  }

  function send(layer, shape) {
    HD.emit({ type: "draw", geojson: geometryOf(layer), shape: shape || null });
  }

  function keep(map, layer, shape) {
    quietUntil = Date.now() + 500; // the click that finished the shape

    if (drawn && drawn !== layer) map.removeLayer(drawn);
    drawn = layer;
    layer.options.pmIgnore = false;
    L.PM.reInitLayer(layer);
    layer.on("pm:edit", function () { send(layer, shape); });
    send(layer, shape);
  }

  HD.whenReady(function (map) {
    drawn = null;
    outline = null;
    outlineText = "null";
    // opt-in mode: the map itself must opt in too (it was created without pmIgnore: false)
    if (!map.pm) map.pm = new L.PM.Map(map);
    map.pm.setGlobalOptions({ snappable: false, pmIgnore: false });
    map.pm.addControls({
      position: "topleft",
      drawMarker: true, drawPolyline: true, drawPolygon: true, drawRectangle: true,
      drawCircle: false, drawCircleMarker: false, drawText: false,
      editMode: true, dragMode: false, cutPolygon: false, removalMode: true, rotateMode: false,
    });
    map.on("pm:create", function (event) { keep(map, event.layer, event.shape); });
    map.on("pm:drawend pm:globaleditmodetoggled pm:globalremovalmodetoggled", function () {
      quietUntil = Date.now() + 500;
    });
    map.on("pm:remove", function (event) {
      if (event.layer === drawn) {
        drawn = null;
        send(null, null);
      }
    });
  });

  function showSite(map, site) {
    var text = JSON.stringify(site || null);
    if (text === outlineText) return;
    outlineText = text;
    if (outline) map.removeLayer(outline);
    outline = null;
    if (!site) return;
    outline = L.geoJSON(site, {
      style: function () { return SITE_STYLE; },
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, Object.assign({ radius: 7 }, SITE_STYLE));
      },
      pmIgnore: true, interactive: false,
    }).addTo(map);
    var bounds = outline.getBounds();
    var view = map.getBounds();
    var tiny = bounds.isValid() && (bounds.getNorth() - bounds.getSouth()) * 8 <
      (view.getNorth() - view.getSouth());
    if (bounds.isValid() && (tiny || !view.contains(bounds))) {
      map.fitBounds(bounds, { maxZoom: 14, padding: [90, 90] });
    }
  }

  HD.onState(function (state, previous) {
    var map = HD.map;
    var draw = (state && state.draw) || {};
    if (!map) return;
    if (draw.lang && draw.lang !== ((previous && previous.draw) || {}).lang) {
      map.pm.setLang(draw.lang === "en" ? "en" : "zh");
    }
    showSite(map, draw.site);
  });
})();
