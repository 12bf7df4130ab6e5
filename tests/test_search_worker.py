"""The edition's search worker stands between the page and Material's: the contract it relies on.

docs/assets/javascripts/workers/reader-search.js loads Material's worker with importScripts and
relies on how Material 9.8.2 talks to the page: its worker registers one "message" listener on
its global scope and answers each message with the global postMessage; setup (type 0) is
answered by ready (1), a query (2, the typed text) by a result (3) whose items are groups of
entries, one per page, each with its location, score and the query terms it matched. An upgrade
of Material that changes any of it fails here, before readers meet it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import material

from article.text import fold

MATERIAL_VERSION = "9.8.2"
WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"

# Material's worker alone in a stand-in for a worker's global scope: what it registers, what it answers.
PROTOCOL = r"""
const fs = require("fs"), vm = require("vm")
const [script, index] = process.argv.slice(1)
const listeners = [], answers = []
const scope = { console, addEventListener: (type, fn) => listeners.push([type, fn]), postMessage: m => answers.push(m) }
scope.self = scope
vm.createContext(scope)
vm.runInContext(fs.readFileSync(script, "utf8"), scope)
const { config, docs } = JSON.parse(fs.readFileSync(index, "utf8"))
const send = async data => { await listeners[0][1]({ data }); await new Promise(r => setTimeout(r, 10)) }
;(async () => {
  await send({ type: 0, data: { config, docs, options: { suggest: false } } })
  await send({ type: 2, data: "coca" })
  const result = answers[1]
  process.stdout.write(JSON.stringify({
    listeners: listeners.map(([type]) => type), types: answers.map(a => a.type),
    group: Object.keys(result.data.items[0][0]).filter(k => ["location", "score", "terms"].includes(k)).sort(),
    pages: result.data.items.map(group => new Set(group.map(i => i.location.split("#")[0])).size)
  }))
})()
"""


def config_of(page: Path) -> dict:
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                page.read_text(encoding="utf-8"), re.S)[1])


def test_materials_version_is_the_one_whose_worker_protocol_the_edition_relies_on():
    assert material.__version__ == MATERIAL_VERSION, (
        "re-read Material's search worker (integrations/search/worker) and update reader-search.js and this test")


def test_every_page_asks_for_the_editions_worker_which_names_materials_beside_it(site):
    materials = sorted(p.name for p in WORKERS.glob("search.*.min.js"))
    assert len(materials) == 1
    for page in (site / "index.html", site / "introduction" / "index.html"):
        url = config_of(page)["search"]
        assert re.fullmatch(rf"(\.\./)?assets/javascripts/workers/reader-search\.js\?{re.escape(materials[0])}", url)
    shipped = site / "assets" / "javascripts" / "workers"
    assert (shipped / materials[0]).read_bytes() == (WORKERS / materials[0]).read_bytes()
    assert (shipped / "reader-search.js").exists()


def test_materials_worker_answers_setup_and_queries_as_the_edition_worker_expects(site):
    script = next(WORKERS.glob("search.*.min.js"))
    out = subprocess.run(["node", "-e", PROTOCOL, str(script), str(site / "search" / "search_index.json")],
                         capture_output=True, text=True, check=True).stdout
    answer = json.loads(out)
    assert answer["listeners"] == ["message"]
    assert answer["types"] == [1, 3]                         # ready, then a result
    assert answer["group"] == ["location", "score", "terms"]
    assert set(answer["pages"]) == {1}                       # each group is one page's entries


def test_the_worker_and_the_highlighter_fold_every_word_of_the_index_as_the_build_does(site):
    """One fold: the rules the hook writes, applied in JavaScript, give what text.py gives."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = sorted({w for doc in index["docs"] for w in re.findall(r"[^\W\d_]+", f"{doc['text']} {doc.get('variants', '')}")})
    assert any(w != fold(w) for w in words)
    script = (r"""const fs = require("fs"); const self = {}; eval(fs.readFileSync(process.argv[1], "utf8"));
                 const marks = new RegExp(self.readerFold.marks, "gu");
                 const words = JSON.parse(fs.readFileSync(0, "utf8"));
                 process.stdout.write(JSON.stringify(words.map(w => w.normalize("NFKD").replace(marks, ""))))""")
    out = subprocess.run(["node", "-e", script, str(site / "assets" / "javascripts" / "workers" / "fold.js")],
                         input=json.dumps(words), capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [fold(w) for w in words]
