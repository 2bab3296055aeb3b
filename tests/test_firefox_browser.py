"""The offline package in Debian's Firefox ESR over file://, driven over WebDriver BiDi.

Firefox gives every file:// page its own storage (strict file-origin policy, on by default), so
remembered answers must live in the site's one store, assets/curriculum/storage.html. Node runs
tests/firefox/driver.mjs (puppeteer-core from package-lock.json, installed by `make test`) once
for every scenario below, in one Firefox with a fresh profile; each test checks one scenario.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import LANGUAGES, ROOT, language_prefix
from curriculum_site.catalog import load_catalog
from curriculum_site.package import PackageResult
from exercises.test_plugin_build import PAGES, make_project, run_build
from exercises.test_plugin_build import SITE_ID as FIXTURE_SITE_ID
from test_foundation_browser import word_only_in

pytestmark = pytest.mark.browser

DRIVER = ROOT / "tests" / "firefox" / "driver.mjs"
DRIVER_TIMEOUT_S = 400
PUPPETEER = ROOT / "node_modules" / "puppeteer-core"
SITE_ID = yaml.safe_load((ROOT / "curriculum/curriculum.yml").read_text(encoding="utf-8"))["site_id"]
KEY = f"curriculum:{SITE_ID}:progress"
CATALOG = yaml.safe_load((ROOT / "translations/en/ui.yml").read_text(encoding="utf-8"))
FOLDERS = {language: language_prefix(language) for language in LANGUAGES}
FIRST = {"page": "modules/02-building-trust/lesson.html", "reflection": "building-trust-reflect",
         "text": "They listened first."}
SECOND = {"page": "fr/modules/03-meaningful-participation/lesson.html",
          "choice": "meaningful-participation-check-1"}
# What an exercise's id held before it changed type, or a record of the wrong shape altogether.
BAD_RECORDS = [
    json.dumps({"version": 1, "answers": {"building-trust-check-1": {"v": "abc", "done": True}}}),
    json.dumps({"version": 1, "answers": []}),
    "{not json",
]
SCENARIOS = ["crawl", "search", "keyboard", "rememberThenForget", "overHttp", "nothingRestored",
             "badData", "stranger", "progress", "quickExit"]
# Written outside the site: frames the store and a lesson, and asks both for the answers.
STRANGER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Another local file</title></head>
<body>
<iframe id="store" src="{store}"></iframe>
<iframe id="lesson" src="{lesson}"></iframe>
<script>
window.heard = [];
window.addEventListener("message", (event) => window.heard.push(JSON.stringify(event.data)));
const ask = (target) => target.postMessage({{cx: "storage", id: 1, op: "read", site: "{site}"}}, "*");
document.getElementById("store").addEventListener("load", (event) => ask(event.target.contentWindow));
document.getElementById("lesson").addEventListener("load", (event) => setTimeout(() => {{
  const lesson = event.target.contentWindow;
  for (let i = 0; i < lesson.length; i += 1) ask(lesson[i]);
}}, 1000));
setTimeout(() => {{ window.strangerDone = true; }}, 4000);
</script>
</body></html>
"""


def _require_tools() -> str:
    firefox, node = shutil.which("firefox-esr"), shutil.which("node")
    if firefox is None or node is None:
        pytest.fail("Debian's firefox-esr and Node.js are needed: run .ci/run, or apt-get install "
                    "firefox-esr nodejs npm")
    if not PUPPETEER.is_dir():
        pytest.fail("puppeteer-core is not installed: run `make test` (it runs `npm ci`)")
    return node


@pytest.fixture(scope="module")
def firefox(real_site: Path, real_package: PackageResult, serve,  # noqa: ANN001
            tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every scenario's report, from one run of the driver."""
    node = _require_tools()
    work = tmp_path_factory.mktemp("firefox")
    package = work / "package"
    with zipfile.ZipFile(real_package.zip_path) as archive:
        archive.extractall(package)
    site = package / "site"
    fixture = make_project(work / "exercises", PAGES)
    run_build(fixture)
    stranger = work / "stranger.html"
    stranger.write_text(STRANGER.format(
        store=(site / "assets/curriculum/storage.html").as_uri(), lesson=(site / FIRST["page"]).as_uri(),
        site=SITE_ID), encoding="utf-8")
    config = {
        "scenarios": SCENARIOS,
        "site": str(site),
        "pages": sorted(str(p) for p in package.rglob("*.html")),
        "fixture": str(fixture / "site"),
        "stranger": str(stranger),
        "searches": {language: {"folder": FOLDERS[language], "word": word_only_in(real_site, language)}
                     for language in LANGUAGES},
        "keyboard": {"lesson": FIRST["page"], "choice": "building-trust-check-1"},
        "remember": {"first": FIRST, "second": SECOND, "key": KEY},
        "restore": {"lesson": FIRST["page"], "reflection": FIRST["reflection"],
                    "choice": "building-trust-check-1", "elsewhere": "privacy.html"},
        "badData": {"key": KEY, "lesson": FIRST["page"], "records": BAD_RECORDS},
        "progress": {"lesson": "modules/trust/lesson.html", "reflection": "trust-building-reflect",
                     "progressPage": "progress.html", "key": f"curriculum:{FIXTURE_SITE_ID}:progress"},
        "exit": {"lesson": "modules/04-do-no-harm/lesson.html", "folders": FOLDERS},
        "http": serve(site),
    }
    (work / "config.json").write_text(json.dumps(config), encoding="utf-8")
    stdout, stderr, code = _run_driver([node, str(DRIVER), str(work / "config.json")])
    assert code == 0, stderr[-4000:]
    (work / "report.json").write_text(stdout, encoding="utf-8")  # to read when a test fails
    report = json.loads(stdout)
    assert report["version"].lower().startswith("firefox"), report["version"]
    return report["scenarios"]


def _run_driver(command: list[str]) -> tuple[str, str, int]:
    """Runs the driver in a process group of its own, so that a timeout also ends its Firefox."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=ROOT, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=DRIVER_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        pytest.fail(f"the Firefox driver took over {DRIVER_TIMEOUT_S} s:\n{stderr[-4000:]}")
    return stdout, stderr, process.returncode


def _scenario(firefox: dict[str, Any], name: str) -> dict[str, Any]:
    seen = firefox[name]
    assert "failed" not in seen, seen["failed"]
    return seen


def _nothing_stored(stored: dict[str, Any]) -> bool:
    return stored == {"local": {}, "session": {}, "databases": []}


def test_every_page_of_the_package_loads_without_an_error(firefox) -> None:
    seen = _scenario(firefox, "crawl")
    assert seen["visited"] > 150
    assert seen["errors"] == []
    assert seen["outside"] == []


def test_search_finds_a_word_in_every_language(firefox) -> None:
    seen = _scenario(firefox, "search")
    assert set(seen["results"]) == set(LANGUAGES)
    for language, found in seen["results"].items():
        assert found["count"] >= 1, language
    assert seen["errors"] == [] and seen["outside"] == []


def test_an_exercise_answered_by_keyboard_alone_stores_nothing(firefox) -> None:
    seen = _scenario(firefox, "keyboard")
    assert seen["afterArrow"] == {"moved": True, "status": ""}  # arrows never check
    assert "cx-check" in seen["focused"].split()
    results = {CATALOG[f"exercises.result_{kind}"] for kind in ("correct", "partial", "other")}
    assert seen["status"].splitlines()[0] in results  # feedback for the option chosen follows
    assert _nothing_stored(seen["page"]) and _nothing_stored(seen["store"])
    assert seen["errors"] == [] and seen["outside"] == []


def test_remember_covers_every_lesson_and_forget_on_one_erases_everything(firefox) -> None:
    seen = _scenario(firefox, "rememberThenForget")
    assert seen["rememberedStatus"] == "Your answers will be remembered on this device."
    # Remembering on an English lesson covers a French one: the box is ticked there at once.
    assert seen["secondBefore"]["remember"] is True
    stored = json.loads(seen["storeWhileRemembering"]["local"][KEY])
    assert stored["answers"][FIRST["reflection"]] == {"v": FIRST["text"], "done": True}
    assert stored["answers"][SECOND["choice"]]["v"] == [["2"]]
    assert seen["firstRestored"]["texts"][0] == FIRST["text"] and seen["firstRestored"]["remember"]
    assert seen["forgetStatus"] == "Vos réponses ont été effacées de cet appareil."
    # The page Forget was pressed on still shows what the reader has on screen; nothing else does.
    assert seen["secondAfterForget"]["remember"] is False
    after = seen["firstAfterForget"]
    assert after["remember"] is False and after["checked"] == [] and set(after["texts"]) == {""}
    assert _nothing_stored(seen["store"])
    assert _nothing_stored(seen["firstOwn"]) and _nothing_stored(seen["secondOwn"])
    assert seen["errors"] == [] and seen["outside"] == []


def test_over_http_remember_covers_every_lesson_and_forget_erases_everything(firefox) -> None:
    seen = _scenario(firefox, "overHttp")
    assert seen["secondBefore"]["remember"] is True
    assert seen["forgetStatus"] == "Vos réponses ont été effacées de cet appareil."
    assert _nothing_stored(seen["stored"])
    assert seen["notFound"] == [] and seen["errors"] == []


def test_nothing_typed_or_chosen_comes_back_after_reload_or_back(firefox) -> None:
    seen = _scenario(firefox, "nothingRestored")
    assert seen["typed"]["texts"][0] == "Something private." and seen["typed"]["checked"]
    for after in (seen["afterReload"], seen["afterBack"]):
        assert after["checked"] == [] and set(after["texts"]) == {""} and after["remember"] is False
    assert _nothing_stored(seen["page"]) and _nothing_stored(seen["store"])
    assert seen["errors"] == []


def test_stored_answers_of_the_wrong_shape_are_dropped_and_forget_still_works(firefox) -> None:
    seen = _scenario(firefox, "badData")
    discarded = "Some remembered answers no longer matched the current exercises and were removed."
    changed_type, wrong_answers, corrupt = seen["seen"]
    # The record itself was sound: it stays, without the answer that no longer fits.
    assert changed_type["loaded"]["remember"] is True and changed_type["loaded"]["checked"] == []
    assert changed_type["loaded"]["status"] == discarded
    assert json.loads(changed_type["kept"]) == {"version": 1, "answers": {}}
    for broken in (wrong_answers, corrupt):  # nothing usable: removed, nothing claims to remember
        assert broken["loaded"]["remember"] is False and broken["loaded"]["status"] == discarded
        assert broken["kept"] is None
    for case in seen["seen"]:
        assert case["forgetStatus"] == "Your answers have been erased from this device."
        assert case["left"] is None
    assert seen["errors"] == []


def test_another_local_file_cannot_read_the_answers(firefox) -> None:
    seen = _scenario(firefox, "stranger")
    assert seen["heard"] == []
    assert _nothing_stored(seen["store"])


def test_the_progress_page_lists_and_forgets_remembered_answers(firefox) -> None:
    seen = _scenario(firefox, "progress")
    assert "1 of 4 exercises done" in seen["listed"]
    assert seen["forgetStatus"] == "Your answers have been erased from this device."
    assert seen["after"].startswith("Nothing is remembered on this device.")
    assert _nothing_stored(seen["store"])
    # The exercise fixture is a bare Material site without the offline plugin, whose search
    # worker Firefox refuses under file://; nothing else may err.
    assert [error for error in seen["errors"] if "workers/search" not in error] == []


def test_quick_exit_leaves_for_the_neutral_page_in_every_language(firefox) -> None:
    seen = _scenario(firefox, "quickExit")
    titles = {language: load_catalog(ROOT / "translations", language)["safety.neutral_title"]
              for language in LANGUAGES}
    for language, exit_page in seen["seen"].items():
        assert exit_page["url"].endswith(f"{FOLDERS[language]}new-tab.html")
        assert exit_page["title"] == titles[language] and exit_page["text"] == ""
    assert seen["first"] == "Exit this page" and seen["byButton"].endswith("/site/new-tab.html")
    assert seen["errors"] == [] and seen["outside"] == []
