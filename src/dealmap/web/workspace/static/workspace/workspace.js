// The deal workspace: power map, score sparkline, attitude history, level slider, person drawer.
// No inline scripts: data comes from <script type="application/json"> elements, and every piece of
// user text that reaches a chart tooltip goes through echarts.format.encodeHTML (labels are canvas text),
// and a name or title is isolated (iso) so that its writing direction cannot turn the text after it.
"use strict";
(function () {
  var GROUP_COLOURS = { supporter: "#2f9650", neutral: "#d8cf9a", opponent: "#b42318", unassessed: "#ffffff" };
  var EDGE_STYLES = {
    reports_to: { color: "#9fb3c8", type: "solid", width: 1.2, arrow: false },
    influences: { color: "#1d4ed8", type: "solid", width: 1.6, arrow: true },
    conflicts: { color: "#d92d20", type: [6, 4], width: 1.6, arrow: false },
    close: { color: "#7a5af8", type: [1, 4], width: 2.2, arrow: false, cap: "round" }
  };

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function enc(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return window.echarts ? echarts.format.encodeHTML(text) : text.replace(/[&<>"']/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }
  // FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: <bdi> for canvas labels and tooltip text.
  function iso(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return text ? "\u2068" + text + "\u2069" : text;
  }
  function listSeparator() { return (document.documentElement.lang || "").indexOf("en") === 0 ? ", " : "、"; }
  function signed(n) { return n > 0 ? "+" + n : String(n); }
  function clip(text, n) { return text.length > n ? text.slice(0, n - 1) + "…" : text; }

  // ---- Power map ------------------------------------------------------------------------------
  // The map draws #map-data (the deal as recorded) or, while the sandbox shows a result, that
  // result's #whatif-map-data, unless the user went back to the actual map.
  var mapSource = null;
  var preferActual = false;

  function mapDataElement() {
    var whatIf = document.getElementById("whatif-map-data");
    return whatIf && !preferActual ? whatIf : document.getElementById("map-data");
  }

  function syncWhatIfControls(showingWhatIf) {
    var banner = document.getElementById("map-whatif-banner");
    if (banner) banner.hidden = !showingWhatIf;
    document.querySelectorAll(".js-map-whatif").forEach(function (button) { button.hidden = showingWhatIf; });
  }

  function levelText(level, T) { return level === null ? T.unassessed : signed(level) + " " + T.levels[String(level)]; }

  // A name of more than 40 characters is cut on the map (the tooltip and the panel give it whole):
  // a 200-character name ran down the map as a column of text over the other layers.
  var LABEL_CHARS = 40;
  function nodeLabel(n, T) {
    var name = Array.from(String(n.name));
    var shown = name.length > LABEL_CHARS ? name.slice(0, LABEL_CHARS - 1).join("") + "…" : n.name;
    return (n.decisionMaker ? "★ " : "") + iso(shown) + (n.coach ? " ◆" + T.coach : "");
  }

  function mapTooltip(d, byId) {
    var T = d.text;
    return function (p) {
      if (p.dataType === "edge") {
        var s = byId[p.data.source] || {}, t = byId[p.data.target] || {};
        return enc(iso(s.name)) + " → " + enc(iso(t.name)) + "<br>" + enc(T.edges[p.data.kind] || p.data.kind);
      }
      var n = p.data, lines = [];
      lines.push("<strong>" + enc(iso(n.name)) + "</strong>" + (n.title ? " · " + enc(iso(n.title)) : ""));
      lines.push('<span class="tip-muted">' + enc(n.department) + " · " + enc(n.layer) + " · " + enc(n.role) + "</span>");
      if (n.level === null) {
        lines.push(enc(T.unassessed));
      } else {
        lines.push("<b>" + enc(signed(n.level) + " " + n.levelName) + "</b> — " + enc(n.means));
      }
      if (n.whatIf) {
        lines.push('<span class="tip-whatif">' + enc(T.whatIf + ": " + levelText(n.whatIf.from, T) + " → " +
          levelText(n.whatIf.to, T)) + "</span>");
      }
      if (n.evidence) {
        lines.push(enc(T.evidence) + " (" + enc(n.evidenceDate) + "): " + enc(iso(clip(n.evidence, 160))));
      } else if (n.evidenceDate) {
        lines.push(enc(T.assessedOn) + " " + enc(n.evidenceDate));
      }
      if (n.strategy) lines.push(enc(T.strategy) + ": " + enc(n.strategy));
      lines.push('<span class="tip-muted">' + enc(T.weight) + " " + enc(n.weight) + "</span>");
      return '<div class="map-tip">' + lines.join("<br>") + "</div>";
    };
  }

  // On a phone the layer names sit inside their band's top-left corner (the map gets the width
  // they took on the left). A department name wider than its column wraps to a second line on a
  // laptop, and on a phone is cut with an ellipsis (the tooltip of each person names their
  // department), instead of running into its neighbours'.
  function bandGraphics(chart, d, small) {
    if (!d.bands.length || !d.rows.length) return [];
    var top = d.rows[0].y0, bottom = d.rows[d.rows.length - 1].y1;
    var left = d.bands[0].x0, right = d.bands[d.bands.length - 1].x1;
    var px = function (x, y) { return chart.convertToPixel({ gridIndex: 0 }, [x, y]); };
    var out = [];
    d.rows.forEach(function (row, i) {
      var a = px(left - 0.3, row.y0 - 0.15), b = px(right + 0.3, row.y1 + 0.15);
      out.push({ type: "rect", z: -10, silent: true, shape: { x: a[0], y: a[1], width: b[0] - a[0], height: b[1] - a[1], r: 6 },
        style: { fill: i % 2 ? "#f8fafc" : "#f1f5f9" } });
      out.push(small
        ? { type: "text", z: -9, silent: true, x: a[0] + 6, y: a[1] + 4,
            style: { text: row.label, fill: "#7b8794", font: "600 10px sans-serif", verticalAlign: "top" } }
        : { type: "text", z: -9, silent: true, x: 8, y: (a[1] + b[1]) / 2,
            style: { text: row.label, fill: "#52606d", font: "600 12px sans-serif", verticalAlign: "middle" } });
    });
    d.bands.forEach(function (band, i) {
      var a = px(band.x0 - 0.05, top - 0.15), b = px(band.x1 + 0.05, bottom + 0.15);
      out.push({ type: "rect", z: -8, silent: true, shape: { x: a[0], y: a[1], width: b[0] - a[0], height: b[1] - a[1] },
        style: { fill: "rgba(0,0,0,0)", stroke: "#d9e2ec", lineDash: [3, 3] } });
      var width = Math.max(b[0] - a[0] - 2, 12);
      out.push({ type: "text", z: -7, silent: true, x: (a[0] + b[0]) / 2, y: a[1] - 6,
        style: { text: band.label, fill: "#334e68", font: (small || !wordsFit(band.label, width) ? "600 10px" : "600 12px") + " sans-serif",
          align: "center", verticalAlign: "bottom", width: width,
          // On a laptop a long name takes a second line ("User / department"); on a phone it is cut.
          overflow: small ? "truncate" : "break", lineHeight: small ? undefined : 14, ellipsis: "…" } });
    });
    return out;
  }

  var measure = document.createElement("canvas").getContext("2d");
  // Whether each word of a label fits the width at 12 px (else the label is drawn at 10 px).
  function wordsFit(label, width) {
    measure.font = "600 12px sans-serif";
    return String(label).split(/\s+/).every(function (w) { return measure.measureText(w).width <= width; });
  }
  // A node label's box: its own text's width when that fits between the neighbours (a wider box
  // than the text would overlap the next label and hide it); else the space between neighbours,
  // where a long name wraps (laptop) or is cut (phone).
  function labelWidth(text, unit, small) {
    measure.font = (small ? 10 : 12) + "px sans-serif";
    // Some slack: the canvas's sans-serif is not always the face the chart draws CJK with.
    var whole = Math.ceil(measure.measureText(text).width * 1.3) + 16;
    var room = Math.max(small ? 52 : 60, Math.floor(unit * (small ? 0.98 : 0.96)));
    return Math.min(whole, room);
  }

  function rowLabelWidth(d) {
    measure.font = "600 12px sans-serif";
    return Math.ceil(Math.max.apply(null, d.rows.map(function (r) { return measure.measureText(r.label).width; }).concat([30])));
  }

  // Kinds of line the user hid through the legend; kept when the map is redrawn after a save.
  var hiddenKinds = {};
  function syncEdgeToggles() {
    document.querySelectorAll(".js-edge-kind").forEach(function (button) {
      button.setAttribute("aria-pressed", hiddenKinds[button.getAttribute("data-kind")] ? "false" : "true");
    });
  }

  function renderMap(force) {
    var el = document.getElementById("power-map"), src = mapDataElement();
    if (!el || !src || !window.echarts) return;
    var showingWhatIf = src.id === "whatif-map-data";
    syncWhatIfControls(showingWhatIf);
    if (!force && src.id + src.textContent === mapSource && echarts.getInstanceByDom(el)) return;
    mapSource = src.id + src.textContent;
    el.setAttribute("data-map-state", showingWhatIf ? "whatif" : "actual");
    var d = JSON.parse(src.textContent), T = d.text;
    var byId = {};
    d.nodes.forEach(function (n) { byId[n.id] = n; });
    var groupIndex = {};
    d.groups.forEach(function (g, i) { groupIndex[g.code] = i; });
    var width = d.bands.length ? d.bands[d.bands.length - 1].x1 : 1;
    var height = d.rows.length ? d.rows[d.rows.length - 1].y1 : 1;
    var small = el.clientWidth < 560;
    var shrink = Math.max(0.55, Math.min(1, el.clientWidth / 760));
    // A big buying group gets a taller map, quieter edges (hover a person to see theirs) and labels
    // only where they fit.
    var dense = d.nodes.length > 60;
    el.style.height = Math.min(1400, Math.max(small ? 400 : 440, 90 + height * (small ? 44 : 56))) + "px";
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "canvas" });
    chart.resize();
    el.setAttribute("data-node-count", String(d.nodes.length));
    var gridLeft = small ? 10 : rowLabelWidth(d) + 22, gridRight = small ? 8 : 16, gridTop = small ? 40 : 44;
    // Neighbours in a department cell sit one unit apart: no circle may be wider than a unit in
    // pixels, or a crowded cell's people overlap (40 people: circles of 30-40 px, 24 px apart).
    var unit = Math.min((el.clientWidth - gridLeft - gridRight) / (width + 0.8),
      (el.clientHeight - gridTop - 44) / (height + 0.5));
    var widest = Math.max(8, Math.floor(unit * 0.92));
    chart.setOption({
      animation: false,
      tooltip: { trigger: "item", confine: true, formatter: mapTooltip(d, byId), className: "map-tooltip",
        extraCssText: "max-width:320px;white-space:normal;" },
      legend: { data: d.groups.map(function (g) { return g.label; }), bottom: 0, itemWidth: 12, itemHeight: 12,
        textStyle: { fontSize: 12 } },
      grid: { left: gridLeft, right: gridRight, top: gridTop, bottom: 44 },
      xAxis: { type: "value", min: -0.4, max: width + 0.4, show: false },
      yAxis: { type: "value", min: -0.3, max: height + 0.2, inverse: true, show: false },
      series: [{
        type: "graph", coordinateSystem: "cartesian2d", roam: false,
        categories: d.groups.map(function (g) {
          return { name: g.label, itemStyle: { color: GROUP_COLOURS[g.code],
            borderColor: g.code === "unassessed" ? "#98a2b3" : GROUP_COLOURS[g.code], borderWidth: 1.5 } };
        }),
        data: d.nodes.map(function (n) {
          return Object.assign({}, n, { value: [n.x, n.y], category: groupIndex[n.category],
            symbolSize: Math.min(widest, Math.round(n.symbolSize * shrink)),
            label: { width: labelWidth(nodeLabel(n, T), unit, small) } });
        }),
        links: d.links.filter(function (l) { return !hiddenKinds[l.kind]; }).map(function (l) {
          var s = EDGE_STYLES[l.kind] || EDGE_STYLES.reports_to;
          return { source: l.source, target: l.target, kind: l.kind,
            symbol: s.arrow ? ["none", "arrow"] : ["none", "none"], symbolSize: 9,
            lineStyle: { color: s.color, type: s.type, width: s.width * (l.strength ? 0.7 + 0.3 * l.strength : 1),
              cap: s.cap || "butt", curveness: l.kind === "reports_to" ? 0 : 0.18,
              opacity: dense ? (l.kind === "reports_to" ? 0.06 : 0.16) : 0.9 } };
        }),
        // A label is no wider than the space between neighbours and wraps instead: a long name
        // ("Christopher Alexander Wellington-Smythe") ran past its lane and hid its neighbour's.
        label: { show: true, position: "bottom", distance: 3, fontSize: small ? 10 : 12, color: "#1f2933",
          // On a phone a lane is too narrow to wrap into: the name is cut with "…" (the tooltip
          // and the panel give it whole). Each node's width: see labelWidth.
          overflow: small ? "truncate" : "break", ellipsis: "…", lineHeight: small ? 12 : 14,
          formatter: function (p) { return nodeLabel(p.data, T); } },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", lineStyle: { width: 3 } },
        z: 3
      }]
    }, true);
    chart.setOption({ graphic: { elements: bandGraphics(chart, d, small) } });
    chart.off("click");
    chart.on("click", function (p) { if (p.dataType === "node") openPerson(p.data.id); });
    chart.off("legendselectchanged");
  }

  // ---- Score sparkline ------------------------------------------------------------------------
  function renderTrend() {
    var el = document.getElementById("trend-chart"), points = readJSON("trend-data");
    if (!el || !points || !window.echarts) return;
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: "category", show: false, data: points.map(function (p) { return p.date; }) },
      yAxis: { type: "value", show: false, min: 0, max: 100 },
      tooltip: { trigger: "axis", formatter: function (ps) { return enc(ps[0].name) + ": " + enc(ps[0].value); } },
      series: [{ type: "line", data: points.map(function (p) { return p.score; }), symbol: "circle", symbolSize: 4,
        lineStyle: { width: 2, color: "#1d4ed8" }, itemStyle: { color: "#1d4ed8" }, areaStyle: { color: "rgba(29,78,216,0.08)" } }]
    }, true);
  }

  // ---- Attitude history (person panel) ---------------------------------------------------------
  function renderHistory() {
    var el = document.getElementById("history-chart"), points = readJSON("history-data");
    if (!el || !points || !window.echarts) return;
    var old = echarts.getInstanceByDom(el);
    if (old) old.dispose();
    var levels = readJSON("levels-data") || [];
    var colour = {};
    levels.forEach(function (l) { colour[l.level] = l.colour; });
    // At least 90 days up to the day shown, so one or two points do not stretch over hours.
    var day = 24 * 3600 * 1000;
    var end = Date.parse(el.getAttribute("data-as-of") || points[points.length - 1].date) + 3 * day;
    var start = Math.min(Date.parse(points[0].date) - 5 * day, end - 93 * day);
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      grid: { left: 34, right: 14, top: 12, bottom: 26 },
      // Month and day within a year; over a longer span the year too (else every label reads "01-01").
      xAxis: { type: "time", min: start, max: end,
        axisLabel: { fontSize: 10, hideOverlap: true,
          // In English "1 Aug": "08-01" reads as 8 January to many English readers.
          formatter: end - start > 366 * day ? "{yyyy}-{MM}"
            : (document.documentElement.lang === "en" ? "{d} {MMM}" : "{MM}-{dd}") } },
      yAxis: { type: "value", min: -4, max: 4, interval: 2, axisLabel: { fontSize: 10, formatter: function (v) { return signed(v); } } },
      tooltip: { trigger: "item", confine: true, extraCssText: "max-width:280px;white-space:normal;",
        formatter: function (p) {
          var a = p.data.info, out = enc(a.date) + " · <b>" + enc(signed(a.level) + " " + a.name) + "</b>";
          if (a.evidence) out += "<br>" + enc(iso(clip(a.evidence, 200)));
          if (a.signals.length) out += "<br><span class=\"tip-muted\">" + enc(a.signals.join(listSeparator())) + "</span>";
          return out;
        } },
      series: [{ type: "line", symbol: "circle", symbolSize: 9,
        markLine: { silent: true, symbol: "none", lineStyle: { color: "#cbd2d9", type: "dashed" }, label: { show: false },
          data: [{ yAxis: 2 }, { yAxis: -2 }] },
        lineStyle: { color: "#9aa5b1", width: 1.5 },
        data: points.map(function (a) {
          return { value: [a.date, a.level], info: a, itemStyle: { color: colour[a.level] || "#9aa5b1", borderColor: "#fff" } };
        }) }]
    });
  }

  // ---- Level slider ----------------------------------------------------------------------------
  function bindLevel() {
    var range = document.getElementById("level-range"), levels = readJSON("levels-data");
    if (!range || !levels || range.dataset.bound) return;
    range.dataset.bound = "1";
    var update = function () {
      var value = parseInt(range.value, 10), lv = null;
      levels.forEach(function (l) { if (l.level === value) lv = l; });
      if (!lv) return;
      document.getElementById("level-signed").textContent = lv.signed;
      range.setAttribute("aria-valuetext", lv.signed + " " + lv.name);
      document.getElementById("level-name").textContent = lv.name;
      document.getElementById("level-means").textContent = lv.means;
      var words = document.getElementById("level-words");
      words.textContent = "";
      lv.words.forEach(function (w) { var li = document.createElement("li"); li.textContent = w; words.appendChild(li); });
      range.closest(".level-control").setAttribute("data-level", String(value));
    };
    range.addEventListener("input", update);
    update();
  }

  // ---- What-if selects: the nine levels, filled in here rather than sent 9 times per person --------
  function fillLevelOptions() {
    var levels = readJSON("levels-data");
    if (!levels) return;
    var template = document.createDocumentFragment();
    levels.slice().reverse().forEach(function (l) {
      var option = document.createElement("option");
      option.value = String(l.level);
      option.textContent = l.signed + " " + l.name;
      template.appendChild(option);
    });
    document.querySelectorAll("select.js-level-options:not([data-filled])").forEach(function (select) {
      select.appendChild(template.cloneNode(true));
      select.setAttribute("data-filled", "1");
    });
  }

  // ---- Person drawer ---------------------------------------------------------------------------
  function workspace() { return document.getElementById("workspace"); }

  function openPerson(key, level) {
    var ws = workspace();
    if (!ws || !window.htmx) return;
    var url = ws.getAttribute("data-person-url").replace("__KEY__", encodeURIComponent(key).replace(/%2F/g, "/"));
    var params = [];
    if (ws.getAttribute("data-as-of")) params.push("as_of=" + encodeURIComponent(ws.getAttribute("data-as-of")));
    if (level !== undefined && level !== null && level !== "") params.push("level=" + encodeURIComponent(level));
    if (params.length) url += "?" + params.join("&");
    htmx.ajax("GET", url, { target: "#drawer", swap: "innerHTML" });
  }

  // The drawer is a modal dialog: while open, Tab stays inside it; closed, it is inert (Tab skips
  // its off-screen links) and focus goes back to what opened it.
  var drawerOpener = null;

  function showDrawer(open) {
    var drawer = document.getElementById("drawer"), backdrop = document.getElementById("drawer-backdrop");
    if (!drawer || !backdrop) return;
    var wasOpen = drawer.classList.contains("open");
    if (open && !wasOpen) {
      var active = document.activeElement;
      drawerOpener = active && active !== document.body && !drawer.contains(active) ? active : null;
    }
    drawer.classList.toggle("open", open);
    drawer.setAttribute("aria-hidden", open ? "false" : "true");
    drawer.inert = !open;
    backdrop.hidden = !open;
    document.body.classList.toggle("drawer-open", open);
    if (open && !drawer.contains(document.activeElement)) drawer.focus({ preventScroll: true });
    if (!open && wasOpen) {
      if (drawerOpener && drawerOpener.isConnected) drawerOpener.focus({ preventScroll: true });
      drawerOpener = null;
    }
  }

  // Closing the drawer with something typed and not saved asks first (Escape, ×, the backdrop).
  function closeDrawer() {
    var drawer = document.getElementById("drawer");
    if (!drawer || !drawer.classList.contains("open")) return;
    var typed = drawer.querySelector("form[data-dirty], form .error");  // typed, or refused and shown again
    if (typed && !window.confirm(drawer.getAttribute("data-discard-text") || "")) return;
    showDrawer(false);
  }

  function tabbable(root) {
    var selector = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), " +
      "select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
    return Array.prototype.filter.call(root.querySelectorAll(selector), function (el) {
      return el.getClientRects().length > 0 && !el.closest("fieldset[disabled]");
    });
  }

  function keepTabInDrawer(event) {
    var drawer = document.getElementById("drawer");
    if (!drawer || !drawer.classList.contains("open") || !document.getElementById("drawer-backdrop")) return;
    var items = tabbable(drawer), active = document.activeElement;
    if (!items.length) { event.preventDefault(); drawer.focus(); return; }
    var first = items[0], last = items[items.length - 1];
    if (!drawer.contains(active)) { event.preventDefault(); first.focus(); return; }
    if (event.shiftKey && (active === first || active === drawer)) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && active === last) { event.preventDefault(); first.focus(); }
  }

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("#drawer form");
    if (form) form.setAttribute("data-dirty", "1");
  });

  // An interaction typed but not logged survives the panel being redrawn by another form (record
  // an assessment after "Fill in the assessment"): its values are carried into the new panel's
  // form, which stays open and says it is not logged yet. Its own submission is not carried.
  var carriedVisit = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    carriedVisit = null;
    if (!event.detail.target || event.detail.target.id !== "drawer") return;
    var form = document.querySelector("#interaction-box form[data-dirty]");
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!form || (source && form.contains(source)) || source === form) return;
    var values = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { values.push([el.name, o.value]); });
        return;
      }
      values.push([el.name, el.value]);
    });
    carriedVisit = values;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (!carriedVisit || !event.detail.target || event.detail.target.id !== "drawer") return;
    var values = carriedVisit;
    carriedVisit = null;
    var form = document.querySelector("#interaction-box form");
    if (!form) return;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken") return;
      var mine = values.filter(function (v) { return v[0] === el.name; }).map(function (v) { return v[1]; });
      if (el.type === "checkbox" || el.type === "radio") el.checked = mine.indexOf(el.value) >= 0;
      else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = mine.indexOf(o.value) >= 0; });
      } else if (mine.length) el.value = mine[0];
    });
    form.setAttribute("data-dirty", "1");
    var details = form.closest("details");
    if (details) details.open = true;
    var note = form.querySelector(".unsaved-visit");
    if (note) note.hidden = false;
  });

  // Leaving the page (Back, reload, a link) with something typed in the panel and not saved asks
  // first, as closing the panel does. A saved form is swapped out, taking its mark with it.
  window.addEventListener("beforeunload", function (event) {
    var drawer = document.getElementById("drawer");
    if (!drawer || !drawer.querySelector("form[data-dirty]")) return;
    if (drawer.classList.contains("drawer") && !drawer.classList.contains("open")) return;
    event.preventDefault();
    event.returnValue = "";
  });

  document.addEventListener("click", function (event) {
    var closer = event.target.closest(".js-close-drawer, #drawer-backdrop");
    if (closer) {
      if (!document.getElementById("drawer-backdrop")) { history.back(); return; }
      closeDrawer();
      return;
    }
    var opener = event.target.closest(".js-person");
    if (opener && !event.target.closest("a")) {
      openPerson(opener.getAttribute("data-key"), opener.getAttribute("data-level"));
    }
    if (event.target.closest(".js-whatif-reset")) {
      var stale = document.getElementById("whatif-map-data");
      if (stale) stale.remove();  // the actual map at once, before the emptied sandbox's answer
      renderMap(false);
      setTimeout(function () { htmx.trigger("#whatif-form", "change"); }, 0);
    }
    var toggle = event.target.closest(".js-edge-kind");
    if (toggle) {
      var kind = toggle.getAttribute("data-kind");
      hiddenKinds[kind] = !hiddenKinds[kind];
      syncEdgeToggles();
      renderMap(true);
    }
    if (event.target.closest(".js-map-actual, .js-map-whatif")) {
      preferActual = !!event.target.closest(".js-map-actual");
      renderMap(false);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeDrawer();
    if (event.key === "Tab") keepTabInDrawer(event);
  });
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.id === "as-of-input" && el.value) el.form.requestSubmit();
    if (el.classList.contains("js-autosubmit")) el.form.requestSubmit();
  });

  // Validation errors (422) and edit conflicts (409) come back as fragments to show, not as failures.
  function configureHtmx() {
    if (!window.htmx) return;
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "409", swap: true, error: false },
      { code: "422", swap: true, error: false },
      { code: "[45]..", swap: false, error: true }
    ];
  }

  function refresh() {
    syncEdgeToggles();
    renderMap(false);
    renderTrend();
    renderHistory();
    bindLevel();
    fillLevelOptions();
  }

  // A failed request (server error, lost connection) says so instead of silently doing nothing.
  function toast(text) {
    var box = document.getElementById("ws-toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "ws-toast";
      box.className = "toast";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    box.textContent = text;
    box.hidden = false;
    clearTimeout(box._timer);
    box._timer = setTimeout(function () { box.hidden = true; }, 5000);
  }
  ["htmx:responseError", "htmx:sendError"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var holder = document.querySelector("[data-error-text]");
      var xhr = event.detail && event.detail.xhr;
      // 404 from the panel: the person left the deal (or it went) in another tab; retrying
      // cannot help, reloading shows what is there now.
      if (xhr && xhr.status === 404 && holder && holder.getAttribute("data-gone-text")) {
        toast(holder.getAttribute("data-gone-text"));
        return;
      }
      toast(holder ? holder.getAttribute("data-error-text") : "Error");
    });
  });

  // After a form in the person panel is sent, what came of it is shown where the eye is: the
  // first field with an error (scrolled to and focused), else the "saved" line at the panel's
  // top. The panel is replaced whole, and its scroll position stayed at the form's bottom.
  function revealOutcome(panel) {
    var error = panel.querySelector("form .error");
    if (error) {
      var row = error.closest(".form-row") || error;
      var field = row.querySelector("input:not([type=hidden]), select, textarea");
      row.scrollIntoView({ block: "center" });
      if (field) field.focus({ preventScroll: true });
      return;
    }
    var saved = panel.querySelector(".saved");
    if (saved) saved.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var sent = event.detail && event.detail.requestConfig && event.detail.requestConfig.verb === "post";
    if (event.detail && event.detail.target && event.detail.target.id === "drawer" && workspace()) showDrawer(true);
    if (sent && event.detail.target && event.detail.target.id === "drawer") revealOutcome(event.detail.target);
    if (event.detail && event.detail.target && event.detail.target.id === "whatif-result") preferActual = false;
    refresh();
  });

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      ["power-map", "trend-chart", "history-chart"].forEach(function (id) {
        var el = document.getElementById(id), chart = el && window.echarts && echarts.getInstanceByDom(el);
        if (chart) chart.resize();
      });
      renderMap(true);
    }, 150);
  });

  function start() {
    configureHtmx();
    refresh();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
