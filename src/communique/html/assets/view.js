// Communiqué document view: popover on hover and focus, highlight on list entries. No network.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var live = document.getElementById("live");

  function marksAt(el) {
    var out = [];
    while (el && el.classList && !el.classList.contains("text")) {
      if (el.classList.contains("mk")) { out.push(el); }
      el = el.parentElement;
    }
    return out;
  }

  function showTip(el) {
    var marks = marksAt(el);
    if (!marks.length) { return; }
    tip.textContent = "";
    marks.forEach(function (m) {
      var info = document.getElementById("i-" + m.getAttribute("data-n"));
      if (info) {
        var copy = info.cloneNode(true);
        copy.removeAttribute("id");
        tip.appendChild(copy);
      }
    });
    tip.hidden = false;
    var box = marks[0].getBoundingClientRect();
    var left = Math.max(4, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function hideTip() { tip.hidden = true; }

  function clear() {
    document.querySelectorAll(".text .mk.hl").forEach(function (e) { e.classList.remove("hl"); });
    document.querySelectorAll("button.rec[aria-pressed='true']").forEach(function (b) {
      b.setAttribute("aria-pressed", "false");
    });
  }

  function targets(button) {
    var side = '[data-side="' + CSS.escape(button.getAttribute("data-side")) + '"] ';
    var n = button.getAttribute("data-target");
    if (n) { return document.querySelectorAll(side + '.mk[data-n="' + CSS.escape(n) + '"]'); }
    return document.querySelectorAll(side + '.mk[data-refs~="' + CSS.escape(button.getAttribute("data-ref")) + '"]');
  }

  function choose(button) {
    var wasOn = button.getAttribute("aria-pressed") === "true";
    clear();
    if (wasOn) { live.textContent = "Highlight cleared."; return; }
    var hits = targets(button);
    var spans = {};
    hits.forEach(function (e) { e.classList.add("hl"); spans[e.getAttribute("data-n")] = true; });
    button.setAttribute("aria-pressed", "true");
    if (hits.length) { hits[0].scrollIntoView({ block: "center" }); }
    live.textContent = Object.keys(spans).length + " span(s) highlighted for " + button.textContent + ".";
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("button.rec");
    if (button) { choose(button); return; }
    var mark = ev.target.closest(".mk");
    var column = mark && mark.closest("[data-side]");
    if (mark && column) {
      var owner = (mark.getAttribute("data-refs") || "").split(" ")[0];
      var entry = document.querySelector('aside button.rec[data-side="' + CSS.escape(column.getAttribute("data-side")) +
        '"][data-ref="' + CSS.escape(owner) + '"]');
      if (entry) { choose(entry); entry.scrollIntoView({ block: "nearest" }); }
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { hideTip(); clear(); live.textContent = "Highlight cleared."; return; }
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.classList && ev.target.classList.contains("mk")) {
      ev.preventDefault();
      ev.target.click();
    }
  });
  document.addEventListener("mouseover", function (ev) {
    if (ev.target.closest && ev.target.closest(".text .mk")) { showTip(ev.target); }
  });
  document.addEventListener("mouseout", function (ev) {
    if (ev.target.closest && ev.target.closest(".text .mk") && !(ev.relatedTarget && ev.relatedTarget.closest &&
        ev.relatedTarget.closest(".text .mk"))) { hideTip(); }
  });
  document.addEventListener("focusin", function (ev) {
    if (ev.target.classList && ev.target.classList.contains("mk")) { showTip(ev.target); } else { hideTip(); }
  });
}());
