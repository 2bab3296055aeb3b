/* Running clock for session plans. Each time on a plan is an offset from the session's start
   ("0:25"); once a trainer sets the start time, every offset shows the time of day instead.
   Without JavaScript the offsets stay as they are. Nothing is stored. */
(function () {
  "use strict";

  var MINUTES_PER_DAY = 24 * 60;

  /* 570 -> "9:30"; wraps past midnight. Shared with agenda.js. */
  function format(minutes) {
    var day = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    var rest = day % 60;
    return Math.floor(day / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  /* The value of an <input type="time"> ("09:30") -> 570, or null when empty. */
  function parse(value) {
    var match = /^(\d{1,2}):(\d{2})/.exec(value || "");
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  window.curriculumClock = { format: format, parse: parse };

  function show(session, start) {
    document.querySelectorAll("[data-clock]").forEach(function (time) {
      if (time.getAttribute("data-clock") === session) {
        time.textContent = format(start + Number(time.getAttribute("data-offset")));
      }
    });
  }

  document.querySelectorAll("[data-session-clock]").forEach(function (control) {
    var session = control.getAttribute("data-session-clock");
    var input = control.querySelector("input");
    input.addEventListener("input", function () {
      show(session, parse(input.value) || 0);
    });
    control.hidden = false;
  });
})();
