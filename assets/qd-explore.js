/* Explorations on the static book: controls → model → plot, in the reader's browser.
 *
 * Generic: nothing here knows any physics. Each exploration's HTML block (made by
 * qdbook.explore._browser at build time) carries native controls, the figure
 * description (JSON, the same one Matplotlib draws for the default image) and
 * its model, either
 *   - "formula": a function generated from the book's registered sympy forms, or
 *   - "table":   the Python model's results on a grid of all controls (numbers),
 *                looked up at the nearest grid point (the page says when it is not
 *                on one).
 * Plots are drawn on uPlot (assets/vendor/uplot): uPlot gives the axes, ticks, log
 * scales and the canvas; the items of the description are drawn on that canvas with
 * uPlot's value-to-pixel transforms. No request leaves the page; works from file://.
 */
(function () {
  "use strict";
  var registry = {};
  var timings = [];

  // ---------------------------------------------------------------- formatting (Python subset)
  function fmt(value, spec) {
    if (typeof value === "string") return value;
    if (value === null || value === undefined) return "–";
    if (typeof value !== "number") value = Number(value);
    if (!spec) return String(value);
    var m = /^(\+)?(?:\.(\d+))?([fegd%])?$/.exec(spec);
    if (!m) return String(value);
    if (!isFinite(value)) return spec ? "–" : String(value);
    var plus = m[1], prec = m[2] === undefined ? 6 : Number(m[2]), type = m[3] || "g";
    var out;
    if (type === "f") out = value.toFixed(prec);
    else if (type === "%") out = (value * 100).toFixed(prec) + "%";
    else if (type === "d") out = Math.round(value).toFixed(0);
    else if (type === "e") out = expo(value.toExponential(prec));
    else {
      var p = prec === 0 ? 1 : prec;
      if (value === 0) out = "0";
      else {
        var e = Number(value.toExponential(p - 1).split("e")[1]);
        if (e >= -4 && e < p) out = strip(value.toFixed(Math.max(0, p - 1 - e)));
        else {
          var parts = value.toExponential(p - 1).split("e");
          out = expo(strip(parts[0]) + "e" + parts[1]);
        }
      }
    }
    if (plus && value >= 0) out = "+" + out;
    return out;
  }
  function strip(s) { return s.indexOf(".") < 0 ? s : s.replace(/0+$/, "").replace(/\.$/, ""); }
  function expo(s) {  // JS "1.5e+5" → Python "1.5e+05"
    return s.replace(/e([+-])(\d)$/, function (_, sign, d) { return "e" + sign + "0" + d; });
  }
  function render(template, flat) {
    return (template || "").replace(/\{([^{}:*]+)(?:\*([-+.0-9eE]+))?(?::([^{}]*))?\}/g, function (_, key, factor, spec) {
      var ix = /^(.+)\[(\d+)\]$/.exec(key), v = ix ? flat[ix[1]][Number(ix[2])] : flat[key];
      if (v && typeof v === "object" && v.length !== undefined) v = v[0];  // not strings
      if (factor && typeof v === "number") v = v * Number(factor);
      return fmt(v, spec);
    });
  }

  // ---------------------------------------------------------------- models
  function decode(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Float32Array(bytes.buffer);
  }
  function nearest(grid, v) {
    var best = 0, d = Infinity;
    for (var i = 0; i < grid.length; i++) {
      var di = Math.abs(grid[i] - v);
      if (di < d) { d = di; best = i; }
    }
    return best;
  }
  function tableModel(spec) {
    var t = spec.table, names = spec.controls.map(function (c) { return c.name; });
    Object.keys(t.keys).forEach(function (k) {
      var e = t.keys[k];
      if (e.b64 !== undefined) e.data = decode(e.b64);
    });
    return function (values) {
      var idx = {}, off = false, shown = {};
      names.forEach(function (n, j) {
        var grid = t.grid[n], v = values[n];
        var i = typeof grid[0] === "number" ? nearest(grid, v) : grid.indexOf(v);
        if (i < 0) i = 0;
        idx[n] = i;
        shown[n] = grid[i];
        if (typeof v === "number" ? Math.abs(grid[i] - v) > t.rtol * Math.max(1, Math.abs(v)) : grid[i] !== v) off = true;
      });
      var flat = {};
      Object.keys(t.keys).forEach(function (k) {
        var e = t.keys[k], pos = 0;
        e.dims.forEach(function (n) { pos = pos * t.grid[n].length + idx[n]; });
        if (e.str) { flat[k] = e.str[pos]; return; }
        var size = e.size, part = e.data.subarray(pos * size, (pos + 1) * size);
        flat[k] = e.scalar ? part[0] : Array.prototype.slice.call(part);
      });
      return { flat: flat, offGrid: off, shown: shown };
    };
  }
  // the generated function's result, with the keys that no control changes (spec.constants)
  function formulaModel(spec, fn) {
    return function (values) {
      var out = fn(values, spec.grids || {}, qdMath), flat = {};
      Object.keys(spec.constants || {}).forEach(function (k) { flat[k] = spec.constants[k]; });
      Object.keys(out).forEach(function (k) {
        var v = out[k];
        flat[k] = typeof v === "number" || typeof v === "string" ? v : Array.prototype.slice.call(v);
      });
      return { flat: flat, offGrid: false };
    };
  }
  var qdMath = {
    factorial: function (n) { var f = 1; for (var k = 2; k <= n; k++) f *= k; return f; },
  };

  // ---------------------------------------------------------------- controls
  function controlValue(c, el) {
    if (c.kind === "select") return c.options[el.selectedIndex].value;
    if (c.kind === "index") return c.values[Math.round(Number(el.value))];
    // until the reader moves it, a slider holds the exploration's default (which the
    // native input may have rounded to its step)
    if (!el.qdTouched && c.default !== undefined) return c.default;
    var x = Number(el.value);
    if (c.kind === "log") return Math.pow(c.base, x);
    return x;
  }

  // ---------------------------------------------------------------- drawing
  var px = function () { return (window.uPlot && uPlot.pxRatio) || window.devicePixelRatio || 1; };
  function finite(a) { return a.filter(function (v) { return v !== null && isFinite(v); }); }
  function arr(flat, ref, scale) {
    if (ref === null || ref === undefined) return [];
    var v, m = typeof ref === "string" && /^(.+)\[(\d+)\]$/.exec(ref);
    if (m) { v = flat[m[1]]; v = v && v.length !== undefined ? v[Number(m[2])] : v; }
    else v = typeof ref === "string" ? flat[ref] : ref;
    if (v === undefined) throw new Error("the figure reads a key the model did not give: " + ref);
    if (typeof v === "number" || v === null) v = [v];
    scale = scale === undefined ? 1 : scale;
    return Array.prototype.map.call(v, function (x) {
      return x === null || !isFinite(x) ? NaN : x * scale;
    });
  }
  function itemSeries(item, flat) {
    var s = {};
    ["x", "y", "y0", "y1", "x0", "x1"].forEach(function (role) {
      if (item[role] === undefined) return;
      var sc = role === "x" ? item.xscale : role === "y" ? item.yscale : 1;
      s[role] = arr(flat, item[role], sc);
    });
    if (s.x && s.y && s.y.length === 1 && s.x.length > 1) {  // a segment at one height
      var y = s.y[0];
      s.y = s.x.map(function () { return y; });
    }
    if (s.x && s.y && s.x.length === 1 && s.y.length > 1) {  // several values at one x
      var x = s.x[0];
      s.x = s.y.map(function () { return x; });
    }
    return s;
  }
  function range(panel, axis, series, flat, right) {
    var lim = right ? panel.ylim_right : panel[axis + "lim"], log = right ? false : panel[axis + "log"];
    if (lim) return lim.map(function (v) { return typeof v === "string" ? flat[v] : v; });
    var vals = [];
    panel.items.forEach(function (item, k) {
      var s = series[k];
      if (["line", "points", "bars", "fill"].indexOf(item.kind) < 0) return;
      if (axis === "y" && !!item.right !== !!right) return;
      if (s[axis]) vals = vals.concat(finite(s[axis]));
      if (axis === "y" && (item.kind === "bars" || item.kind === "fill") && !log) vals.push(0);
    });
    if (log) vals = vals.filter(function (v) { return v > 0; });
    if (!vals.length) return log ? [1, 10] : [0, 1];
    var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals);
    if (log) {
      if (hi / lo >= 10) {  // whole decades, for readable ticks
        return [Math.pow(10, Math.floor(Math.log10(lo) + 1e-9)),
                Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9))];
      }
      var f = Math.pow(hi / lo, 0.05) || 1.5;
      if (hi === lo) f = 2;
      return [lo / f, hi * f];
    }
    var pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.1 || 1;
    return [lo - pad, hi + pad];
  }
  function dash(ctx, d, r) {
    ctx.setLineDash(d === "--" ? [5 * r, 3 * r] : d === ":" ? [1.5 * r, 2.5 * r] : []);
  }
  function drawItems(u, panel, series, flat) {
    var ctx = u.ctx, r = px(), b = u.bbox;
    var X = function (v) { return u.valToPos(v, "x", true); };
    var Y = function (v) { return u.valToPos(v, "y", true); };
    var Y2 = function (v) { return u.valToPos(v, "y2", true); };
    var xr = [u.scales.x.min, u.scales.x.max], yr = [u.scales.y.min, u.scales.y.max];
    var base = panel.ylog ? yr[0] : 0;
    ctx.save();
    ctx.beginPath();
    ctx.rect(b.left, b.top, b.width, b.height);
    ctx.clip();
    var Y1 = Y;
    panel.items.forEach(function (item, k) {
      var s = series[k];
      Y = item.right ? Y2 : Y1;
      var col = item.color;
      if (item.color_key) {
        var rgb = flat[item.color_key];
        col = "rgb(" + rgb.slice(0, 3).map(function (v) { return Math.round(255 * v); }).join(",") + ")";
      }
      ctx.strokeStyle = ctx.fillStyle = col;
      ctx.globalAlpha = 1;
      ctx.lineWidth = (item.width || 1.5) * r;
      dash(ctx, item.dash, r);
      if (item.kind === "hspan") {
        ctx.globalAlpha = item.alpha;
        var ya = Y(s.y0[0]), yb = Y(s.y1[0]);
        ctx.fillRect(b.left, Math.min(ya, yb), b.width, Math.abs(ya - yb));
      } else if (item.kind === "bands") {
        ctx.globalAlpha = item.alpha;
        var cols = String(flat[item.colors]).split(",");
        for (var bj = 0; bj < Math.min(cols.length, s.x.length - 1); bj++) {
          if (!isFinite(s.x[bj + 1])) continue;
          ctx.fillStyle = cols[bj];
          var ba = X(s.x[bj]), bb = X(s.x[bj + 1]);
          ctx.fillRect(Math.min(ba, bb), b.top, Math.abs(bb - ba), b.height);
        }
      } else if (item.kind === "vspan") {
        ctx.globalAlpha = item.alpha;
        var xa = X(s.x0[0]), xb = X(s.x1[0]);
        ctx.fillRect(Math.min(xa, xb), b.top, Math.abs(xa - xb), b.height);
      } else if (item.kind === "hline" || item.kind === "vline") {
        var v = item.kind === "hline" ? s.y[0] : s.x[0];
        if (!isFinite(v)) return;
        ctx.beginPath();
        if (item.kind === "hline") { ctx.moveTo(b.left, Y(v)); ctx.lineTo(b.left + b.width, Y(v)); }
        else { ctx.moveTo(X(v), b.top); ctx.lineTo(X(v), b.top + b.height); }
        ctx.stroke();
      } else if (item.kind === "line") {
        ctx.beginPath();
        var pen = false;
        for (var i = 0; i < s.x.length; i++) {
          var ok = isFinite(s.x[i]) && isFinite(s.y[i]) &&
            !(panel.ylog && s.y[i] <= 0) && !(panel.xlog && s.x[i] <= 0);
          if (!ok) { pen = false; continue; }
          if (pen) ctx.lineTo(X(s.x[i]), Y(s.y[i])); else ctx.moveTo(X(s.x[i]), Y(s.y[i]));
          pen = true;
        }
        ctx.stroke();
      } else if (item.kind === "fill") {
        ctx.globalAlpha = item.alpha;
        ctx.beginPath();
        var n = s.x.length;
        for (var j = 0; j < n; j++) {
          var y = s.y[j];
          if (item.where === "pos") y = Math.max(y, 0);
          if (item.where === "neg") y = Math.min(y, 0);
          if (j === 0) ctx.moveTo(X(s.x[j]), Y(base));
          ctx.lineTo(X(s.x[j]), Y(isFinite(y) ? y : base));
        }
        if (n) { ctx.lineTo(X(s.x[n - 1]), Y(base)); ctx.closePath(); ctx.fill(); }
      } else if (item.kind === "points") {
        var size = (item.size || 6) * 1.2 * r;
        ctx.setLineDash([]);
        ctx.lineWidth = (item.marker === "x" ? 2 : 1.2) * r;
        for (var p = 0; p < s.x.length; p++) {
          if (!isFinite(s.x[p]) || !isFinite(s.y[p])) continue;
          var cx = X(s.x[p]), cy = Y(s.y[p]), h = size / 2;
          ctx.beginPath();
          if (item.marker === "s") ctx.rect(cx - h, cy - h, size, size);
          else if (item.marker === "x") {
            ctx.moveTo(cx - h, cy - h); ctx.lineTo(cx + h, cy + h);
            ctx.moveTo(cx - h, cy + h); ctx.lineTo(cx + h, cy - h);
          } else ctx.arc(cx, cy, h, 0, 2 * Math.PI);
          if (item.marker === "x" || item.hollow) ctx.stroke(); else ctx.fill();
          if (item.color_key) { ctx.strokeStyle = "#000"; ctx.lineWidth = r; ctx.stroke(); }
        }
      } else if (item.kind === "bars") {
        ctx.setLineDash([]);
        var w = item.width || 0.8;
        for (var q = 0; q < s.x.length; q++) {
          if (!isFinite(s.y[q])) continue;
          ctx.fillStyle = item.colors ? item.colors[q % item.colors.length] : item.color;
          var b0 = item.base !== undefined && item.base !== 0 ? item.base : base;
          var x0 = X(s.x[q] - w / 2), x1 = X(s.x[q] + w / 2), y0 = Y(b0), y1 = Y(s.y[q]);
          ctx.fillRect(x0, Math.min(y0, y1), x1 - x0, Math.abs(y1 - y0));
        }
      } else if (item.kind === "text") {
        var tx, ty;
        if (item.axes === "x") { tx = b.left + s.x[0] * b.width; ty = Y(s.y[0] + (item.dy || 0)); }
        else if (item.axes) { tx = b.left + s.x[0] * b.width; ty = b.top + (1 - s.y[0]) * b.height; }
        else { tx = X(s.x[0] + (item.dx || 0)); ty = Y(s.y[0] + (item.dy || 0)); }
        ctx.font = Math.round((item.size || 8) * 1.3 * r) + "px sans-serif";
        ctx.textAlign = item.ha === "center" ? "center" : item.ha === "right" ? "right" : "left";
        ctx.textBaseline = { top: "top", bottom: "bottom", center: "middle" }[item.va] || "alphabetic";
        var lines = render(item.text, flat).split("\n"), lh = (item.size || 8) * 1.5 * r;
        lines.forEach(function (line, li) { ctx.fillText(line, tx, ty + li * lh); });
      }
    });
    ctx.restore();
    void xr;
  }

  function makePanel(host, panel, state, k) {
    var box = document.createElement("div");
    box.className = "qd-panel";
    var title = document.createElement("div");
    title.className = "qd-panel-title";
    box.appendChild(title);
    var plot = document.createElement("div");
    box.appendChild(plot);
    var legend = document.createElement("div");
    legend.className = "qd-legend";
    panel.items.forEach(function (item) {
      if (!item.label) return;
      var entry = document.createElement("span");
      var sw = document.createElement("span");
      sw.className = "qd-swatch" + (item.kind === "points" ? (item.marker === "o" ? " qd-swatch-point qd-round" : " qd-swatch-point") : "");
      sw.style.background = item.color;
      entry.appendChild(sw);
      entry.appendChild(document.createTextNode(item.label));
      legend.appendChild(entry);
    });
    box.appendChild(legend);
    host.appendChild(box);
    var cur = { x: [0, 1], y: [0, 1], y2: [0, 1] };
    var twin = panel.items.some(function (i) { return i.right; });
    var bars = panel.items.filter(function (i) { return i.kind === "bars"; })[0];
    var grid = { stroke: "rgba(0,0,0,0.08)", width: 1 };
    var xaxis = { label: panel.xlabel, size: 36, labelSize: 18, font: "11px sans-serif",
                  labelFont: "12px sans-serif", grid: grid };
    var logValues = function (u, splits) {
      return splits.map(function (v) { return v === null ? "" : fmt(v, ".3g"); });
    };
    if (panel.xlog) xaxis.values = logValues;
    if (bars && bars.ticklabels) {
      xaxis.splits = function () { return bars.ticklabels.map(function (_, i) { return i; }); };
      xaxis.values = function () { return bars.ticklabels; };
    }
    var opts = {
      width: 300, height: 220,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: {
        x: { time: false, auto: false, distr: panel.xlog ? 3 : 1,
             range: function () { return cur.x; } },
        y: { auto: false, distr: panel.ylog ? 3 : 1, range: function () { return cur.y; } },
      },
      axes: [xaxis, { label: panel.ylabel, size: 52, labelSize: 18, font: "11px sans-serif",
                      labelFont: "12px sans-serif", grid: grid,
                      values: panel.ylog ? logValues : undefined }],
      series: twin ? [{}, { show: false }, { show: false, scale: "y2" }] : [{}, { show: false }],
      hooks: { draw: [function (u) { drawItems(u, panel, state.series[k], state.flat); }] },
    };
    if (twin) {
      opts.scales.y2 = { auto: false, range: function () { return cur.y2; } };
      opts.axes.push({ scale: "y2", side: 1, label: panel.ylabel_right, size: 52, labelSize: 18,
                       font: "11px sans-serif", labelFont: "12px sans-serif", grid: { show: false } });
    }
    var u = new uPlot(opts, twin ? [[0, 1], [0, 1], [0, 1]] : [[0, 1], [0, 1]], plot);
    return {
      update: function (flat, series) {
        cur.x = range(panel, "x", series, flat);
        cur.y = range(panel, "y", series, flat);
        title.textContent = render(panel.title, flat);
        if (twin) {
          cur.y2 = range(panel, "y", series, flat, true);
          u.setData([[cur.x[0], cur.x[1]], [cur.y[0], cur.y[1]], [cur.y2[0], cur.y2[1]]]);
        } else u.setData([[cur.x[0], cur.x[1]], [cur.y[0], cur.y[1]]]);
      },
      resize: function (w, h) { u.setSize({ width: w, height: h }); },
      uplot: u,
    };
  }

  // ---------------------------------------------------------------- one figure
  // The panels of a figure description, drawn into figEl (and its title into heading):
  // draw(flat) redraws them from a flat result; layout() fits them to the width. Used by
  // the static page (below) and by the kernel's view in JupyterLab (qdbook.explore._view),
  // where the kernel computes the flat result and sends the numbers.
  function figure(figEl, heading, fig) {
    var state = { flat: null, series: [] }, panels;
    function draw(flat) {
      state.flat = flat;
      state.series = fig.panels.map(function (panel) {
        return panel.items.map(function (item) { return itemSeries(item, flat); });
      });
      if (heading) heading.textContent = render(fig.title, flat);
      panels.forEach(function (p, k) { p.update(flat, state.series[k]); });
    }
    function layout() {
      var width = Math.max(260, figEl.clientWidth || 640);
      var n = fig.panels.length;
      var cols = width >= 330 * n ? n : 1;
      var w = Math.floor(width / cols) - 4;
      var aspect = (fig.width / n) / fig.height;
      var h = Math.max(230, Math.min(340, Math.round(w / aspect)));
      figEl.style.gridTemplateColumns = "repeat(" + cols + ", 1fr)";
      panels.forEach(function (p) { p.resize(w, h); });
      if (state.flat) draw(state.flat);
    }
    figEl.innerHTML = "";
    panels = fig.panels.map(function (panel, k) { return makePanel(figEl, panel, state, k); });
    return { draw: draw, layout: layout, state: state };
  }

  // ---------------------------------------------------------------- one exploration
  function start(entry) {
    var root = document.getElementById(entry.id);
    if (!root || root.qdState) return;
    var spec = JSON.parse(root.querySelector("script.qd-spec").textContent);
    var model = spec.mode === "table" ? tableModel(spec) : formulaModel(spec, entry.model);
    var figEl = root.querySelector(".qd-figure");
    var note = root.querySelector(".qd-note");
    var inputs = spec.controls.map(function (c) { return document.getElementById(entry.id + "-" + c.name); });
    var outputs = spec.controls.map(function (c) { return document.getElementById(entry.id + "-" + c.name + "-value"); });
    var plot = figure(figEl, root.querySelector(".qd-figure-title"), spec.figure);
    var state = { values: {}, flat: null, series: [], spec: spec, updates: 0, lastMs: null };

    function update() {
      var t0 = performance.now();
      spec.controls.forEach(function (c, j) {
        var v = controlValue(c, inputs[j]);
        state.values[c.name] = v;
        if (outputs[j]) outputs[j].textContent = c.kind === "select" ? c.options[inputs[j].selectedIndex].label : fmt(v, c.format);
        if (c.kind !== "select") inputs[j].setAttribute("aria-valuetext", fmt(v, c.format) + (c.unit ? " " + c.unit : ""));
      });
      var res = model(state.values);
      state.shown = res.shown || null;
      plot.draw(res.flat);
      state.flat = plot.state.flat;
      state.series = plot.state.series;
      if (note) {
        if (res.offGrid) {
          note.textContent = "Between grid points: the figure shows the nearest computed setting (" +
            spec.controls.map(function (c) {
              var v = res.shown[c.name];
              var lab = c.kind === "select" ? v : fmt(v, c.format);
              return c.label + " " + lab;
            }).join(", ") + ").";
        } else note.textContent = "";
      }
      state.updates += 1;
      state.lastMs = performance.now() - t0;
      performance.mark("qd-drawn");
    }

    root.classList.add("qd-live");
    plot.layout();
    inputs.forEach(function (el) {
      var handler = function () {
        el.qdTouched = true;
        performance.mark("qd-input");
        var t = performance.now();
        update();
        timings.push({ id: entry.id, ms: performance.now() - t });
      };
      el.addEventListener("input", handler);
      el.addEventListener("change", handler);
    });
    update();
    state.firstDrawn = performance.now();
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { plot.layout(); update(); }, 100);
    });
    root.qdState = state;
    registry[entry.id] = state;
  }

  function run(entry) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { start(entry); });
    } else start(entry);
  }
  // the page's blocks queue their entries until this script runs; it may run more than once
  // (each exploration's view in JupyterLab evaluates it), and then the queue is ours already
  var queue = window.qdExploreQueue;
  window.qdExploreQueue = { push: run };
  if (Array.isArray(queue)) queue.forEach(run);
  window.qdExplore = { registry: registry, timings: timings, fmt: fmt, render: render,
                      figure: figure, formulaModel: formulaModel,
                      tableModel: tableModel };
})();
