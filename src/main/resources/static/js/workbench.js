/* Xinfang workbench — small progressive enhancements; every page works without them. */
(function () {
  "use strict";

  /* Registration desk: show only the fields of the chosen channel (all are shown without JS). */
  function channelSections() {
    var choices = document.querySelectorAll("input[data-channel-choice]");
    if (!choices.length) return;
    function update() {
      var chosen = document.querySelector("input[data-channel-choice]:checked");
      var value = chosen ? chosen.value : "";
      document.querySelectorAll("fieldset[data-channel]").forEach(function (section) {
        section.hidden = section.getAttribute("data-channel") !== value;
      });
    }
    choices.forEach(function (c) { c.addEventListener("change", update); });
    update();
  }

  /*
   * Repeatable rows (petitioners, accused): the "add" button asks the server for one more row
   * without JS; with JS the last row is copied here, its index raised and its values cleared.
   */
  function repeatableRows() {
    document.querySelectorAll("button[data-add-row]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        var list = button.getAttribute("data-add-row");
        var rows = document.querySelectorAll("fieldset.row[data-row='" + list + "']");
        if (!rows.length) return;
        event.preventDefault();
        var last = rows[rows.length - 1];
        var next = rows.length;
        var copy = last.cloneNode(true);
        var indexed = new RegExp("(" + list + ")(\\[?)\\d+(\\]?)", "g");
        function renumber(value) {
          return value.replace(indexed, function (m, name, open, close) {
            return name + open + next + close;
          });
        }
        copy.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function (el) {
          ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
            if (el.hasAttribute(attr)) el.setAttribute(attr, renumber(el.getAttribute(attr)));
          });
        });
        copy.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
        copy.querySelectorAll(".invalid").forEach(function (el) { el.classList.remove("invalid"); });
        copy.querySelectorAll("[aria-invalid]").forEach(function (el) {
          el.removeAttribute("aria-invalid");
          el.removeAttribute("aria-describedby");
        });
        copy.querySelectorAll("input, select, textarea").forEach(function (el) {
          if (el.type === "checkbox" || el.type === "radio") el.checked = false;
          else if (el.tagName === "SELECT") el.selectedIndex = 0;
          else if (el.type !== "hidden") el.value = "";
        });
        var legend = copy.querySelector("legend");
        if (legend) legend.textContent = legend.textContent.replace(/\d+/, String(next + 1));
        last.parentNode.insertBefore(copy, last.nextSibling);
        var first = copy.querySelector("input, select, textarea");
        if (first) first.focus();
      });
    });
  }

  /* A refused form: move the focus to the explanation so that screen readers announce it. */
  function focusProblem() {
    var problem = document.getElementById("problem");
    if (problem) {
      var details = problem.closest("details");
      if (details) details.open = true;
      problem.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    channelSections();
    repeatableRows();
    focusProblem();
  });
})();
