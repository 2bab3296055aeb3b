/* Agenda builder: the trainer picks modules, a start time and breaks; the page shows the day's
   agenda with its totals, ready to print. Module data comes from the page itself (data
   attributes written at build time); nothing is stored or sent. Needs session-clock.js, and
   plural.js (from the exercises plugin) for "1 hour" and "2 hours" in the page's language. */
(function () {
  "use strict";

  var form = document.querySelector("[data-agenda]");
  var clock = window.curriculumClock;
  var plural = window.curriculumPlural;
  if (!form || !clock || !plural) {
    return;
  }
  var result = document.querySelector("[data-agenda-result]");
  var forms = JSON.parse(form.getAttribute("data-plurals"));

  function whole(value) {
    var number = Math.floor(Number(value));
    return number > 0 ? number : 0;
  }

  /* 45 -> "45 minutes", 120 -> "2 hours", 90 -> "1 hour 30 minutes", each in its plural form. */
  function duration(minutes) {
    var hours = plural(forms.hours, Math.floor(minutes / 60));
    var rest = plural(forms.minutes, minutes % 60);
    if (minutes < 60) {
      return rest;
    }
    if (minutes % 60 === 0) {
      return hours;
    }
    return plural(form.getAttribute("data-duration-format"), minutes, { hours: hours, minutes: rest });
  }

  /* The chosen modules in order, a break after each one but the last. */
  function plan() {
    var items = [];
    form.querySelectorAll("[data-agenda-module]").forEach(function (row) {
      if (!row.querySelector('input[type="checkbox"]').checked) {
        return;
      }
      items.push({ title: row.getAttribute("data-title"), minutes: whole(row.getAttribute("data-minutes")),
                   breakAfter: whole(row.querySelector('input[type="number"]').value) });
    });
    var agenda = [];
    items.forEach(function (item, index) {
      agenda.push({ title: item.title, minutes: item.minutes, isBreak: false });
      if (index < items.length - 1 && item.breakAfter > 0) {
        agenda.push({ title: form.getAttribute("data-break-label"), minutes: item.breakAfter, isBreak: true });
      }
    });
    return agenda;
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
  }

  function render() {
    var start = clock.parse(document.getElementById("agenda-start").value) || 0;
    var rows = result.querySelector("[data-agenda-rows]");
    var totals = { training: 0, breaks: 0 };
    var now = start;
    rows.replaceChildren();
    plan().forEach(function (item) {
      var row = document.createElement("tr");
      if (item.isBreak) {
        row.className = "trainer-agenda-break";
      }
      cell(row, clock.format(now) + "–" + clock.format(now + item.minutes));
      cell(row, item.title);
      cell(row, duration(item.minutes));
      rows.appendChild(row);
      totals[item.isBreak ? "breaks" : "training"] += item.minutes;
      now += item.minutes;
    });
    var values = { training: duration(totals.training), breaks: duration(totals.breaks),
                   day: duration(now - start), end: clock.format(now) };
    Object.keys(values).forEach(function (name) {
      result.querySelector('[data-agenda-total="' + name + '"]').textContent = values[name];
    });
    result.querySelector("[data-agenda-empty]").hidden = totals.training > 0;
  }

  form.addEventListener("input", render);
  form.addEventListener("change", render);
  form.querySelector("[data-agenda-print]").addEventListener("click", function () {
    window.print();
  });
  document.querySelector("[data-agenda-fallback]").hidden = true;
  form.hidden = false;
  result.hidden = false;
  render();
})();
