// The edition's search worker: Material's own, with what the edition adds between it and the page
// (hand-written; not generated). scripts/overrides/main.html points the page at this file and
// names Material's worker after the "?"; tests/test_search_worker.py pins the messages relied on.
//
// - A typed word that is no word of the index, nor the start of one, nor a real English word (of
//   the most frequent) or a word the site writes elsewhere (words.js), is replaced by the words
//   of the index nearest to it (Damerau–Levenshtein distance 1 for 4 to 7 letters, 2 for 8 and
//   more; the most frequent first, three at most), so "Lumnoso" finds "Luminoso". Before that,
//   Spanish the text does not write is searched as the index's English for it (words.js's
//   `lexicon`, the longest phrase first): "crimen organizado" as "organized crime", a noun and its adjective in English order;
//   Spanish that only the notes' titles and the edition's pages write, as written and in English
//   ("narcotráfico" as itself, "drug" or "trafficking"); a word typed with accents the site does
//   not write, as the site writes it ("México" as "Mexico");
//   and an English word the text does not use, as the text's word of the same meaning ("regime"
//   as "authorities", from WordNet). The page is told what was searched on a BroadcastChannel
//   ("Showing results for …", "Spanish “crimen”: crime", "“regime”: authorities", docs/assets/reader.js);
//   the result links carry the words found, which the page they open highlights.
// - A page's own result shows the first words of its text, not what stands above them.
// - A word found through another spelling ("Apurímac" for "Apurimac") is marked in the results,
//   as Material marks a word found as typed; a passage shows the sentence or two holding the words.
// - Among the results, an article's page or section whose title holds the query's words comes
//   first, then the passage that introduces the term, then a passage holding the words in their
//   order, one after the other; otherwise Material's order stands. At each of these steps, the
//   article's pages come before the edition's (Glossary, Timeline, Index, References, About…).
"use strict"

// Material's message types (integrations/search/worker/message): setup, ready, query, result.
const SETUP = 0, QUERY = 2, RESULT = 3
importScripts("fold.js", "words.js")   // self.readerFold, self.readerWords: written by scripts/hooks/search_index.py
const marks = new RegExp(self.readerFold.marks, "gu")
const folds = new Map()   // each word is folded once: marking the results folds every word they show
const fold = word => folds.get(word) ?? folds.set(word, word.normalize("NFKD").replace(marks, "").toLowerCase()).get(word)
// Real words and the site's own, which are no typos: a Bloom filter (scripts/hooks/search_index.py).
const filter = Uint8Array.from(atob(self.readerWords.known.bits), c => c.charCodeAt(0))
const fnv = (word, h) => { for (const c of word) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0; return h }
const mixed = h => {    // MurmurHash3's finalizer
  h = Math.imul(h ^ (h >>> 16), 0x85EBCA6B)
  h = Math.imul(h ^ (h >>> 13), 0xC2B2AE35)
  return (h ^ (h >>> 16)) >>> 0
}
function known(word) {
  const h1 = fnv(word, 2166136261), h2 = mixed(h1), size = filter.length * 8
  for (let i = 0; i < self.readerWords.known.hashes; i++) {
    const at = (h1 + i * h2) % size
    if (!(filter[at >> 3] & (1 << (at & 7)))) return false
  }
  return true
}
// Spanish (folded) → the index's English, and English the text does not use ("+regime") → the text's word.
const spanish = new Map(), thesaurus = new Map()
for (const [english, words] of self.readerWords.lexicon.split(";").map(entry => entry.split(":")))
  for (const word of words.split("|")) word[0] === "+" ? thesaurus.set(word.slice(1), english) : spanish.set(word, english)
// A Spanish word is looked up as typed, then its singular, its plural, then their masculine: the
// lexicon leaves out what these find ("aceptadas" as "aceptado"; scripts/hooks/search_index.py),
// and "narcotraficante" finds "narcotraficantes".
const formsOf = word => {
  const forms = [word, word.replace(/es$/, ""), word.replace(/s$/, ""), `${word}s`, `${word}es`]
  return [...forms, ...forms.map(form => form.replace(/a$/, "o"))]
}
const inSpanish = word => formsOf(word).map(form => spanish.get(form)).find(Boolean)
const functional = new Set(self.readerWords.function.split(" "))   // "why", "did", "qué": no weight

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
let separator, vocabulary = [], count = new Map(), docs = new Map()
const written = text => text.replace(/<[^>]+>/g, " ").split(separator).filter(Boolean).map(w => w.toLowerCase())
const tokens = text => written(text).map(fold)

// Each entry's words, folded, and its number (`at`): read once, as the index loads, not at
// each keystroke.
const wordsOf = (doc, at) => ({ at,
  text: tokens(`${doc.title} ${doc.text}`), title: tokens(doc.title), variants: tokens(doc.variants || ""),
  introduces: (doc.introduces || "").split("|").map(term => tokens(term).join(" ")) })

// The index's words, folded and sorted (to find those a typed word starts), how often each is
// written, its spelling as written most often ("guzmán" for "guzman"), and the entries holding it;
// and how often each word is written as it stands (lower case).
const spelling = new Map(), spellings = new Map(), holding = new Map(), wordsIn = new Map()
function setup({ config, docs: entries }) {
  separator = new RegExp(config.separator)
  for (const doc of entries) {
    docs.set(doc.location, doc)
    const words = wordsOf(doc, wordsIn.size), at = words.at
    wordsIn.set(doc, words)
    for (const word of written(`${doc.title} ${doc.text}`)) spellings.set(word, (spellings.get(word) || 0) + 1)
    for (const word of words.variants) count.set(word, count.get(word) || 0)
    for (const word of [...words.text, ...words.variants])
      holding.get(word)?.at(-1) === at || (holding.get(word) || holding.set(word, []).get(word)).push(at)
  }
  for (const [word, times] of [...spellings].sort((a, b) => a[1] - b[1])) {
    count.set(fold(word), (count.get(fold(word)) || 0) + times)
    spelling.set(fold(word), word)                  // the most frequent, set last
  }
  vocabulary = [...count.keys()].sort()
}

// Where the first word of the vocabulary that starts as `typed` would stand.
function first(typed) {
  let low = 0, high = vocabulary.length
  while (low < high) { const mid = (low + high) >> 1; if (vocabulary[mid] < typed) low = mid + 1; else high = mid }
  return low
}
const starts = typed => vocabulary[first(typed)]?.startsWith(typed) || false

// Optimal string alignment distance, given up beyond `limit` (three rows of one buffer).
const cells = new Int32Array(3 * 64)
function distance(a, b, limit) {
  const m = a.length, n = b.length
  if (Math.abs(m - n) > limit || n >= 63) return limit + 1
  let before = 0, previous = 64, row = 128
  for (let j = 0; j <= n; j++) cells[previous + j] = j
  for (let i = 1; i <= m; i++) {
    cells[row] = i
    let least = i
    const x = a.charCodeAt(i - 1), w = i > 1 ? a.charCodeAt(i - 2) : -1
    for (let j = 1; j <= n; j++) {
      const y = b.charCodeAt(j - 1)
      let d = cells[previous + j - 1] + (x === y ? 0 : 1)
      if (cells[previous + j] + 1 < d) d = cells[previous + j] + 1
      if (cells[row + j - 1] + 1 < d) d = cells[row + j - 1] + 1
      if (j > 1 && w === y && x === b.charCodeAt(j - 2) && cells[before + j - 2] + 1 < d) d = cells[before + j - 2] + 1
      cells[row + j] = d
      if (d < least) least = d
    }
    if (least > limit) return limit + 1
    const spare = before
    before = previous
    previous = row
    row = spare
  }
  return cells[previous + n]
}

function nearest(typed) {
  const limit = typed.length >= 8 ? 2 : 1
  let best = limit + 1, found = []
  for (const word of vocabulary) {
    const d = distance(typed, word, limit)
    if (d < best) [best, found] = [d, []]
    if (d === best) found.push(word)
  }
  return best > limit ? [] : found.sort((a, b) => count.get(b) - count.get(a)).slice(0, 3)
}

// The query as typed, or with its Spanish put in the index's English and its misspelt words
// replaced; the words to find in a row; and what to tell the reader.
function corrected(query) {
  const typed = query.split(separator).filter(Boolean), parts = [], said = []
  let changed = false, mistyped = false, formed = false, alone = null   // the Spanish word just before, mapped alone
  for (let i = 0; i < typed.length;) {
    // Spanish the text does not write, the longest phrase first: "policía nacional del perú".
    // Spanish the site writes only outside the article's paragraphs (a note's title writes
    // "narcotráfico") is in the lexicon as it stands: searched as written and as the English.
    let n = Math.min(4, typed.length - i), english, written
    for (; n > 0; n--) {
      const run = typed.slice(i, i + n).map(fold)
      written = run.every(starts)
      if ((english = n > 1 ? spanish.get(run.join(" ")) : inSpanish(run[0]))) break
    }
    if (n > 0) {
      const asTyped = typed.slice(i, i + n), here = asTyped.join(" ")
      if (n === 1 && alone && !written && !english.includes(" ")) {
        // Spanish sets a noun's adjective after it, English before: "crimen
        // organizado" is searched as "organized crime", "derechos humanos" as "human rights".
        parts.splice(alone.at, 0, [english])
        said[said.length - 1] = `Spanish “${alone.typed} ${here}”: ${english} ${alone.english}`
        alone = null
      } else {
        // As written or in English: one word is one choice of words ("narcotráfico": drug or
        // trafficking too); a phrase, its English in order, the first word or the phrase.
        const words = english.split(" ")
        if (written && n === 1) parts.push([...asTyped, ...words])
        else parts.push(...words.map((word, k) => k || !written ? [word] : [word, ...asTyped]))
        said.push(`Spanish “${here}”: ${english}`)
        alone = n === 1 && !written && !english.includes(" ") ? { at: parts.length - 1, english, typed: here } : null
      }
      changed = true
      i += n
      continue
    }
    alone = null
    const part = typed[i++], word = fold(part)
    if (thesaurus.has(word) && !starts(word)) {   // "regime", where the text says "authorities"
      parts.push([thesaurus.get(word)])
      said.push(`“${part}”: ${thesaurus.get(word)}`)
      changed = true
      continue
    }
    // A word no word of the index starts, of which the titles and texts write another form (as typed
    // or without accents), is searched as that form, which finds both: "alliances" as "alliance",
    // "militares" as "militar"
    // (the index leaves these to the worker: written_form in scripts/article/text.py).
    const form = !starts(word) && [...formsOf(part.toLowerCase()), ...formsOf(word)]
      .find(f => f !== part.toLowerCase() && f.length > 3 && spellings.has(f))   // "cárteles": cartel
    if (form) {
      parts.push([form])
      formed = true
      continue
    }
    if (word.length < 4 || !/^\p{L}+$/u.test(word) || starts(word) || known(word)) {
      // Typed with accents the site does not write ("región", "México"): searched as it writes it.
      const plain = part.toLowerCase() !== word && spelling.get(word) === word
      parts.push([plain ? word : part])
      changed ||= plain
      continue
    }
    // A word typed with its accents is Spanish as its reader writes it: corrected only into a word
    // the site writes with accents too ("Apurímca": Apurímac), never into English ("alió": also).
    const near = nearest(word).map(w => spelling.get(w) || w).filter(w => part.toLowerCase() === word || fold(w) !== w)
    if (near.length) changed = mistyped = true
    parts.push(near.length ? near : [part])
  }
  const searched = changed ? parts.map(p => p.join(" ")).join(" ") : query
  if (mistyped) said.push(`Showing results for ${searched}`)
  // In a query of several words, question words, auxiliaries and other function words weigh
  // nothing: Material is not asked for them, and an entry is ranked by the content words it holds.
  const content = parts.filter(p => !functional.has(fold(p[0])))
  const asked = content.length && content.length < parts.length ? content : parts
  return { typed: query, searched, changed, phrase: parts.map(p => p.map(fold)), content: asked.map(p => p.map(fold)),
           sent: changed || formed || asked !== parts ? asked.map(p => p.join(" ")).join(" ") : query, said: said.join(" · ") }
}

// The entries holding a word that starts as one of the alternatives, and how much it weighs: the
// rarer among the entries, the more (inverse document frequency).
const found = new Map()
function holders(alternatives) {
  const key = alternatives.join(" ")
  if (!found.has(key)) {
    const held = new Uint8Array(wordsIn.size)
    for (const word of alternatives)
      for (let k = first(word); k < vocabulary.length && vocabulary[k].startsWith(word); k++)
        for (const at of holding.get(vocabulary[k]) || []) held[at] = 1
    const n = held.reduce((sum, x) => sum + x, 0)
    found.set(key, { held, weight: Math.log(1 + wordsIn.size / (1 + n)) })
  }
  return found.get(key)
}

// Whether words (each the start of a word, as Material matches them) stand in a row in a text.
const inRow = (text, phrase) => text.some((_, k) => phrase.every((alternatives, i) =>
  text[k + i] !== undefined && alternatives.some(word => text[k + i].startsWith(word))))

// How an entry answers the query, best first: it is an article's page or section whose title
// holds the words; it introduces the term (its `introduces`, from the hook); it holds the words
// in a row; then by how much of the content words' weight it holds (Material's order within each).
function standing(item, query) {
  const doc = docs.get(item.location), own = wordsIn.get(doc), typed = query.phrase.map(p => p[0])
  if (typed.length && !doc.boost && !/#(p|fn:)\d+$/.test(doc.location)
      && typed.every(w => own.title.some(t => t.startsWith(w))))
    return 0
  if (own.introduces.includes(typed.join(" "))) return 1
  if (typed.length > 1 && inRow(own.text, query.phrase)) return 2
  // Then by the share of the content words' weight it holds: 3 when it holds them all.
  const content = query.content.map(holders)
  const total = content.reduce((sum, w) => sum + w.weight, 0)
  const held = content.filter(w => w.held[own.at]).reduce((sum, w) => sum + w.weight, 0)
  return 3 + (total ? 1 - held / total : 1)
}

// ``html`` with every word that starts as a searched content word does, accents aside, marked (a
// question's "why" or "with" stays unmarked); what Material marked already, and the tags, left as they are.
// The words are found in the text folded letter for letter ("Apurímac" as "apurimac") and marked
// as written: the worker marks every result at each keystroke, and folding word by word took longer.
function marked(html, phrase) {
  const starts = phrase.flat().filter(word => word.length > 1)
  const mark = text => {
    const folded = text.replace(/[^\0-@[-\x7f]/g, c => fold(c).length === 1 ? fold(c) : c)   // capitals, non-ASCII
    let out = "", last = 0
    for (const { 0: word, index } of folded.matchAll(/[\p{L}\p{N}]+/gu))
      if (starts.some(start => word.startsWith(start))) out += `${text.slice(last, index)}<mark>${text.slice(index, last = index + word.length)}</mark>`
    return out + text.slice(last)
  }
  return starts.length ? html.replace(/(<mark>[^]*?<\/mark>|<[^>]*>)|[^<]+/g, (text, kept) => kept ? text : mark(text)) : html
}

// A passage's result shows the sentence that holds most of the marked words, and the next one
// when it is short, not the whole paragraph ("… sentence. Next sentence. …").
const SENTENCE = /(?<=[.!?][”"’)\]]?)\s+(?=[“"¿¡(\[]?[A-Z0-9ÁÉÍÓÚÑ])/u
function excerpt(html) {
  const whole = /^<p>([^]*)<\/p>$/.exec(html)
  if (!whole || !whole[1].includes("<mark>") || /<\/?(?!mark)\w/.test(whole[1])) return html
  const sentences = whole[1].split(SENTENCE)
  if (sentences.length < 3) return html
  const marks = sentences.map(sentence => sentence.split("<mark>").length)
  const best = marks.indexOf(Math.max(...marks))
  const last = best + (sentences[best].replace(/<[^>]+>/g, "").length < 120 && best + 1 < sentences.length ? 1 : 0)
  return `<p>${best > 0 ? "… " : ""}${sentences.slice(best, last + 1).join(" ")}${last < sentences.length - 1 ? " …" : ""}</p>`
}

// A page's own result shows its first words of text (its entry's `snippet`, from the hook); the
// entries that answer the query best come first in their page's result, and those pages first.
function answered(message, query) {
  if (query.changed) channel.postMessage({ typed: query.typed, searched: query.searched, said: query.said })
  const groups = message.data.items.map(group => {
    const top = Math.max(...group.map(item => item.score))
    // Inside its page's result, the passage introducing the term comes before the page's title.
    const within = rank => rank < 2 ? 1 - rank : rank
    const ranked = group.map(item => [standing(item, query), item]).sort((a, b) => within(a[0]) - within(b[0]))
    for (const [rank, item] of ranked) {
      // A word searched in several forms ("narcotráfico" as written, "drug", "trafficking") is
      // found when one of them is: Material's "Missing:" line names none of the others.
      for (const forms of query.phrase) {
        const terms = Object.keys(item.terms).filter(term => forms.includes(fold(term)))
        if (terms.some(term => item.terms[term])) for (const term of terms) item.terms[term] = true
      }
      if (item.snippet) item.text = item.snippet
      item.title = marked(item.title, query.content)
      item.text = excerpt(marked(item.text, query.content))
      if (rank < 3) item.score = Math.max(item.score, top)
    }
    // The edition's pages (Glossary, Index, References…: entries with a boost) answer after the
    // article's that answer as well.
    const edition = group.every(item => docs.get(item.location).boost) ? 1 : 0
    return { group: ranked.map(([, item]) => item), rank: 2 * Math.min(...ranked.map(([rank]) => rank)) + edition }
  })
  const items = groups.sort((a, b) => a.rank - b.rank).map(g => g.group)
  return { ...message, data: { ...message.data, items } }
}

addEventListener("message", event => {
  const { type, data } = event.data
  if (type === SETUP) setup(data)
  if (type !== QUERY) return material(event)
  const query = corrected(data)
  asked.push(query)
  material({ data: { type, data: query.sent } })
})
