/* The map component's frame (ui/map_frame/index.html, ui/map_view.py): speaks Streamlit's
   component protocol (version 1), loads the map resource (layers/resource.py) once per URL and
   passes the state Python sends on to the map's state handlers. The contract for map scripts
   (docs/map-engine.md, "Extending the map"):
     HD.map            the L.Map once created
     HD.whenReady(fn)  fn(map) once the map with all overlays exists (again for a new map)
     HD.onState(fn)    fn(state, previous) whenever the state changes (once after ready)
     HD.emit(event)    send {type: ..., ...} to Python (the component's value, with seq)
   Every event re-runs Python, so toggling an overlay sends nothing; Python asks when it needs
   to know (state overlays_ask, answered by {type: "overlays", ask, visible}).
   Every state is also posted to the page's other frames as {hdMapState} (the panel,
   hd-panel.js, follows it). */
(function () {
  "use strict";
  var HD = (window.HD = window.HD || {});
  var readyHandlers = [];
  var stateHandlers = [];
  var state = {};
  var stateText = "{}";
  var seq = 0;
  var current = null; // {url, height} of the map being shown or loaded
  var definitions = {}; // resource URL -> {meta, build} once its script has run

  HD.map = null;
  HD.tables = HD.tables || {};

  function send(type, data) {
    var message = Object.assign({ isStreamlitMessage: true, type: type }, data);
    window.parent.postMessage(message, "*");
  }

  HD.emit = function (event) {
    seq += 1;
    send("streamlit:setComponentValue", { value: Object.assign({}, event, { seq: seq }), dataType: "json" });
  };

  HD.whenReady = function (fn) {
    readyHandlers.push(fn);
    if (HD.map) fn(HD.map);
  };

  HD.onState = function (fn) {
    stateHandlers.push(fn);
    if (HD.map) fn(state, {});
  };

  function notifyState(previous) {
    stateHandlers.forEach(function (fn) { fn(state, previous); });
    tellSiblings();
  }

  /* The state goes to the page's other frames too (the panel, hd-panel.js, follows it): a
     click that re-runs only the map's fragment updates the panel without a page re-run. */
  function tellSiblings() {
    var frames = window.parent.frames;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i] !== window) frames[i].postMessage({ hdMapState: state }, location.origin);
    }
  }

  /* The overlays switched on in the layer control, when Python asks (state overlays_ask: a
     number while the print dialog waits, ui/print_dialog.py): one answer per ask, theme ids
     (HD.overlays) in the map's order. */
  var overlaysAnswered = null;
  HD.onState(function (next) {
    var ask = next.overlays_ask;
    if (ask === undefined || ask === null || ask === overlaysAnswered || !HD.map) return;
    overlaysAnswered = ask;
    var visible = Object.keys(HD.overlays).filter(function (id) {
      return HD.map.hasLayer(HD.overlays[id]);
    });
    HD.emit({ type: "overlays", ask: ask, visible: visible });
  });

  /* Called by the map resource's script: its description and the function that draws it. */
  HD.defineMap = function (meta, build) {
    var script = document.currentScript;
    definitions[script ? script.getAttribute("src") : ""] = { meta: meta, build: build };
  };

  function hasAsset(url) {
    return !!document.querySelector('script[src="' + url + '"], link[rel=stylesheet][href="' + url + '"]');
  }

  /* The browser files of the map, in order (scripts run in insertion order), then done(). */
  function loadAssets(urls, done) {
    var pending = 1;
    function finished() { if (--pending === 0) done(); }
    urls.forEach(function (url) {
      if (hasAsset(url)) return;
      if (/\.css(\?|$)/.test(url)) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = url;
        document.head.appendChild(link);
        return;
      }
      pending += 1;
      var script = document.createElement("script");
      script.src = url;
      script.async = false;
      script.onload = finished;
      script.onerror = function () { fail("cannot load " + url); };
      document.head.appendChild(script);
    });
    finished();
  }

  function fail(text) {
    var box = document.getElementById("hd-host");
    box.innerHTML = "";
    var note = document.createElement("div");
    note.className = "hd-map-error";
    note.textContent = text;
    box.appendChild(note);
    console.error("hd-map:", text);
  }

  /* Stop the keyboard focus Leaflet gives its container on mousedown from scrolling the page
     between mousedown and click (the click would land on another spot). */
  function focusWithoutScroll(container) {
    var focus = container.focus.bind(container);
    container.focus = function () { focus({ preventScroll: true }); };
  }

  /* properties.id (or the township code) of the interactive shapes under a click, topmost first. */
  function idsAt(event) {
    var byElement = new Map();
    HD.map.eachLayer(function (layer) {
      var properties = layer.feature && layer.feature.properties;
      var element = layer.getElement && layer.getElement();
      var id = properties && (properties.id || properties.code);
      if (element && id) byElement.set(element, String(id));
    });
    var point = event.originalEvent;
    var ids = [];
    document.elementsFromPoint(point.clientX, point.clientY).forEach(function (element) {
      var id = byElement.get(element);
      if (id && ids.indexOf(id) < 0) ids.push(id);
    });
    return ids;
  }

  function round(value) { return Math.round(value * 1e6) / 1e6; }

  /* The replaced map is taken off the page at once and removed once a zoom it may be running
     has ended: Leaflet 1.9 ends a zoom 250 ms later and throws if the map is gone by then
     (Leaflet issue #9575: a new language or basemap right after a township pick). */
  var ZOOM_END_MS = 250;
  function retire(map) {
    map.stop();
    setTimeout(function () { map.remove(); }, 2 * ZOOM_END_MS);
  }

  function show(url, definition, height) {
    if (HD.map) retire(HD.map);
    HD.map = null;
    HD.townships = {};
    HD.overlays = {};
    HD.tables = {};
    var meta = definition.meta;
    var style = document.getElementById("hd-map-style") || document.createElement("style");
    style.id = "hd-map-style";
    style.textContent = meta.css || "";
    document.head.appendChild(style);
    var box = document.getElementById("hd-host");
    box.innerHTML = "";
    box.style.height = height + "px";
    var div = document.createElement("div");
    div.className = "folium-map";
    div.id = meta.id;
    box.appendChild(div);
    var map = definition.build();
    focusWithoutScroll(map.getContainer());
    map.on("click", function (event) {
      if (HD.tool) return; // a map tool (hd-measure.js) is using the clicks
      HD.emit({ type: "click", lat: round(event.latlng.lat), lng: round(event.latlng.lng), ids: idsAt(event) });
    });
    HD.map = map;
    readyHandlers.forEach(function (fn) { fn(map); });
    notifyState({});
  }

  function load(url, height) {
    current = { url: url, height: height };
    function draw() {
      if (current.url !== url) return; // another map was asked for meanwhile
      var definition = definitions[url];
      if (!definition) return fail("the map resource " + url + " defined no map");
      loadAssets(definition.meta.assets || [], function () {
        if (current.url === url) show(url, definition, height);
      });
    }
    if (definitions[url]) return draw();
    var script = document.createElement("script");
    script.src = url;
    script.onload = draw;
    script.onerror = function () { if (current.url === url) fail("cannot load the map " + url); };
    document.head.appendChild(script);
  }

  function render(args) {
    var height = args.height || 640;
    send("streamlit:setFrameHeight", { height: height });
    var nextText = JSON.stringify(args.state || {});
    var previous = state;
    var changed = nextText !== stateText;
    state = JSON.parse(nextText);
    stateText = nextText;
    if (!current || current.url !== args.map) {
      load(args.map, height);
    } else if (changed && HD.map) {
      notifyState(previous);
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (data && data.type === "streamlit:render") render(data.args || {});
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
