// The edition's search worker: Material's own, with two things added between it and the page
// (hand-written; not generated). scripts/overrides/main.html points the page at this file and
// names Material's worker after the "?"; tests/test_search_worker.py pins the messages relied on.
//
// - A typed word that is no word of the index, nor the start of one, is replaced by the words
//   of the index nearest to it (Damerau–Levenshtein distance 1 for 4 to 7 letters, 2 for 8 and
//   more; the most frequent first, three at most), so "Lumnoso" finds "Luminoso". The page is
//   told what was searched on a BroadcastChannel ("Showing results for …", docs/assets/reader.js);
//   the result links carry the words found, which the page they open highlights.
// - A page's own result shows the first words of its text, not what stands above them.
// - Among the results, a passage holding the query's words in their order, one after the other,
//   comes before one holding them apart; otherwise Material's order stands.
"use strict"

// Material's message types (integrations/search/worker/message): setup, ready, query, result.
const SETUP = 0, QUERY = 2, RESULT = 3
importScripts("../fold.js")             // self.readerFold, written by scripts/hooks/search_index.py
const marks = new RegExp(self.readerFold.marks, "gu")
const fold = word => word.normalize("NFKD").replace(marks, "").toLowerCase()

// Material's worker listens for messages and answers with postMessage: load it with its listener
// kept here and its answers passing through `answered`, one per query, in the order asked.
let material
const listen = self.addEventListener, answer = self.postMessage.bind(self)
self.addEventListener = (type, listener) => { material = listener }
importScripts(location.search.slice(1))
self.addEventListener = listen
const asked = []
self.postMessage = message => answer(message.type === RESULT ? answered(message, asked.shift()) : message)

const channel = new BroadcastChannel("search")
let separator, words = [], count = new Map(), docs = new Map()
const tokens = text => text.replace(/<[^>]+>/g, " ").split(separator).filter(Boolean).map(fold)

// The index's words, sorted (to find those a typed word starts), and how often each is written.
function setup({ config, docs: entries }) {
  separator = new RegExp(config.separator)
  for (const doc of entries) {
    docs.set(doc.location, doc)
    for (const word of tokens(`${doc.title} ${doc.text}`)) count.set(word, (count.get(word) || 0) + 1)
    for (const word of tokens(doc.variants || "")) count.set(word, count.get(word) || 0)
  }
  words = [...count.keys()].sort()
}

function starts(typed) {
  let low = 0, high = words.length
  while (low < high) { const mid = (low + high) >> 1; if (words[mid] < typed) low = mid + 1; else high = mid }
  return low < words.length && words[low].startsWith(typed)
}

// Optimal string alignment distance, given up beyond `limit`.
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before = null, previous = [...Array(b.length + 1).keys()]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] !== b[j - 1]))
      if (before && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1)
    }
    if (Math.min(...row) > limit) return limit + 1
    before = previous
    previous = row
  }
  return previous[b.length]
}

function nearest(typed) {
  const limit = typed.length >= 8 ? 2 : 1
  let best = limit + 1, found = []
  for (const word of words) {
    const d = distance(typed, word, limit)
    if (d < best) [best, found] = [d, []]
    if (d === best) found.push(word)
  }
  return best > limit ? [] : found.sort((a, b) => count.get(b) - count.get(a)).slice(0, 3)
}

// The query as typed, or with its unknown words replaced; and the words to find in a row.
function corrected(query) {
  let changed = false
  const parts = query.split(separator).filter(Boolean).map(part => {
    const typed = fold(part)
    if (typed.length < 4 || !/^\p{L}+$/u.test(typed) || starts(typed)) return [part]
    const near = nearest(typed)
    if (near.length) changed = true
    return near.length ? near : [part]
  })
  return { typed: query, searched: changed ? parts.map(p => p.join(" ")).join(" ") : query,
           phrase: parts.map(p => p.map(fold)) }
}

// Whether a result's text holds the words in a row (each as the start of a word, as Material
// matches it).
function inRow(location, phrase) {
  const doc = docs.get(location)
  const text = doc.words || (doc.words = tokens(`${doc.title} ${doc.text}`))
  return text.some((_, k) => phrase.every((alternatives, i) =>
    text[k + i] !== undefined && alternatives.some(word => text[k + i].startsWith(word))))
}

// A page's own result shows its first words of text (its entry's `snippet`, from the hook), and a
// passage holding the query's words in a row moves up, with its page.
function answered(message, query) {
  if (query.searched !== query.typed) channel.postMessage({ typed: query.typed, searched: query.searched })
  const groups = message.data.items.map(group => {
    for (const item of group) if (item.snippet) item.text = item.snippet
    if (query.phrase.length < 2) return { group, held: false }
    const top = Math.max(...group.map(item => item.score))
    const held = group.filter(item => inRow(item.location, query.phrase))
    for (const item of held) item.score = Math.max(item.score, top)
    return { group: [...held, ...group.filter(item => !held.includes(item))], held: held.length > 0 }
  })
  const items = [...groups.filter(g => g.held), ...groups.filter(g => !g.held)].map(g => g.group)
  return { ...message, data: { ...message.data, items } }
}

addEventListener("message", event => {
  const { type, data } = event.data
  if (type === SETUP) setup(data)
  if (type !== QUERY) return material(event)
  const query = corrected(data)
  asked.push(query)
  material({ data: { type, data: query.searched } })
})
