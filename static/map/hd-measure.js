/* Measuring and the pointer's coordinates on the Hengdong viewer's map (issue 14).

   Loaded after Leaflet and hd-map.js; uses only HD.whenReady (the map contract) and Leaflet.
   Configuration comes from HD.tables.tools (sent with the map, layers/tools.py):
     {gcj02: bool (高德: the map shows GCJ-02), labels: {key: text}}.
   - Distance (km) and area (km², 亩), geodesic on the WGS84 ellipsoid (Vincenty inverse;
     area on the authalic sphere), measured on WGS84 positions (GCJ-02 is shifted back first).
   - The pointer's WGS84 coordinates; under 高德 also the displayed GCJ-02 ones, labelled.
   While a tool is active HD.tool is "measure", so a click adds a vertex instead of
   identifying (the component's click handler skips clicks while HD.tool is set). */
(function () {
  "use strict";
  var HD = (window.HD = window.HD || {});

  /* ---- geodesy --------------------------------------------------------------------- */
  var A = 6378137, F = 1 / 298.257223563, B = A * (1 - F);
  var AUTHALIC_R = 6371007.181; // m: the sphere with the WGS84 ellipsoid's area
  var MU_M2 = 10000 / 15; // 1 亩 = 666.67 m²
  var RAD = Math.PI / 180;

  /* Geodesic distance in metres between two WGS84 points {lat, lng} (Vincenty inverse). */
  HD.geodesicDistance = function (p, q) {
    var L = (q.lng - p.lng) * RAD;
    var U1 = Math.atan((1 - F) * Math.tan(p.lat * RAD));
    var U2 = Math.atan((1 - F) * Math.tan(q.lat * RAD));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = L, iterations = 0, sinS, cosS, sigma, cos2Alpha, cos2SigmaM, lambdaPrev;
    do {
      var sinL = Math.sin(lambda), cosL = Math.cos(lambda);
      sinS = Math.sqrt(Math.pow(cosU2 * sinL, 2) +
        Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
      if (sinS === 0) return 0;
      cosS = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
      sigma = Math.atan2(sinS, cosS);
      var sinAlpha = cosU1 * cosU2 * sinL / sinS;
      cos2Alpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cos2Alpha ? cosS - 2 * sinU1 * sinU2 / cos2Alpha : 0;
      var C = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
      lambdaPrev = lambda;
      lambda = L + (1 - C) * F * sinAlpha * (sigma + C * sinS *
        (cos2SigmaM + C * cosS * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    } while (Math.abs(lambda - lambdaPrev) > 1e-12 && ++iterations < 200);
    var u2 = cos2Alpha * (A * A - B * B) / (B * B);
    var bigA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
    var bigB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
    var deltaSigma = bigB * sinS * (cos2SigmaM + bigB / 4 * (cosS * (-1 + 2 * cos2SigmaM *
      cos2SigmaM) - bigB / 6 * cos2SigmaM * (-3 + 4 * sinS * sinS) *
      (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return B * bigA * (sigma - deltaSigma);
  };

  /* Area in m² of a ring of WGS84 points on the authalic sphere (Chamberlain & Duquette). */
  HD.geodesicArea = function (ring) {
    var total = 0;
    for (var i = 0; i < ring.length; i++) {
      var p = ring[i], q = ring[(i + 1) % ring.length];
      total += (q.lng - p.lng) * RAD * (2 + Math.sin(p.lat * RAD) + Math.sin(q.lat * RAD));
    }
    return Math.abs(total * AUTHALIC_R * AUTHALIC_R / 2);
  };

  /* ---- GCJ-02 (as geo/coords.py) ------------------------------------------------------ */
  var GCJ_A = 6378245.0, GCJ_EE = 0.00669342162296594323;

  function inChina(lng, lat) {
    return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
  }

  function gcjOffset(lng, lat) {
    if (!inChina(lng, lat)) return [0, 0];
    var x = lng - 105, y = lat - 35, sx = Math.sqrt(Math.abs(x)), PI = Math.PI;
    var ripple = 20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI);
    var dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sx + ripple * 2 / 3 +
      (20 * Math.sin(y * PI) + 40 * Math.sin(y / 3 * PI)) * 2 / 3 +
      (160 * Math.sin(y / 12 * PI) + 320 * Math.sin(y * PI / 30)) * 2 / 3;
    var dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sx + ripple * 2 / 3 +
      (20 * Math.sin(x * PI) + 40 * Math.sin(x / 3 * PI)) * 2 / 3 +
      (150 * Math.sin(x / 12 * PI) + 300 * Math.sin(x / 30 * PI)) * 2 / 3;
    var radLat = lat * RAD, magic = 1 - GCJ_EE * Math.pow(Math.sin(radLat), 2);
    var sqrtMagic = Math.sqrt(magic);
    dLat = dLat * 180 / ((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtMagic) * PI);
    dLng = dLng * 180 / (GCJ_A / sqrtMagic * Math.cos(radLat) * PI);
    return [dLng, dLat];
  }

  /* A displayed GCJ-02 point back in WGS84 (fixed-point iteration, as geo/coords.py). */
  HD.gcj02ToWgs84 = function (latlng) {
    var lng = latlng.lng, lat = latlng.lat;
    for (var i = 0; i < 30; i++) {
      var d = gcjOffset(lng, lat);
      var eLng = lng + d[0] - latlng.lng, eLat = lat + d[1] - latlng.lat;
      lng -= eLng;
      lat -= eLat;
      if (Math.abs(eLng) < 1e-10 && Math.abs(eLat) < 1e-10) break;
    }
    return L.latLng(lat, lng);
  };

  /* ---- the tools ------------------------------------------------------------------------ */
  function config() { return (HD.tables && HD.tables.tools) || {}; }

  function label(key) { return (config().labels || {})[key] || key; }

  /* A position on the map (basemap coordinates) in WGS84. */
  HD.toWgs84 = function (latlng) {
    return config().gcj02 ? HD.gcj02ToWgs84(latlng) : L.latLng(latlng.lat, latlng.lng);
  };

  function format(value, digits) {
    return value.toLocaleString("en-US", { minimumFractionDigits: digits,
      maximumFractionDigits: digits });
  }

  function lengthOf(points) {
    var metres = 0;
    for (var i = 1; i < points.length; i++) metres += HD.geodesicDistance(points[i - 1], points[i]);
    return metres;
  }

  function button(parent, key, className, onClick) {
    var link = L.DomUtil.create("a", "hd-measure-button " + className, parent);
    link.href = "#";
    link.setAttribute("role", "button");
    link.title = label(key + "_help");
    link.textContent = label(key);
    L.DomEvent.on(link, "click", function (event) {
      L.DomEvent.stop(event);
      onClick();
    });
    return link;
  }

  function addMeasure(map) {
    var mode = null, points = [], shapes = L.layerGroup().addTo(map), buttons = {};
    var control = L.control({ position: "topleft" });
    var result;

    function show() {
      var wgs = points.map(HD.toWgs84);
      result.hidden = !mode;
      result.removeAttribute("data-distance-m");
      result.removeAttribute("data-area-m2");
      if (!mode) return;
      if (points.length < (mode === "area" ? 3 : 2)) {
        result.textContent = label(mode === "area" ? "measure_area_start" : "measure_start");
        return;
      }
      if (mode === "distance") {
        var metres = lengthOf(wgs);
        result.setAttribute("data-distance-m", String(metres));
        result.textContent = label("measure_distance_result") + " " + format(metres / 1000, 3) +
          " km";
      } else {
        var m2 = HD.geodesicArea(wgs);
        result.setAttribute("data-area-m2", String(m2));
        result.textContent = label("measure_area_result") + " " + format(m2 / 1e6, 3) +
          " km² · " + format(m2 / MU_M2, 0) + " " + label("mu");
      }
    }

    function draw() {
      shapes.clearLayers();
      var style = { color: "#d50000", weight: 3, dashArray: "6 4", interactive: false,
        className: "hd-measure-shape" };
      if (mode === "area" && points.length >= 3) {
        shapes.addLayer(L.polygon(points, Object.assign({ fillOpacity: 0.15 }, style)));
      } else if (points.length >= 2) {
        shapes.addLayer(L.polyline(points, style));
      }
      points.forEach(function (point) {
        shapes.addLayer(L.circleMarker(point, { radius: 4, color: "#d50000", weight: 2,
          fillColor: "#fff", fillOpacity: 1, interactive: false,
          className: "hd-measure-vertex" }));
      });
      show();
    }

    function setMode(next) {
      mode = mode === next ? null : next; // the same button again ends measuring
      points = [];
      HD.tool = mode ? "measure" : null;
      Object.keys(buttons).forEach(function (key) {
        L.DomUtil[key === mode ? "addClass" : "removeClass"](buttons[key], "hd-active");
      });
      map.getContainer().style.cursor = mode ? "crosshair" : "";
      if (mode) map.doubleClickZoom.disable(); else map.doubleClickZoom.enable();
      draw();
    }

    control.onAdd = function () {
      var box = L.DomUtil.create("div", "leaflet-bar hd-measure");
      buttons.distance = button(box, "measure_distance", "hd-measure-distance",
        function () { setMode("distance"); });
      buttons.area = button(box, "measure_area", "hd-measure-area",
        function () { setMode("area"); });
      button(box, "measure_clear", "hd-measure-clear", function () { setMode(null); });
      result = L.DomUtil.create("div", "hd-measure-result", box);
      result.hidden = true;
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(map);

    map.on("click", function (event) {
      if (!mode) return;
      points.push(event.latlng);
      draw();
    });
  }

  function addCoordinates(map) {
    var control = L.control({ position: "bottomleft" });
    var box;
    control.onAdd = function () {
      box = L.DomUtil.create("div", "hd-coords");
      box.textContent = label("coords_hint");
      return box;
    };
    control.addTo(map);
    map.on("mousemove", function (event) {
      var wgs = HD.toWgs84(event.latlng);
      var text = "WGS84 " + format(wgs.lat, 5) + ", " + format(wgs.lng, 5);
      if (config().gcj02) {
        text = label("coords_gcj02") + " " + format(event.latlng.lat, 5) + ", " +
          format(event.latlng.lng, 5) + " · " + text;
      }
      box.textContent = text;
      box.setAttribute("data-lat", String(wgs.lat));
      box.setAttribute("data-lng", String(wgs.lng));
    });
  }

  HD.whenReady(function (map) {
    addMeasure(map);
    addCoordinates(map);
  });
})();
