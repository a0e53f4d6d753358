/* The panel component's frame (ui/panel_frame/index.html, ui/panel_view.py): shows the panel
   of a township and the facts of the features a click or a search named, from the facts
   resource (JSON, one per language and data version, fetched once per URL). What it shows is
   the latest state: its own arguments (a full run of the page) or the map's state, which the
   map frame (hd-host.js) passes to its sibling frames whenever Python sends it, so a township
   click that re-runs only the map's fragment updates the panel too. Streamlit sends the
   panel's unchanged arguments again after such a re-run: only changed arguments count. */
(function () {
  "use strict";
  var facts = {}; // resource URL -> parsed JSON, or a promise of it
  var url = null;
  var state = null;
  var shown = null;
  var argsText = null; // the last arguments: Streamlit sends them again on any re-run

  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }

  function load(resource) {
    if (!facts[resource]) {
      facts[resource] = fetch(resource).then(function (r) {
        if (!r.ok) throw new Error("cannot load " + resource);
        return r.json();
      });
    }
    return facts[resource];
  }

  /* A feature's entry in table (features or names): its own, or its kind's shared one
     ("redline:*", ui/panel_view.py SHARED_FACTS). */
  function entry(table, id) {
    return table[id] !== undefined ? table[id] : table[id.slice(0, id.indexOf(":") + 1) + "*"];
  }

  /* HTML of the features block: the most specific feature, the others there named. */
  function featuresHtml(data, ids) {
    var known = (ids || []).filter(function (id) { return entry(data.features, id); });
    if (!known.length) return "";
    var html = '<div class="hd-feature">' + entry(data.features, known[0]);
    if (known.length > 1) {
      var names = known.slice(1).map(function (id) { return entry(data.names, id); })
        .join(data.separator);
      var caption = document.createElement("p");
      caption.className = "hd-others";
      caption.textContent = data.others.replace("{names}", function () { return names; }); // text
      html += caption.outerHTML;
    }
    return html + "</div>";
  }

  function resize() {
    send("streamlit:setFrameHeight", { height: document.documentElement.scrollHeight });
  }

  function draw() {
    if (!url || !state) return;
    var resource = url, wanted = JSON.stringify(state);
    load(resource).then(function (data) {
      if (resource !== url || wanted !== JSON.stringify(state) || wanted + resource === shown) return;
      shown = wanted + resource;
      var township = state.township && data.townships[state.township];
      // The resource's HTML is built by the server from escaped values (ui/text.py).
      document.getElementById("hd-panel").innerHTML =
        featuresHtml(data, state.features) + (township || data.hint);
      resize();
    }).catch(function (error) {
      var box = document.getElementById("hd-panel");
      box.textContent = String(error);
      resize();
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "streamlit:render") {
      var args = data.args || {};
      var text = JSON.stringify([args.facts, args.state]);
      if (text === argsText) return; // the same arguments again: the map's state is newer
      argsText = text;
      url = args.facts;
      state = args.state || {};
      draw();
    } else if (data.hdMapState && event.origin === location.origin) {
      state = { township: data.hdMapState.township || null, features: data.hdMapState.features || [] };
      draw();
    }
  });
  window.addEventListener("resize", resize);
  send("streamlit:componentReady", { apiVersion: 1 });
})();
