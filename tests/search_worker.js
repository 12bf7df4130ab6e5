// The search worker a built site's pages use, answering many queries in Node.
//
//   node tests/search_worker.js SITE_DIR < queries.json > results.json
//
// queries.json is a JSON array of strings, each typed as a reader types it into the search
// box. The worker the home page names in its configuration (this edition's, which loads
// Material's search.*.min.js; or Material's own on a plain build) and the scripts it imports
// run unchanged in a sandbox that stands in for a Web Worker's global scope; the index is the site's search/search_index.json, handed over exactly as Material's
// page hands it over (config, docs and the options the page would send). Each answer is
// Material's own result: the groups of items, one group per page, best first, each item
// with its location, score and the query terms it matched, as the result list renders them.
// With each answer, what was searched when the worker replaced a word ("searched", as the
// page is told it) and what the reader is told of it ("said"), or null. The output also gives the median time per query, in milliseconds.
"use strict"

const fs = require("fs")
const path = require("path")
const vm = require("vm")

const site = process.argv[2]
if (!site) {
  process.stderr.write("usage: node tests/search_worker.js SITE_DIR < queries.json\n")
  process.exit(2)
}
const home = fs.readFileSync(path.join(site, "index.html"), "utf8")
const config = JSON.parse(/<script id="__config" type="application\/json">(.*?)<\/script>/s.exec(home)[1])
const worker = new URL(config.search, "file:///")
const script = path.basename(worker.pathname)
const workers = path.join(site, path.dirname(worker.pathname))
if (!fs.existsSync(path.join(workers, script))) {
  process.stderr.write(`no search worker at ${path.join(workers, script)}\n`)
  process.exit(2)
}

// The worker's global scope: messages in and out, and importScripts relative to the worker.
let onMessage = null
let answer = null
let searched = null, said = null
const scope = {
  console,
  atob,
  location: { search: worker.search },
  BroadcastChannel: class { postMessage(message) { searched = message.searched; said = message.said } },
  addEventListener: (type, listener) => { if (type === "message") onMessage = listener },
  postMessage: message => answer(message),
  importScripts: (...urls) => {
    for (const url of urls)
      vm.runInContext(fs.readFileSync(path.resolve(workers, url), "utf8"), scope, { filename: url })
  }
}
scope.self = scope
vm.createContext(scope)
vm.runInContext(fs.readFileSync(path.join(workers, script), "utf8"), scope, { filename: script })

// Material's message types (integrations/search/worker/message): setup 0, ready 1, query 2, result 3.
function send(message) {
  return new Promise(resolve => {
    answer = resolve
    onMessage({ data: message })
  })
}

async function main() {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"))
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"))
  const features = config.features
  const ready = await send({
    type: 0,
    data: { config: index.config, docs: index.docs, options: { suggest: features.includes("search.suggest") } }
  })
  if (ready.type !== 1) throw new Error(`the worker did not get ready: ${JSON.stringify(ready)}`)
  const times = []
  const results = []
  const corrections = []
  const told = []
  for (const query of queries) {
    searched = said = null
    const start = process.hrtime.bigint()
    const result = await send({ type: 2, data: query })
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    results.push(result.data.items.map(group => group.map(item => ({
      location: item.location, score: item.score, terms: item.terms, text: item.text
    }))))
    corrections.push(searched)
    told.push(said)
  }
  times.sort((a, b) => a - b)
  process.stdout.write(JSON.stringify({ results, searched: corrections, said: told, median_ms: times.length ? times[times.length >> 1] : 0 }))
}

main().catch(error => {
  process.stderr.write(`${error.stack || error}\n`)
  process.exit(1)
})
