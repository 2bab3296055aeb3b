"""Our search worker makes a reader's query alike the index's words, and adds entries into the
same index lunr builds: run in Node.js, with lunr and Material's worker stubbed, or with the
theme's own (the whole search, with lunr's stemmers and Chinese pairs, runs in Chromium in
test_i18n_browser.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import material
import pytest

from curriculum_site.search.plugin import WORKER_FOLDER, WORKER_NAME, write_worker

# Loads the worker as Material's page would, with the messages Material sends: the index's set-up,
# then each query; prints the queries as Material's own listener then reads them.
RUN_WORKER = """
const fs = require("fs"), vm = require("vm");
const [worker, queries] = [process.argv[1], JSON.parse(process.argv[2])];
const listeners = [];
const context = { URL, console, location: { href: "file:///site/" + process.argv[3] } };
const settings = JSON.parse(process.argv[4]);
context.self = context;
context.addEventListener = (type, listener) => listeners.push(listener);
context.importScripts = () => {};
context.lunr = { Pipeline: { registerFunction() {} }, Builder: { prototype: { ref() {} } } };
vm.createContext(context);
vm.runInContext(fs.readFileSync(worker, "utf8"), context);
const send = data => {
  const event = { data };
  for (const listener of listeners) listener(event);
  return event.data;
};
send({ type: 0, data: { config: { curriculum: settings } } });
console.log(JSON.stringify(queries.map(query => send({ type: 2, data: query }).data)));
"""


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    (site / WORKER_FOLDER).mkdir(parents=True)
    write_worker(site, "search.0000.min.js")
    return site / WORKER_FOLDER / WORKER_NAME


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("Node.js is not installed: run .ci/run or apt-get install nodejs")
    return found


def made_alike(worker: Path, queries: list[str], bigrams: bool = False) -> list[str]:
    result = subprocess.run([node(), "-e", RUN_WORKER, str(worker), json.dumps(queries),
                             f"{WORKER_FOLDER}/{WORKER_NAME}",
                             json.dumps({"stemmer": None, "bigrams": bigrams})],
                            capture_output=True, text=True, check=True, timeout=60)
    return json.loads(result.stdout)


@pytest.mark.parametrize(("query", "alike"), [
    ("égalité", "egalite"), ("Écouter", "ecouter"), ("niño", "nino"), ("cœur", "coeur"),
    ("العمل", "عمل"), ("والعمل", "عمل"), ("للعمل", "عمل"), ("أَمان", "امان"), ("ال", "ال"),
    ("trust", "trust"), ("SWIT2013", "swit2013"), ("Ещё", "еще"), ("Ação", "acao"),
    ("район", "район"),  # Russian й is a letter of its own, not и with a mark
    ("信任", "信任"),
    # Query syntax stays: Material and lunr read it after the worker.
    ("+Égalité -cœur", "+egalite -coeur"), ("l’écoute", "l’ecoute"),
])
def test_a_query_is_folded_like_the_index_words(worker: Path, query: str, alike: str) -> None:
    assert made_alike(worker, [query]) == [alike]


def test_a_chinese_query_is_written_as_the_pairs_the_index_holds(worker: Path) -> None:
    assert made_alike(worker, ["建立信任", "信任", "信", "HIV检测 倾听"], bigrams=True) == [
        "建立 立信 信任", "信任", "信", "hiv检测 倾听"]


def test_the_worker_loads_materials_worker_from_beside_itself(worker: Path) -> None:
    assert worker.read_text(encoding="utf-8").startswith('const MATERIAL_WORKER = "search.0000.min.js";\n')


# Builds an index as Material's worker does, through our worker, twice from the same entries:
# with our worker's way of adding entries, then with lunr's own (a setter on lunr's prototype
# that ignores the builder's own "add"); prints both indexes as lunr serialises them.
BUILD_BOTH_WAYS = """
const fs = require("fs"), vm = require("vm");
const [worker, index] = [process.argv[1], JSON.parse(process.argv[2])];
function build(lunrsOwnAdd) {
  const listeners = [];
  let ready;
  const done = new Promise(resolve => ready = resolve);
  const context = { URL, console, location: { href: new URL(worker, "file:///").href } };
  context.self = context;
  context.addEventListener = (type, listener) => listeners.push(listener);
  context.postMessage = ready;
  context.importScripts = (...urls) => {
    for (const url of urls) vm.runInContext(fs.readFileSync(new URL(url, context.location.href)), context);
  };
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(worker, "utf8"), context);
  const lunr = context.lunr, build = lunr.Builder.prototype.build;
  let built;
  lunr.Builder.prototype.build = function () { return built = build.call(this); };
  if (lunrsOwnAdd) {
    const add = lunr.Builder.prototype.add;
    Object.defineProperty(lunr.Builder.prototype, "add", { get: () => add, set() {} });
  }
  const data = { config: index.config, docs: index.docs, options: { suggest: true } };
  for (const listener of listeners) listener({ data: { type: 0, data } });
  return done.then(() => JSON.stringify(built));
}
(async () => console.log(JSON.stringify([await build(false), await build(true)])))();
"""
MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates/assets/javascripts"


def index_of(language: str, settings: dict[str, object], docs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"config": {"lang": [language], "separator": r"[\s\-,.，。]+", "pipeline": ["stopWordFilter"],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
                       "curriculum": {"stemmer": None, "bigrams": False, **settings}},
            "docs": docs}


@pytest.mark.parametrize("index", [
    index_of("fr", {}, [
        {"location": "a.html", "title": "Égalité", "text": "<p>L’égalité, l’écoute, l’égalité.</p>"},
        {"location": "a.html#b", "title": "Écoute", "text": "<ul><li>Écouter et écouter</li></ul>"},
        {"location": "c.html", "title": "Cœur", "text": "", "boost": 0.3}]),
    index_of("ru", {"stemmer": "ru"}, [
        {"location": "a.html", "title": "Доверие", "text": "<p>Доверия нет без доверия в районе.</p>"},
        {"location": "b.html", "title": "Район", "text": "<p>Ещё одно доверие.</p>"}]),
    index_of("zh", {"bigrams": True}, [
        {"location": "a.html", "title": "建立信任", "text": "<p>建立信任需要时间，信任建立之后。</p>"},
        {"location": "b.html", "title": "HIV检测", "text": "<p>倾听和信任。HIV检测</p>"}]),
], ids=["fr", "ru", "zh"])
def test_entries_are_added_leaner_into_the_very_index_lunr_builds(tmp_path: Path,
                                                                  index: dict[str, Any]) -> None:
    shutil.copytree(MATERIAL_SCRIPTS, tmp_path / "assets/javascripts")
    material_worker = next((tmp_path / WORKER_FOLDER).glob("search.*.min.js")).name
    write_worker(tmp_path, material_worker)
    result = subprocess.run([node(), "-e", BUILD_BOTH_WAYS, str(tmp_path / WORKER_FOLDER / WORKER_NAME),
                             json.dumps(index)], capture_output=True, text=True, check=True, timeout=60)
    ours, lunrs = json.loads(result.stdout)
    assert ours == lunrs
    assert json.loads(ours)["invertedIndex"], "the entries' words are in the index"
