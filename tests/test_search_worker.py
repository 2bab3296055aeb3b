"""Our search worker makes a reader's query alike the index's words: run in Node.js, with lunr and
Material's worker stubbed (the whole search, with lunr's stemmers and Chinese pairs, runs in
Chromium in test_i18n_browser.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

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


def made_alike(worker: Path, queries: list[str], bigrams: bool = False) -> list[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed: run .ci/run or apt-get install nodejs")
    result = subprocess.run([node, "-e", RUN_WORKER, str(worker), json.dumps(queries),
                             f"{WORKER_FOLDER}/{WORKER_NAME}",
                             json.dumps({"stemmer": None, "bigrams": bigrams})],
                            capture_output=True, text=True, check=True, timeout=60)
    return json.loads(result.stdout)


@pytest.mark.parametrize(("query", "alike"), [
    ("égalité", "egalite"), ("Écouter", "ecouter"), ("niño", "nino"), ("cœur", "coeur"),
    ("العمل", "عمل"), ("والعمل", "عمل"), ("للعمل", "عمل"), ("أَمان", "امان"), ("ال", "ال"),
    ("trust", "trust"), ("Ещё", "еще"), ("Ação", "acao"),
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
