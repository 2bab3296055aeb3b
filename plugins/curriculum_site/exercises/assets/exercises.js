/* Exercises: explicit checking, scale comparison, opt-in progress.
   Vanilla, deferred, no inline handlers, no network: works from file:// under CSP script-src 'self'.
   Nothing is stored unless the learner ticks "Remember my answers on this device". */
(() => {
  "use strict";
  const $ = (root, sel) => root.querySelector(sel);
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  const parse = (text) => { try { return JSON.parse(text); } catch (e) { return null; } };
  const setupEl = $(document, "script.cx-setup");
  if (!setupEl) return;
  const setup = parse(setupEl.textContent) || {};
  const S = setup.strings || {};
  const KEY = setup.site ? "curriculum:" + setup.site + ":progress" : "";
  const fmt = (text, values) => String(text || "").replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  let state = { version: 1, answers: {} };
  let remembering = false;

  // Storage may be absent, disabled, full or corrupt: every access is guarded, never fatal.
  function load() {
    if (!KEY) return null;
    try {
      const data = parse(window.localStorage.getItem(KEY));
      return data && data.version === 1 && data.answers && typeof data.answers === "object" ? data : null;
    } catch (e) { return null; }
  }
  function save() {
    if (!remembering) return true;
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); return true; } catch (e) { return false; }
  }
  function erase() {
    try { window.localStorage.removeItem(KEY); return true; } catch (e) { return false; }
  }
  function say(region, text, extra) {
    region.textContent = "";
    const p = document.createElement("p");
    p.textContent = text || "";
    region.appendChild(p);
    (extra || []).forEach((node) => region.appendChild(node));
  }
  function record(section, value, done) {
    state.answers[section.dataset.cxId] = { v: value, done: done };
    save();
  }

  const exercises = $$(document, '.cx[data-cx-view="learner"]');
  const steps = (section) => $$(section, "fieldset.cx-step");
  const chosen = (step) => $$(step, "input:checked").map((input) => input.value);

  function checkStep(section, step) {
    const status = $(step, ".cx-status");
    const picked = $$(step, "input:checked");
    if (!picked.length) return say(status, S.result_none);
    const good = $$(step, "input[data-cx-good]").length;
    const hits = picked.filter((input) => input.hasAttribute("data-cx-good")).length;
    let key;
    if (section.dataset.cxType === "scenario") key = hits ? "result_recommended" : "result_not_recommended";
    else key = hits === good && hits === picked.length ? "result_correct" : hits ? "result_partial" : "result_other";
    const answers = step.nextElementSibling;
    const notes = picked.map((input) => answers && $(answers, '[data-cx-option="' + input.value + '"] .cx-feedback'))
      .filter(Boolean).map((note) => note.cloneNode(true));
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

  function restore(section, answer) {
    if (!answer) return;
    const type = section.dataset.cxType;
    if (type === "reflection") {
      $(section, "textarea").value = String(answer.v || "");
    } else if (type === "scale") {
      (answer.v || []).forEach((r, i) => {
        const input = document.getElementById("cx-" + section.dataset.cxId + "-s" + (i + 1) + "-" + r);
        if (input) input.checked = true;
      });
    } else {
      steps(section).forEach((step, i) => ((answer.v || [])[i] || []).forEach((value) => {
        const input = $(step, 'input[value="' + Number(value) + '"]');
        if (input) input.checked = true;
      }));
      if (answer.done && $(section, "[data-cx-follow-up]")) $(section, "[data-cx-follow-up]").hidden = false;
    }
  }

  exercises.forEach((section) => {
    const follow = $(section, "[data-cx-follow-up]");
    if (follow) follow.hidden = true;
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

  function startRemembering(status, box) {
    remembering = true;
    if (save()) return say(status, S.remembered);
    remembering = false;
    box.checked = false;
    say(status, S.storage_unavailable);
  }

  const stored = load();
  const bar = $(document, "[data-cx-remember]");
  if (bar && KEY) {
    bar.hidden = false;
    const box = $(bar, 'input[type="checkbox"]');
    const status = $(bar, ".cx-status");
    if (stored) {
      remembering = true;
      box.checked = true;
      state = stored;
      exercises.forEach((section) => restore(section, state.answers[section.dataset.cxId]));
    }
    box.addEventListener("change", () => {
      if (box.checked) return startRemembering(status, box);
      remembering = false;
      say(status, erase() ? S.forgotten : S.storage_unavailable);
    });
    $(bar, ".cx-forget").addEventListener("click", () => {
      remembering = false;
      box.checked = false;
      state = { version: 1, answers: {} };
      say(status, erase() ? S.forgotten : S.storage_unavailable);
    });
  }

  const progress = $(document, "[data-cx-progress]");
  if (progress) {
    const list = $(progress, ".cx-progress-list");
    const name = $(progress, "#cx-progress-name");
    const index = parse(($(progress, "script.cx-index") || {}).textContent) || [];
    if (!stored) say(list, S.progress_empty);
    else {
      remembering = true;
      state = stored;
      name.value = String(stored.name || "");
      say(list, S.progress_summary, index.map((module) => {
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
    name.addEventListener("input", () => { if (remembering) { state.name = name.value; save(); } });
    $(progress, ".cx-print-summary").addEventListener("click", () => window.print());
  }
})();
