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

  function showFocus(map, focus) {
    if (marker) map.removeLayer(marker);
    marker = null;
    if (!focus) return;
    if (focus.lat !== undefined && focus.lat !== null) {
      marker = L.circleMarker([focus.lat, focus.lon], { radius: 11, color: "#d50000", weight: 3,
        fill: false, interactive: false, className: "hd-focus" });
      marker.bindTooltip(focus.label, { permanent: true, direction: "right", className: "hd-focus-label" });
      marker.addTo(map);
      map.flyTo([focus.lat, focus.lon], focus.zoom || map.getZoom(), { duration: 0.8 });
    }
  }

  HD.onState(function (state, previous) {
    var map = HD.map;
    var focus = state.focus || null, before = previous.focus || null;
    var changed = (focus && focus.seq) !== (before && before.seq);
    if (changed || (focus && !(marker && map.hasLayer(marker)))) showFocus(map, focus);
    var overlay = HD.overlays[INDUSTRY_OVERLAY];
    if (state.industry && state.industry !== previous.industry && overlay && !map.hasLayer(overlay)) {
      map.addLayer(overlay);
    }
  });
})();
