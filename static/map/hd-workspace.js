/* The planner's workspace on the map (issue 14), through the map contract (HD.onState):
   - state `focus` (a search result, ui/search_box.py; basemap coordinates): fly to its point
     and mark it (the township of a township result is outlined by the selection already);
   - state `industry`: picking one switches the 乡镇产业 overlay on, or its highlight would
     stay hidden. */
(function () {
  "use strict";
  var HD = (window.HD = window.HD || {});
  var INDUSTRY_OVERLAY = "industry";
  var marker = null;
  // A result in another township also changes the state's township, which frames that township
  // (hd-map.js, animated ~0.25 s): the fly-to starts once that animation is over.
  var AFTER_TOWNSHIP_FRAME_MS = 350;

  function showFocus(map, focus, township) {
    if (marker) map.removeLayer(marker);
    marker = null;
    if (!focus) return;
    if (focus.lat !== undefined && focus.lat !== null) {
      marker = L.circleMarker([focus.lat, focus.lon], { radius: 11, color: "#d50000", weight: 3,
        fill: false, interactive: false, className: "hd-focus" });
      marker.bindTooltip(focus.label, { permanent: true, direction: "right", className: "hd-focus-label" });
      marker.addTo(map);
      // Centre it in the part of the map the layer control (top right) leaves free.
      var zoom = focus.zoom || map.getZoom();
      var control = map.getContainer().querySelector(".leaflet-control-layers");
      var covered = control ? control.offsetWidth + 10 : 0;
      var centre = map.unproject(map.project([focus.lat, focus.lon], zoom).add([covered / 2, 0]), zoom);
      var fly = function () { if (HD.map === map) map.flyTo(centre, zoom, { duration: 0.8 }); };
      if (township) setTimeout(fly, AFTER_TOWNSHIP_FRAME_MS); else fly();
    }
  }

  HD.onState(function (state, previous) {
    var map = HD.map;
    var focus = state.focus || null, before = previous.focus || null;
    var changed = (focus && focus.seq) !== (before && before.seq);
    if (changed || (focus && !(marker && map.hasLayer(marker)))) {
      showFocus(map, focus, state.township !== previous.township);
    }
    var overlay = HD.overlays[INDUSTRY_OVERLAY];
    if (state.industry && state.industry !== previous.industry && overlay && !map.hasLayer(overlay)) {
      map.addLayer(overlay);
    }
  });
})();
