/* Quick exit, after GOV.UK's "Exit this page".
   The header's Exit link, or Shift pressed on its own three times (each within 5 seconds of the
   last), hides the page at once and replaces it in the history with a neutral local page.
   Links inside the site also replace the current page instead of adding to the history, so
   Back after an exit leads away from the curriculum, not to the page just left.
   Loaded synchronously in <head>: listeners sit on the document, so they work before the body
   is parsed. Esc is not used: it stops a loading page and closes dialogs. */
(() => {
  "use strict";
  const PRESSES_TO_EXIT = 3;
  const PRESS_WINDOW_MS = 5000;
  let presses = 0;
  let lastPress = 0;
  let resetTimer = 0;

  const exitLink = () => document.querySelector("a[data-cq-exit]");

  function exit(link) {
    document.documentElement.classList.add("cq-exiting");
    document.documentElement.hidden = true;
    window.location.replace(link.href);
  }

  // Same site: same scheme, and same host unless on file://, opened in this tab.
  function staysInSite(link) {
    if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return false;
    const url = new URL(link.href, document.baseURI);
    if (url.protocol !== window.location.protocol) return false;
    return url.protocol === "file:" || url.host === window.location.host;
  }

  document.addEventListener("click", (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link) return;
    if (link.hasAttribute("data-cq-exit")) {
      event.preventDefault();
      exit(link);
    }
  }, true);

  // Bubbling phase: Material's own handlers (closing search or the drawer) run first.
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || !staysInSite(link)) return;
    event.preventDefault();
    window.location.replace(link.href);
  });

  function announce(link, count) {
    const status = document.querySelector("[data-cq-exit-status]");
    if (count) link.setAttribute("data-cq-presses", String(count));
    else link.removeAttribute("data-cq-presses");
    if (status) status.textContent = count ? (link.dataset.cqProgress || "").replace("{count}", count) : "";
  }

  document.addEventListener("keydown", (event) => {
    const link = exitLink();
    const alone = event.key === "Shift" && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (!alone) {
      if (presses && link) announce(link, 0);
      presses = 0;
      return;
    }
    if (event.repeat || !link) return;
    const now = window.performance.now();
    presses = now - lastPress <= PRESS_WINDOW_MS ? presses + 1 : 1;
    lastPress = now;
    window.clearTimeout(resetTimer);
    if (presses >= PRESSES_TO_EXIT) return exit(link);
    announce(link, presses);
    resetTimer = window.setTimeout(() => { presses = 0; announce(link, 0); }, PRESS_WINDOW_MS);
  }, true);
})();
