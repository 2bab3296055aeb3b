/* Exercises: explicit checking, scale comparison, opt-in progress.
   Vanilla, deferred, no inline handlers, no network: works from file:// under the site's CSP.
   Nothing is stored unless the learner ticks "Remember my answers on this device". Remembered
   answers then live in the site's one store, storage.html in a hidden frame (see storage.js),
   never in this page's own storage: Firefox gives every page opened from file:// a storage of
   its own, so only that one file can hold answers for every lesson in every language.
   Nothing typed or chosen comes back unless remembered: the controls carry autocomplete="off"
   (no form restore on reload), and they are cleared whenever the page is shown again from the
   back-forward cache. */
(() => {
  "use strict";
  const SCRIPT_URL = document.currentScript ? document.currentScript.src : "";
  const STORE_TIMEOUT_MS = 5000;
  const $ = (root, sel) => root.querySelector(sel);
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  const parse = (text) => { try { return JSON.parse(text); } catch (e) { return null; } };
  const setupEl = $(document, "script.cx-setup");
  if (!setupEl) return;
  const setup = parse(setupEl.textContent) || {};
  const S = setup.strings || {};
  const SITE = typeof setup.site === "string" ? setup.site : "";
  const fmt = (text, values) => String(text || "").replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

  const exercises = $$(document, '.cx[data-cx-view="learner"]');
  const bar = $(document, "[data-cx-remember]");
  const box = bar && $(bar, 'input[type="checkbox"]');
  const progress = $(document, "[data-cx-progress]");
  // Where Remember and Forget report: the bar on a lesson, else the progress page's own line.
  const notices = bar ? $(bar, ":scope > .cx-status") : progress && $(progress, ":scope > .cx-status");
  // Marked once the store has answered (or could not): what is shown is then what is remembered.
  const synced = bar || progress;

  let answers = {}; // this page's answers, remembered or not, so that "Remember" can keep them
  let remembering = false;
  let writeFailed = false;
  const touched = new Set(); // answered here before the store replied: not overwritten by it

  function say(region, text, extra) {
    if (!region) return;
    region.textContent = "";
    const p = document.createElement("p");
    p.textContent = text || "";
    region.appendChild(p);
    (extra || []).forEach((node) => region.appendChild(node));
  }
  const tell = (text) => say(notices, text);

  // ---- The store: storage.html in a hidden frame, asked by message -------------------------
  // Over http(s) messages go to, and are taken from, this site's origin only. Under file:// (or
  // any opaque origin) all origins read "null", so the frame's window identifies the store: only
  // this page (or a same-site page framing it) could navigate that frame, and a second load
  // closes the channel.
  // A page framed by a stranger (an ancestor we may not read) asks nothing at all: the stranger
  // could be listening. storage.js checks the other direction.
  function framedByStranger() {
    try {
      for (let w = window; w !== w.parent; w = w.parent) void w.parent.location.href;
      return false;
    } catch (e) { return true; }
  }

  function openStore() {
    if (!SITE || !SCRIPT_URL || framedByStranger()) return { request: () => Promise.resolve(null) };
    const opaque = window.location.protocol === "file:" || window.location.origin === "null";
    const target = opaque ? "*" : window.location.origin;
    const frame = document.createElement("iframe");
    const pending = new Map();
    let loads = 0;
    let next = 0;
    frame.hidden = true;
    const loaded = new Promise((resolve) => frame.addEventListener("load", () => {
      loads += 1;
      if (loads === 1) resolve();
      else pending.forEach((settle) => settle(null));
    }));
    window.addEventListener("message", (event) => {
      const reply = event.data;
      if (loads !== 1 || event.source !== frame.contentWindow || (!opaque && event.origin !== window.location.origin)) return;
      if (reply && reply.cx === "storage-reply" && pending.has(reply.id)) pending.get(reply.id)(reply);
    });
    frame.src = new URL("storage.html", SCRIPT_URL).href;
    document.body.appendChild(frame);
    return {
      request(op, fields) {
        return new Promise((resolve) => {
          next += 1;
          const id = next;
          const settle = (reply) => { clearTimeout(timer); pending.delete(id); resolve(reply); };
          const timer = setTimeout(() => settle(null), STORE_TIMEOUT_MS);
          pending.set(id, settle);
          loaded.then(() => {
            if (loads === 1 && frame.contentWindow) {
              frame.contentWindow.postMessage(Object.assign({ cx: "storage", id, op, site: SITE }, fields), target);
            }
          });
        });
      },
    };
  }

  const store = openStore();

  function setRemembering(on) {
    remembering = on;
    if (box) box.checked = on;
  }

  // After a write: the store says whether a record still exists (another page may have erased it).
  function afterWrite(reply) {
    if (reply && reply.ok && reply.remembering === false) {
      setRemembering(false);
      tell(S.forgotten);
    } else if ((!reply || !reply.ok) && !writeFailed) {
      writeFailed = true;
      tell(S.storage_unavailable);
    }
  }

  function record(section, value, done) {
    const id = section.dataset.cxId;
    touched.add(id);
    answers[id] = { v: value, done: done };
    if (remembering) store.request("record", { exercise: id, answer: answers[id] }).then(afterWrite);
  }

  // Copies an earlier version of this site kept in this page's own storage. Under Chromium and
  // over http(s) that is the store's storage itself; under Firefox's file:// it is this file's.
  function eraseOwnCopies() {
    const prefix = "curriculum:" + SITE + ":";
    try {
      [window.localStorage, window.sessionStorage].forEach((storage) => {
        for (let i = storage.length - 1; i >= 0; i -= 1) {
          const name = storage.key(i);
          if (name !== null && name.startsWith(prefix)) storage.removeItem(name);
        }
      });
    } catch (e) { /* no storage here: nothing of ours either */ }
  }

  function forgetAll() {
    setRemembering(false);
    eraseOwnCopies();
    return store.request("forget").then((reply) => {
      const erased = !!(reply && reply.ok);
      tell(erased ? S.forgotten : S.forget_failed);
      return erased;
    });
  }

  // ---- Exercises ------------------------------------------------------------------------------
  const steps = (section) => $$(section, "fieldset.cx-step");
  const groups = (section) => $$(section, section.dataset.cxType === "scale" ? "fieldset.cx-statement" : "fieldset.cx-step");
  const chosen = (step) => $$(step, "input:checked").map((input) => input.value);
  const optionOf = (group, value) => $$(group, "input").find((input) => input.value === String(value));

  function checkStep(section, step) {
    const status = $(step, ".cx-status");
    const picked = $$(step, "input:checked");
    if (!picked.length) return say(status, S.result_none);
    const good = $$(step, "input[data-cx-good]").length;
    const hits = picked.filter((input) => input.hasAttribute("data-cx-good")).length;
    let key;
    if (section.dataset.cxType === "scenario") key = hits ? "result_recommended" : "result_not_recommended";
    else key = hits === good && hits === picked.length ? "result_correct" : hits ? "result_partial" : "result_other";
    const answersEl = step.nextElementSibling;
    const notes = picked.map((input) => answersEl && $$(answersEl, "[data-cx-option]")
      .find((li) => li.dataset.cxOption === input.value))
      .map((li) => li && $(li, ".cx-feedback")).filter(Boolean).map((note) => note.cloneNode(true));
    say(status, S[key], notes);
    step.dataset.cxChecked = "1";
    const follow = $(section, "[data-cx-follow-up]");
    if (follow) follow.hidden = false;
    const all = steps(section);
    record(section, all.map(chosen), all.every((s) => s.dataset.cxChecked));
  }

  const ratings = (section) => $$(section, "fieldset.cx-statement").map((f) => {
    const input = $(f, "input:checked");
    return input ? Number(input.value) : 0;
  });

  function showChange(section) {
    const status = $(section, ".cx-status");
    const before = document.getElementById("cx-" + section.dataset.cxCompare);
    const now = ratings(section);
    const then = before ? ratings(before) : [];
    if (!then.length || then.concat(now).some((r) => !r)) return say(status, S.scale_incomplete);
    const label = (sec, i, r) => $(sec, 'label[for="cx-' + sec.dataset.cxId + "-s" + (i + 1) + "-" + r + '"]').textContent;
    const lines = $$(section, "fieldset.cx-statement legend").map((legend, i) => {
      const li = document.createElement("li");
      li.textContent = fmt(S.scale_change, {
        statement: legend.textContent, before: label(before, i, then[i]), after: label(section, i, now[i]),
      });
      return li;
    });
    const list = document.createElement("ul");
    lines.forEach((li) => list.appendChild(li));
    say(status, "", [list]);
    record(section, now, true);
  }

  // Whether a remembered answer fits the exercise as it is now: an exercise may have changed
  // type, or lost options or steps, since the answer was kept. What does not fit is dropped.
  function fits(section, answer) {
    const type = section.dataset.cxType;
    if (type === "reflection") return typeof answer.v === "string";
    const all = groups(section);
    if (!Array.isArray(answer.v) || answer.v.length > all.length) return false;
    return answer.v.every((value, i) => {
      if (type === "scale") return value === 0 || (typeof value === "number" && !!optionOf(all[i], value));
      if (!Array.isArray(value) || new Set(value.map(String)).size !== value.length) return false;
      const single = !!$(all[i], 'input[type="radio"]');
      return (!single || value.length <= 1) && value.every((v) => !!optionOf(all[i], v));
    });
  }

  function restore(section, answer) {
    const type = section.dataset.cxType;
    if (type === "reflection") {
      $(section, "textarea").value = answer.v;
      return;
    }
    const all = groups(section);
    answer.v.forEach((value, i) => (type === "scale" ? (value ? [value] : []) : value).forEach((v) => {
      optionOf(all[i], v).checked = true;
    }));
    const follow = $(section, "[data-cx-follow-up]");
    if (answer.done && follow) follow.hidden = false;
  }

  // Everything a reader could see of earlier answers, back to how the page was built.
  function clearAll() {
    answers = {};
    touched.clear();
    setRemembering(false);
    exercises.forEach((section) => {
      $$(section, "input").forEach((input) => { input.checked = false; });
      $$(section, "textarea").forEach((text) => { text.value = ""; });
      $$(section, ".cx-status").forEach((status) => { status.textContent = ""; });
      steps(section).forEach((step) => { delete step.dataset.cxChecked; });
      const follow = $(section, "[data-cx-follow-up]");
      if (follow) follow.hidden = true;
    });
    if (notices) notices.textContent = "";
    if (synced) delete synced.dataset.cxSynced;
    if (progress) $(progress, "#cx-progress-name").value = "";
  }

  exercises.forEach((section) => {
    section.addEventListener("click", (event) => {
      const button = event.target.closest(".cx-check");
      if (!button) return;
      if (section.dataset.cxType === "scale") showChange(section);
      else checkStep(section, button.closest("fieldset.cx-step"));
    });
    section.addEventListener("input", (event) => {
      const type = section.dataset.cxType;
      if (type === "reflection") record(section, event.target.value, event.target.value.trim() !== "");
      else if (type === "scale") { const r = ratings(section); record(section, r, r.every(Boolean)); }
      // choice and scenario answers are recorded on Check only: changing a radio never submits.
    });
  });

  // ---- Remember / Forget ---------------------------------------------------------------------
  if (bar && SITE) {
    bar.hidden = false;
    box.addEventListener("change", () => {
      if (!box.checked) return forgetAll();
      // At once: the store takes messages in order, so what is answered from now on follows
      // the record this request creates.
      remembering = true;
      writeFailed = false;
      return store.request("remember", { answers: answers }).then((reply) => {
        const kept = !!(reply && reply.ok);
        setRemembering(kept);
        tell(kept ? S.remembered : S.storage_unavailable);
      });
    });
    $(bar, ".cx-forget").addEventListener("click", () => forgetAll());
  }

  // ---- Progress page ---------------------------------------------------------------------------
  const index = progress ? parse(($(progress, "script.cx-index") || {}).textContent) || [] : [];
  const knownTypes = {};
  index.forEach((module) => module.exercises.forEach((e) => { knownTypes[e.id] = e.type; }));

  function showProgress(state) {
    const list = $(progress, ".cx-progress-list");
    if (!state) return say(list, S.progress_empty);
    $(progress, "#cx-progress-name").value = String(state.name || "");
    return say(list, S.progress_summary, index.map((module) => {
      const done = module.exercises.filter((e) => (state.answers[e.id] || {}).done);
      const block = document.createElement("div");
      const title = document.createElement("p");
      const link = document.createElement("a");
      link.href = module.url;
      link.textContent = module.title;
      title.append(link, " — " + window.curriculumPlural(S.progress_count, module.exercises.length, { done: done.length }));
      const items = document.createElement("ul");
      module.exercises.forEach((e) => {
        const li = document.createElement("li");
        li.textContent = e.label + " — " + (done.includes(e) ? S.progress_done : S.progress_not_done);
        items.appendChild(li);
      });
      block.append(title, items);
      return block;
    }));
  }

  if (progress) {
    const name = $(progress, "#cx-progress-name");
    $(progress, ".cx-progress-controls").hidden = false;
    name.addEventListener("input", () => {
      if (remembering) store.request("name", { name: name.value }).then(afterWrite);
    });
    $(progress, ".cx-print-summary").addEventListener("click", () => window.print());
    $(progress, ".cx-forget").addEventListener("click", () => forgetAll().then((erased) => {
      if (erased) showProgress(null);
    }));
  }

  // ---- Reading the store: on load, and again whenever the page is shown from the cache ---------
  // Restores what fits this page's exercises; returns the ids of answers that no longer fit.
  function restoreFrom(state) {
    const dropped = [];
    exercises.forEach((section) => {
      const id = section.dataset.cxId;
      const answer = state.answers[id];
      if (!answer || touched.has(id)) return;
      if (!fits(section, answer)) return dropped.push(id);
      restore(section, answer);
      answers[id] = answer;
    });
    // The progress page knows every exercise's type: an answer of the wrong kind is dropped.
    Object.keys(state.answers).forEach((id) => {
      const type = knownTypes[id];
      if (type && (type === "reflection") !== (typeof state.answers[id].v === "string") && !dropped.includes(id)) dropped.push(id);
    });
    dropped.forEach((id) => { delete state.answers[id]; });
    return dropped;
  }

  function sync() {
    return store.request("read").then((reply) => {
      if (synced) synced.dataset.cxSynced = "";
      if (!reply || !reply.ok) {
        if (progress) say($(progress, ".cx-progress-list"), S.storage_unavailable);
        return;
      }
      let discarded = !!reply.discarded;
      if (reply.state) {
        setRemembering(true);
        const dropped = restoreFrom(reply.state);
        if (dropped.length) {
          discarded = true;
          store.request("drop", { exercises: dropped }).then(afterWrite);
        }
      }
      if (progress) showProgress(reply.state);
      if (discarded) tell(S.discarded);
    });
  }

  clearAll();
  sync();
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    clearAll();
    sync();
  });
})();
