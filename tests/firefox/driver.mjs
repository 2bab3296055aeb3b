// Drives Debian's firefox-esr over WebDriver BiDi (puppeteer-core) through the scenarios that
// tests/test_firefox_browser.py asks for, and prints what it saw as one JSON object on stdout.
// The assertions live in pytest; this script only acts as a reader would and reports.
//
//   node tests/firefox/driver.mjs <config.json>
//
// config: { scenarios: [names], package: <extracted offline package>, site: <site folder inside
// it>, http: <the same site over http>, pages: [every .html of the package], fixture: <exercise
// fixture site>, stranger: <an HTML file outside the site>, and each scenario's details }
//
// Firefox runs with a fresh profile and user.js pref remote.prefs.recommended = false: otherwise
// its remote agent turns security.fileuri.strict_origin_policy off, and every file:// page would
// share one storage — exactly the behaviour readers do not have.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const STEP_TIMEOUT_MS = 15000;
// The remote agent's own defaults, minus the one that matters (see above): no updates, telemetry
// or other background traffic, and keyboard focus that behaves in a headless window.
const PREFS = {
  "remote.prefs.recommended": false,
  "app.update.disabledForTesting": true,
  "browser.shell.checkDefaultBrowser": false,
  "browser.startup.homepage_override.mstone": "ignore",
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "browser.safebrowsing.downloads.enabled": false,
  "browser.safebrowsing.blockedURIs.enabled": false,
  "browser.newtabpage.activity-stream.testing.shouldInitializeFeeds": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "datareporting.healthreport.uploadEnabled": false,
  "toolkit.telemetry.server": "",
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "services.settings.server": "data:,#remote-settings-dummy/v1",
  "app.normandy.api_url": "",
  "extensions.update.enabled": false,
  "extensions.getAddons.cache.enabled": false,
  "focusmanager.testmode": true,
  "startup.homepage_welcome_url": "about:blank",
};

// Reports policy violations as console errors, in every frame, so the watch below sees them.
const REPORT_VIOLATIONS = () => document.addEventListener("securitypolicyviolation", (event) =>
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`));

const url = (path) => pathToFileURL(path).href;

async function launchFirefox() {
  const profile = mkdtempSync(join(tmpdir(), "firefox-profile-"));
  writeFileSync(join(profile, "user.js"), Object.entries(PREFS)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(""));
  const firefox = spawn("firefox-esr", ["--headless", "--no-remote", "--remote-debugging-port=0",
    "-profile", profile], { stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Firefox did not start:\n${seen}`)), 60000);
    firefox.stderr.on("data", (chunk) => {
      seen += chunk;
      const found = seen.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    firefox.on("exit", (code) => reject(new Error(`Firefox exited (${code}):\n${seen}`)));
  });
  const browser = await puppeteer.connect({ browserWSEndpoint: `${endpoint}/session`, protocol: "webDriverBiDi" });
  const stop = async () => {
    await browser.close().catch(() => {});
    firefox.kill();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, stop };
}

// A new tab in a container of its own (its own storage), watched for errors and requests.
async function openTab(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await page.setViewport({ width: 1280, height: 900 });
  const watch = { errors: [], requests: [] };
  page.on("console", (message) => { if (message.type() === "error") watch.errors.push(message.text()); });
  page.on("pageerror", (error) => watch.errors.push(String(error.message || error)));
  page.on("request", (request) => watch.requests.push(request.url()));
  await page.evaluateOnNewDocument(REPORT_VIOLATIONS);
  const outside = () => watch.requests.filter((address) => !/^(file|data|about|blob):/.test(address));
  return { context, page, watch, outside };
}

const text = (page, selector) => page.$eval(selector, (element) => element.innerText.trim());
const statusOf = (page, selector) => page.waitForFunction(
  (sel) => { const element = document.querySelector(sel); return element && element.innerText.trim(); },
  {}, selector).then((handle) => handle.jsonValue());

// Everything a page's own origin holds: both storages and the IndexedDB databases.
const STORED = async () => {
  const entries = (storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) =>
    [storage.key(i), storage.getItem(storage.key(i))]));
  const databases = indexedDB.databases ? (await indexedDB.databases()).map((db) => db.name) : [];
  return { local: entries(localStorage), session: entries(sessionStorage), databases };
};

// The learner's view of one page's exercises: what is chosen and typed, and the box.
const CONTROLS = () => ({
  remember: document.querySelector("#cx-remember")?.checked ?? null,
  checked: Array.from(document.querySelectorAll(".cx input:checked")).map((input) => input.id),
  texts: Array.from(document.querySelectorAll(".cx textarea")).map((area) => area.value),
  status: document.querySelector(".cx-remember > .cx-status")?.innerText.trim() ?? "",
});

// The store's own storage: storage.html opened on its own shares it (and does nothing else).
async function storeContents(context, site) {
  const page = await context.newPage();
  await page.goto(url(join(site, "assets/curriculum/storage.html")));
  const stored = await page.evaluate(STORED);
  await page.close();
  return stored;
}

async function waitUntilStored(context, site, key, wanted) {
  const page = await context.newPage();
  await page.goto(url(join(site, "assets/curriculum/storage.html")));
  await page.waitForFunction((name, fragment) => (localStorage.getItem(name) || "").includes(fragment),
    { timeout: STEP_TIMEOUT_MS }, key, wanted);
  await page.close();
}

// The page has shown the remember box and had the store's first reply.
const rememberBoxReady = (page) => page.waitForSelector("[data-cx-remember][data-cx-synced]:not([hidden])");

const scenarios = {
  // Every page of the extracted package: no console error, no policy violation, nothing leaves.
  // Two tabs share the pages: each page also starts Material's search worker, which dominates.
  async crawl(browser, config) {
    const tabs = await Promise.all([openTab(browser), openTab(browser)]);
    const errors = [];
    let visited = 0;
    await Promise.all(tabs.map(async ({ page, watch }, tab) => {
      for (const path of config.pages.filter((_, i) => i % tabs.length === tab)) {
        watch.errors.length = 0;
        await page.goto(url(path), { waitUntil: "load" });
        errors.push(...watch.errors.map((error) => `${path}: ${error}`));
        visited += 1;
      }
    }));
    return { visited, errors, outside: tabs.flatMap(({ outside }) => outside()) };
  },

  // Search in every language, typed as a reader types (Material searches on keyup).
  async search(browser, config) {
    const { page, watch, outside } = await openTab(browser);
    const results = {};
    for (const [language, { folder, word }] of Object.entries(config.searches)) {
      await page.goto(url(join(config.site, folder, "index.html")));
      await page.keyboard.press("/"); // Material's shortcut to the search field
      await page.keyboard.type(word, { delay: 20 });
      // Letters a US keyboard lacks (Arabic, Russian, Chinese) are typed as inserted text, with
      // no key released: a key is released after them, or the word is only searched if the index
      // was still loading when typing ended.
      await page.keyboard.press("End");
      await page.waitForSelector(".md-search-result__item", { timeout: 30000 });
      results[language] = {
        word,
        count: await page.$$eval(".md-search-result__item", (items) => items.length),
        first: await text(page, ".md-search-result__item"),
      };
    }
    return { results, errors: watch.errors, outside: outside() };
  },

  // A choice exercise by keyboard alone: arrows move the choice without checking, Enter checks.
  async keyboard(browser, config) {
    const { context, page, watch, outside } = await openTab(browser);
    const { lesson, choice } = config.keyboard;
    await page.goto(url(join(config.site, lesson)));
    await rememberBoxReady(page);
    // Options are shown shuffled: the arrow moves the choice to the second one on screen.
    await page.focus(`#cx-${choice} .cx-options input`);
    await page.keyboard.press("ArrowDown");
    const afterArrow = {
      moved: await page.$$eval(`#cx-${choice} .cx-options input`, (inputs) => inputs[1].checked),
      status: await text(page, `#cx-${choice} .cx-status`),
    };
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.className);
    await page.keyboard.press("Enter");
    const status = await statusOf(page, `#cx-${choice} .cx-status`);
    return { afterArrow, focused, status, page: await page.evaluate(STORED),
             store: await storeContents(context, config.site), errors: watch.errors, outside: outside() };
  },

  // Remember on two lessons (two languages), Forget on the second: nothing may be left anywhere.
  async rememberThenForget(browser, config) {
    const { context, page, watch, outside } = await openTab(browser);
    const { first, second, key } = config.remember;
    const seen = {};
    await page.goto(url(join(config.site, first.page)));
    await rememberBoxReady(page);
    await page.click("#cx-remember");
    seen.rememberedStatus = await statusOf(page, ".cx-remember > .cx-status");
    await page.type(`#cx-${first.reflection}-text`, first.text);
    await waitUntilStored(context, config.site, key, first.text);
    await page.goto(url(join(config.site, second.page)));
    await rememberBoxReady(page);
    seen.secondBefore = await page.evaluate(CONTROLS);
    await page.click(`#cx-${second.choice}-2`);
    await page.click(`#cx-${second.choice} .cx-check`);
    await waitUntilStored(context, config.site, key, second.choice);
    seen.storeWhileRemembering = await storeContents(context, config.site);
    await page.goto(url(join(config.site, first.page)));
    await rememberBoxReady(page);
    seen.firstRestored = await page.evaluate(CONTROLS);
    await page.goto(url(join(config.site, second.page)));
    await rememberBoxReady(page);
    await page.click(".cx-remember .cx-forget");
    seen.forgetStatus = await statusOf(page, ".cx-remember > .cx-status");
    seen.secondAfterForget = await page.evaluate(CONTROLS);
    seen.secondOwn = await page.evaluate(STORED);
    await page.goto(url(join(config.site, first.page)));
    await rememberBoxReady(page);
    seen.firstAfterForget = await page.evaluate(CONTROLS);
    seen.firstOwn = await page.evaluate(STORED);
    seen.store = await storeContents(context, config.site);
    return { ...seen, errors: watch.errors, outside: outside() };
  },

  // Over http, as a laptop serves a room: the same one store, and Forget from another lesson.
  async overHttp(browser, config) {
    const { page, watch } = await openTab(browser);
    const notFound = [];
    page.on("response", (response) => { if (response.status() >= 400) notFound.push(response.url()); });
    const { first, second, key } = config.remember;
    await page.goto(config.http + first.page);
    await rememberBoxReady(page);
    await page.click("#cx-remember");
    await page.type(`#cx-${first.reflection}-text`, first.text);
    await page.waitForFunction((name, typed) => (localStorage.getItem(name) || "").includes(typed), {},
      key, first.text);
    await page.goto(config.http + second.page);
    await rememberBoxReady(page);
    const secondBefore = await page.evaluate(CONTROLS);
    await page.click(".cx-remember .cx-forget");
    const forgetStatus = await statusOf(page, ".cx-remember > .cx-status");
    return { secondBefore, forgetStatus, stored: await page.evaluate(STORED), errors: watch.errors, notFound };
  },

  // Without Remember, nothing typed or chosen survives a reload, or a return by Back.
  async nothingRestored(browser, config) {
    const { context, page, watch } = await openTab(browser);
    const { lesson, reflection, choice, elsewhere } = config.restore;
    const answer = async () => {
      await page.type(`#cx-${reflection}-text`, "Something private.");
      await page.click(`#cx-${choice}-2`);
    };
    await page.goto(url(join(config.site, lesson)));
    await rememberBoxReady(page);
    await answer();
    const typed = await page.evaluate(CONTROLS);
    await page.reload({ waitUntil: "load" });
    await rememberBoxReady(page);
    const afterReload = await page.evaluate(CONTROLS);
    await answer();
    await page.goto(url(join(config.site, elsewhere)));
    // Back may show the page from the back-forward cache, without a load event.
    await page.evaluate(() => history.back());
    await page.waitForFunction((path) => location.pathname.endsWith(path) && document.readyState === "complete",
      {}, lesson);
    await rememberBoxReady(page);
    const afterBack = await page.evaluate(CONTROLS);
    const fromCache = await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.type);
    return { typed, afterReload, afterBack, fromCache, page: await page.evaluate(STORED),
             store: await storeContents(context, config.site), errors: watch.errors };
  },

  // Stored answers of the wrong shape: dropped, the reader told once, and Forget still works.
  async badData(browser, config) {
    const { context, page, watch } = await openTab(browser);
    const { key, lesson, records } = config.badData;
    const seen = [];
    for (const record of records) {
      const store = await context.newPage();
      await store.goto(url(join(config.site, "assets/curriculum/storage.html")));
      await store.evaluate((name, value) => localStorage.setItem(name, value), key, record);
      await page.goto(url(join(config.site, lesson)));
      await rememberBoxReady(page);
      const loaded = await page.evaluate(CONTROLS);
      const kept = await store.evaluate((name) => localStorage.getItem(name), key);
      await page.click(".cx-remember .cx-forget");
      const forgetStatus = await statusOf(page, ".cx-remember > .cx-status");
      const left = await store.evaluate((name) => localStorage.getItem(name), key);
      await store.close();
      seen.push({ record, loaded, kept, forgetStatus, left });
    }
    return { seen, errors: watch.errors };
  },

  // Another local file frames the store (and a lesson) and asks for the answers.
  async stranger(browser, config) {
    const { context, page } = await openTab(browser);
    const { first, key } = config.remember;
    await page.goto(url(join(config.site, first.page)));
    await rememberBoxReady(page);
    await page.click("#cx-remember");
    await page.type(`#cx-${first.reflection}-text`, first.text);
    await waitUntilStored(context, config.site, key, first.text);
    await page.goto(url(config.stranger));
    await page.waitForFunction(() => window.strangerDone === true, { timeout: 20000 });
    const heard = await page.evaluate(() => window.heard);
    await page.goto(url(join(config.site, first.page)));
    await rememberBoxReady(page);
    await page.click(".cx-remember .cx-forget");
    await statusOf(page, ".cx-remember > .cx-status");
    return { heard, store: await storeContents(context, config.site) };
  },

  // The progress page lists what was remembered on a lesson, and forgets it.
  async progress(browser, config) {
    const { context, page, watch } = await openTab(browser);
    const { lesson, reflection, progressPage, key } = config.progress;
    await page.goto(url(join(config.fixture, lesson)));
    await rememberBoxReady(page);
    await page.click("#cx-remember");
    await page.type(`#cx-${reflection}-text`, "They listened.");
    await waitUntilStored(context, config.fixture, key, "They listened.");
    await page.goto(url(join(config.fixture, progressPage)));
    await page.waitForSelector("[data-cx-progress][data-cx-synced]");
    const listed = await statusOf(page, ".cx-progress-list");
    await page.type("#cx-progress-name", "Sam");
    await waitUntilStored(context, config.fixture, key, "Sam");
    await page.click(".cx-progress .cx-forget");
    const forgetStatus = await statusOf(page, ".cx-progress > .cx-status");
    const after = await text(page, ".cx-progress-list");
    return { listed, forgetStatus, after, store: await storeContents(context, config.fixture),
             errors: watch.errors };
  },

  // Quick exit: three presses of Shift alone, and the exit control by keyboard.
  async quickExit(browser, config) {
    const { page, watch, outside } = await openTab(browser);
    const seen = {};
    for (const [language, folder] of Object.entries(config.exit.folders)) {
      await page.goto(url(join(config.site, folder, config.exit.lesson)));
      const left = page.waitForNavigation();
      for (let i = 0; i < 3; i += 1) await page.keyboard.press("Shift");
      await left;
      seen[language] = await page.evaluate(() => ({
        url: location.href, title: document.title, text: document.body.innerText.trim() }));
    }
    await page.goto(url(join(config.site, config.exit.lesson)));
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement.textContent.trim());
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    const byButton = await page.evaluate(() => location.href);
    return { seen, first, byButton, errors: watch.errors, outside: outside() };
  },
};

async function main() {
  const config = JSON.parse(readFileSync(process.argv[2], "utf-8"));
  const launched = Date.now();
  const { browser, stop } = await launchFirefox();
  const report = { version: await browser.version(), startSeconds: (Date.now() - launched) / 1000, scenarios: {} };
  try {
    for (const name of config.scenarios) {
      const started = Date.now();
      try {
        report.scenarios[name] = await scenarios[name](browser, config);
      } catch (error) {
        report.scenarios[name] = { failed: String(error.stack || error) };
      }
      report.scenarios[name].seconds = (Date.now() - started) / 1000;
      await Promise.all((browser.browserContexts()).filter((c) => c !== browser.defaultBrowserContext())
        .map((c) => c.close().catch(() => {})));
    }
  } finally {
    await stop();
  }
  process.stdout.write(JSON.stringify(report));
}

main().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
