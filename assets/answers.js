/* Answer boxes of the static book (see qdbook/teaching.py and tools/book_extension.py).
 *
 * Each <form class="qd-answer"> carries, in data-qd-answer, the record the
 * solution computed at build time: the expected values, the unit, the
 * tolerances, a hint and the accepted units with their factors. This script
 * parses what the student typed and writes the verdict (right / close /
 * wrong) into the form's live region. No request, no kernel.
 */
(function () {
  "use strict";

  var SUPERSCRIPTS = { "⁻": "-", "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4",
                       "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };

  function normaliseUnit(text) {
    var u = text.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, function (c) { return SUPERSCRIPTS[c]; })
      .replace(/[µμ]/g, "u").replace(/\^/g, "").replace(/[\s·*]+/g, " ").trim();
    u = u.replace(/ ?\/ ?/g, "/");
    // "cm-3" -> "1/cm3", "A cm-2" -> "A/cm2", "s-1" -> "1/s"
    var m = u.match(/^(?:(.*?) )?([A-Za-z]+)-(\d)$/);
    if (m) {
      var power = m[3] === "1" ? "" : m[3];
      u = (m[1] ? m[1] + "/" : "1/") + m[2] + power;
    }
    return u.replace(/ /g, "");
  }

  function parseNumber(text) {
    var t = text.replace(/−/g, "-").replace(/\s+/g, " ").trim();
    // 1.2 x 10^19, 1.2×10^-3, 1.2·10-3, 10^19
    t = t.replace(/^([-+]?[\d.]+)\s*[x×·*]\s*10\^?\s*([-+]?\d+)/i, "$1e$2");
    t = t.replace(/^10\^\s*([-+]?\d+)/, "1e$1");
    var m = t.match(/^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(.*)$/i);
    if (!m) { return null; }
    return { value: parseFloat(m[1]), unit: m[2].trim() };
  }

  function parse(text, spec) {
    var parts = text.split(/\s*[,;]\s*|\s+and\s+/).filter(function (p) { return p.length; });
    if (!parts.length) { return { error: "Type a number first." }; }
    var items = [];
    for (var i = 0; i < parts.length; i++) {
      var item = parseNumber(parts[i]);
      if (item === null || isNaN(item.value)) {
        return { error: "\u201c" + parts[i] + "\u201d is not a number I can read "
                 + "(write e.g. 5.5, 1.2e19 or 1.2 x 10^19)." };
      }
      items.push(item);
    }
    // a unit written once, after the last number, applies to all of them
    var last = items[items.length - 1].unit;
    var values = [], missingUnit = false;
    for (var j = 0; j < items.length; j++) {
      var unit = items[j].unit || last;
      if (!spec.unit) {
        if (unit) { return { error: "This answer is a pure number: leave out \u201c" + unit + "\u201d." }; }
        values.push(items[j].value);
        continue;
      }
      if (!unit) { missingUnit = true; values.push(items[j].value); continue; }
      var key = normaliseUnit(unit);
      var factor = spec.units[key];
      if (factor === undefined) {
        // forgive letter case only where it is unambiguous (e.g. "EV")
        var keys = Object.keys(spec.units).filter(function (k) {
          return k.toLowerCase() === key.toLowerCase();
        });
        if (keys.length === 1) { factor = spec.units[keys[0]]; }
      }
      if (factor === undefined) {
        return { wrongUnit: unit };
      }
      values.push(items[j].value * factor);
    }
    return { values: values, missingUnit: missingUnit };
  }

  function relativeError(x, expected, atol) {
    var diff = Math.abs(x - expected);
    if (diff <= atol) { return 0; }
    return expected === 0 ? Infinity : diff / Math.abs(expected);
  }

  function powerOfTen(x, expected) {
    if (x === 0 || expected === 0) { return false; }
    var ratio = Math.log10(Math.abs(x / expected));
    var k = Math.round(ratio);
    return k !== 0 && Math.abs(ratio - k) < 0.01 && Math.sign(x) === Math.sign(expected);
  }

  function format(values, unit) {
    return values.map(function (v) {
      var a = Math.abs(v);
      return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
    }).join(", ") + (unit ? " " + unit : "");
  }

  /* The verdict on `text` for `spec`: {verdict: "right"|"close"|"wrong"|"invalid", message}. */
  function check(text, spec) {
    var got = parse(text, spec);
    if (got.error) { return { verdict: "invalid", message: got.error }; }
    if (got.wrongUnit) {
      return { verdict: "wrong", message: "Wrong: \u201c" + got.wrongUnit + "\u201d does not measure "
               + "the same thing as " + spec.unit + " (accepted: "
               + Object.keys(spec.units).join(", ") + ")." };
    }
    var expected = spec.values, values = got.values;
    if (values.length !== expected.length) {
      return { verdict: "wrong", message: "Wrong: the answer has " + expected.length
               + (expected.length === 1 ? " number" : " numbers") + ", you gave "
               + values.length + "." };
    }
    if (!spec.ordered) {
      values = values.slice().sort(function (a, b) { return a - b; });
      expected = expected.slice().sort(function (a, b) { return a - b; });
    }
    var worst = 0, tens = false;
    for (var i = 0; i < values.length; i++) {
      worst = Math.max(worst, relativeError(values[i], expected[i], spec.atol));
      if (relativeError(values[i], expected[i], spec.atol) > spec.close
          && powerOfTen(values[i], expected[i])) { tens = true; }
    }
    if (worst <= spec.rtol) {
      if (got.missingUnit) {
        return { verdict: "close", message: "Close: the number is right if you mean "
                 + spec.unit + ", but write the unit." };
      }
      return { verdict: "right", message: "Right: " + format(spec.values, spec.unit)
               + " (within " + (100 * spec.rtol) + " %)." };
    }
    if (worst <= spec.close) {
      return { verdict: "close", message: "Close, but not within " + (100 * spec.rtol)
               + " %. " + (spec.hint || "Check your rounding and the values you used.") };
    }
    if (tens) {
      return { verdict: "close", message: "Close: off by a power of ten. Check the unit"
               + (spec.unit ? " (the answer is asked in " + spec.unit + ")" : "")
               + " and the powers of ten." };
    }
    return { verdict: "wrong", message: "Wrong." + (spec.hint ? " Hint: " + spec.hint : "")
             + " Try again." };
  }

  function attach(form) {
    var spec = JSON.parse(form.getAttribute("data-qd-answer"));
    var input = form.querySelector("input");
    var out = form.querySelector(".qd-answer-verdict");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = check(input.value, spec);
      out.textContent = result.message;
      form.setAttribute("data-verdict", result.verdict);
      input.setAttribute("aria-invalid", result.verdict === "right" ? "false" : "true");
    });
    form.setAttribute("data-ready", "");
  }

  window.qdAnswers = { check: check };
  function init() {
    document.querySelectorAll("form.qd-answer").forEach(attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
