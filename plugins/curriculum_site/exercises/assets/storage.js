/* The site's one store of remembered answers: runs in assets/curriculum/storage.html, which every
   page with exercises shows in a hidden frame (see exercises.js). Pages ask by message; this
   script alone reads and writes the browser's storage, so "Remember" covers every lesson in every
   language and "Forget" erases everything, whichever page asks.

   Who may ask. Only the frame's own parent, and only a page of this site:
   - Over http(s) (a server, kiwix-serve) the message's origin must be this page's origin;
     replies are addressed to that origin. Any other site's page is refused.
   - Under file:// (or a reader's own scheme whose origin is opaque) every origin reads "null",
     so origins prove nothing. What differs by browser:
     Chromium keeps one storage for every local file, so any local HTML file can read it directly
     and nothing here could protect it (the privacy page says so); its location.ancestorOrigins
     reads "null". Firefox gives each local file its own storage, so only this file (or a frame
     of it) can read these answers: another local file could only get them by framing this file
     and asking. Firefox lists each framing page's full file URL in location.ancestorOrigins, so
     every one of them must lie inside this site's folder (a file there could change our scripts
     anyway). A top-level page always has a real URL, so a stranger cannot hide behind "null"
     frames alone. A browser that cannot say who frames this file (no ancestorOrigins) gets no
     answers: remembering is then unavailable, never open to any local file.
   Replies go to window.parent only, never to event.source, so a stranger that holds a reference
   to this frame (through a page of ours it opened) cannot receive them either.

   Storage may be absent, disabled, full or corrupt: every access is guarded and reported as
   ok: false, never thrown. Stored data of the wrong shape is removed and reported as discarded. */
(() => {
  "use strict";
  const SITE_ROOT = new URL("../../", window.location.href).href;
  const SITE_ID = /^[A-Za-z0-9._-]{1,100}$/;
  const EXERCISE_ID = /^[a-z0-9-]{1,200}$/;
  const MAX_ANSWER_ITEMS = 200;
  const keyOf = (site) => "curriculum:" + site + ":progress";
  const opaque = window.location.protocol === "file:" || window.location.origin === "null";

  function askedByOurPage(event) {
    if (window.parent === window || event.source !== window.parent) return false;
    if (!opaque) return event.origin === window.location.origin;
    const ancestors = window.location.ancestorOrigins;
    if (!ancestors) return false;
    return Array.from(ancestors).every((origin) => origin === "null" || origin.startsWith(SITE_ROOT));
  }

  const storages = () => [window.localStorage, window.sessionStorage];

  // An answer as pages record it: a reflection's text, or per step (per statement) the values
  // chosen. The pages check answers against their exercises as they are now; here, only shape.
  const simple = (item) => typeof item === "string" || (typeof item === "number" && Number.isFinite(item));
  const validValue = (v) => typeof v === "string" || (Array.isArray(v) && v.length <= MAX_ANSWER_ITEMS
    && v.every((item) => simple(item) || (Array.isArray(item) && item.length <= MAX_ANSWER_ITEMS && item.every(simple))));
  const validAnswer = (a) => !!a && typeof a === "object" && !Array.isArray(a)
    && typeof a.done === "boolean" && validValue(a.v);
  const plainObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

  // The stored record, cleaned: { state: {version, answers, name?} | null, discarded }.
  function clean(text) {
    if (text === null) return { state: null, discarded: false };
    let data = null;
    try { data = JSON.parse(text); } catch (e) { /* corrupt: discarded below */ }
    if (!plainObject(data) || data.version !== 1 || !plainObject(data.answers)) return { state: null, discarded: true };
    const state = { version: 1, answers: {} };
    let discarded = false;
    Object.keys(data.answers).forEach((id) => {
      const answer = data.answers[id];
      if (EXERCISE_ID.test(id) && validAnswer(answer)) state.answers[id] = { v: answer.v, done: answer.done };
      else discarded = true;
    });
    if (typeof data.name === "string") state.name = data.name;
    else if (data.name !== undefined) discarded = true;
    return { state, discarded };
  }

  function write(key, state) {
    try { window.localStorage.setItem(key, JSON.stringify(state)); return true; } catch (e) { return false; }
  }

  // Reads, removing what does not fit (an exercise changed type, a hand-edited record, …).
  function read(key) {
    let text;
    try { text = window.localStorage.getItem(key); } catch (e) { return { ok: false, state: null, discarded: false }; }
    const found = clean(text);
    if (found.discarded) {
      try {
        if (found.state) window.localStorage.setItem(key, JSON.stringify(found.state));
        else window.localStorage.removeItem(key);
      } catch (e) { return { ok: false, state: found.state, discarded: true }; }
    }
    return { ok: true, state: found.state, discarded: found.discarded };
  }

  // Everything the site ever stored under its prefix, in every storage this file can reach.
  function forget(site) {
    const prefix = "curriculum:" + site + ":";
    try {
      storages().forEach((storage) => {
        for (let i = storage.length - 1; i >= 0; i -= 1) {
          const name = storage.key(i);
          if (name !== null && name.startsWith(prefix)) storage.removeItem(name);
        }
      });
      return storages().every((storage) => !Array.from({ length: storage.length }, (_, i) => storage.key(i))
        .some((name) => name !== null && name.startsWith(prefix)));
    } catch (e) { return false; }
  }

  // Changes that only apply while the reader remembers (a record exists): another tab may have
  // forgotten in the meantime, and nothing may bring the record back but "Remember" itself.
  function update(key, change) {
    const current = read(key);
    if (!current.ok) return { ok: false };
    if (!current.state) return { ok: true, remembering: false };
    change(current.state);
    return { ok: write(key, current.state), remembering: true };
  }

  function handle(request) {
    const key = keyOf(request.site);
    switch (request.op) {
      case "read": return read(key);
      case "remember": {
        const current = read(key);
        if (!current.ok) return { ok: false };
        const state = current.state || { version: 1, answers: {} };
        const given = plainObject(request.answers) ? request.answers : {};
        Object.keys(given).forEach((id) => {
          if (EXERCISE_ID.test(id) && validAnswer(given[id])) state.answers[id] = { v: given[id].v, done: given[id].done };
        });
        return { ok: write(key, state), state };
      }
      case "record":
        if (!EXERCISE_ID.test(String(request.exercise)) || !validAnswer(request.answer)) return { ok: false };
        return update(key, (state) => { state.answers[request.exercise] = { v: request.answer.v, done: request.answer.done }; });
      case "name":
        if (typeof request.name !== "string") return { ok: false };
        return update(key, (state) => { state.name = request.name; });
      case "drop":
        if (!Array.isArray(request.exercises)) return { ok: false };
        return update(key, (state) => request.exercises.forEach((id) => { delete state.answers[String(id)]; }));
      case "forget": return { ok: forget(request.site) };
      default: return { ok: false };
    }
  }

  window.addEventListener("message", (event) => {
    const request = event.data;
    if (!plainObject(request) || request.cx !== "storage" || !askedByOurPage(event)) return;
    if (typeof request.site !== "string" || !SITE_ID.test(request.site)) return;
    const reply = Object.assign({ cx: "storage-reply", id: request.id }, handle(request));
    window.parent.postMessage(reply, opaque ? "*" : window.location.origin);
  });
})();
