// The edition offline: a service worker (hand-written; docs/assets/reader.js registers it once a
// page has loaded, scoped to the site's folder, which is why it sits at the top of the site).
//
// Online, a reader always gets the current text: every request goes to the network first, and
// what comes back from this site is kept as it arrives. Only when the network fails, or stalls
// past STALL, does the kept copy answer (what the network sends later is still kept), and a page
// that was never kept gets the edition's offline page, which says what is kept. A file whose name
// carries its content's hash (Material's bundles) answers from the kept copy first: under that
// name its bytes never change. Nothing is fetched from another host: requests to one pass through
// untouched.
//
// offline-edition.js, which the build writes (scripts/hooks/offline.py), lists the edition: its
// version, its pages, what every page and search load (the "shell": Material's and the edition's
// scripts and styles, the search index and workers, the offline page) and the PDF and EPUB. A
// new deploy changes it, so the browser installs this worker again on the reader's next visit.
importScripts("offline-edition.js")
const { version, pages, shell, downloads } = self.edition
const CACHE = `edition-${version}`
const OFFLINE = "offline.html"
const here = path => new URL(path, registration.scope).href
// How long the network may keep a reader waiting when a copy is kept: a connection that stalls
// rather than drops (a phone between masts) answers nothing for tens of seconds, and a reader who
// waited that long for every page, and for each file search loads, would give up; a few seconds
// still let a slow but live connection bring the current text.
const STALL = 3500
const STALLED = Symbol("stalled")
const stalled = () => new Promise(resolve => setTimeout(resolve, STALL, STALLED))
// Once a request has stalled, the connection is taken as stalling until the network answers one:
// the next files a page or search loads answer from their kept copies at once, rather than each
// waiting STALL in turn (search loads four, one after another).
let stalling = false
// Material's bundles and stylesheets: name.<hash>.min.js / .min.css.
const unchanging = url => /\.[0-9a-f]{8,}\.min\.(js|css)$/.test(new URL(url).pathname)
// What this worker fetches to keep is checked with the server, never taken stale from the HTTP cache.
const fresh = url => new Request(url, { cache: "no-cache" })

// Installed after the reader's first visit: the shell, mostly the files that visit loaded (only
// checked with the server); the search index and workers are the only files of any size it adds.
// They are fetched unasked, where the rule is that nothing larger than what the reader opened is
// (readers on metered data), because "after one visit, search answers" needs them, and they keep
// within that rule: with the offline page, about 50 kB compressed, less than any page's first load
// (tests/test_offline.py weighs them). Every page and the PDF and EPUB wait for the reader to ask.
addEventListener("install", event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(shell.map(here).map(fresh))).then(() => skipWaiting()))
})

// A new deploy replaces what was kept: the pages and downloads the reader kept under the last
// version are fetched again, as they now are, then the old caches go. One whose fetch fails, or
// stalls past STALL, carries its old copy forward (a late answer still replaces it), so that an
// update over a bad connection loses nothing the reader kept. The pages open now (the first
// visit's, which loaded before this worker) are kept too.
addEventListener("activate", event => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE)
    const old = (await caches.keys()).filter(name => name.startsWith("edition-") && name !== CACHE)
    const kept = new Set()
    for (const name of old)
      for (const request of await (await caches.open(name)).keys())
        if (isKept(request.url)) kept.add(request.url)
    for (const client of await clients.matchAll({ type: "window", includeUncontrolled: true }))
      kept.add(new URL(client.url).href.split(/[?#]/)[0])
    await Promise.all([...kept].map(async url => {
      const network = fetch(fresh(url))
        .then(async response => response.ok && (await cache.put(url, response), true)).catch(() => false)
      event.waitUntil(network)
      if (await Promise.race([network, stalled()]) === true) return
      const copy = await caches.match(url)
      if (copy && !await cache.match(url)) await cache.put(url, copy)
    }))
    await Promise.all(old.map(name => caches.delete(name)))
    await clients.claim()
  })())
})

// A page or a download: what the reader chose to keep, as opposed to the shell.
const isKept = url => pages.map(here).includes(url) || Object.values(downloads).some(d => here(d.url) === url)

addEventListener("fetch", event => {
  const { request } = event
  if (request.method !== "GET" || !request.url.startsWith(registration.scope)) return
  event.respondWith((async () => {
    const cache = await caches.open(CACHE)
    const kept = await cache.match(request, { ignoreSearch: true })
    // Kept without its query, a copy answers as the very address asked for: a page opened from
    // a search result keeps its ?h=, and the edition's search worker the name of Material's.
    const fromCache = () => new Response(kept.body, kept)
    if (kept && unchanging(request.url)) return fromCache()
    const network = fetch(request)
    // Kept under its address without the query (?h= on a page opened from a search result), as
    // it arrives, however late; cloned before the page reads it.
    event.waitUntil(network.then(response => {
      stalling = false
      if (response.status === 200 && response.type === "basic")
        return cache.put(request.url.split(/[?#]/)[0], response.clone())
    }).catch(() => {}))
    try {
      const answer = await (kept ? Promise.race([network, stalling ? STALLED : stalled()]) : network)
      if (answer !== STALLED) return answer
      stalling = true
      return fromCache()
    } catch (offline) {
      if (kept) return fromCache()
      if (request.mode === "navigate") return cache.match(here(OFFLINE))
      throw offline
    }
  })())
})

// "Keep this edition for offline reading" (home and About, docs/assets/keep-offline.js) asks,
// and is answered on the port it sends: keep every page, and the PDF and EPUB if the reader chose
// them; say what is kept; remove what the reader kept (the shell stays: search still answers).
const asked = {
  async keep(cache, { downloads: withDownloads }) {
    const wanted = [...pages, ...(withDownloads ? Object.values(downloads).map(d => d.url) : [])].map(here)
    const results = await Promise.allSettled(wanted.map(url => cache.add(fresh(url))))
    return { ...await asked.kept(cache), failed: results.filter(r => r.status === "rejected").length }
  },
  // How many pages are kept, whether the PDF and EPUB are, and the date of the newest copy.
  async kept(cache) {
    const kept = (await cache.keys()).filter(request => isKept(request.url))
    const urls = new Set(kept.map(request => request.url))
    const dates = await Promise.all(kept.map(async request => Date.parse((await cache.match(request)).headers.get("date"))))
    return { pages: pages.filter(page => urls.has(here(page))).length, of: pages.length,
             downloads: Object.values(downloads).every(d => urls.has(here(d.url))),
             date: Math.max(0, ...dates.filter(Number.isFinite)) }
  },
  async remove(cache) {
    for (const request of await cache.keys()) if (isKept(request.url)) await cache.delete(request)
    return asked.kept(cache)
  },
}
addEventListener("message", event => {
  const answer = asked[event.data?.ask]
  if (answer) event.waitUntil(caches.open(CACHE).then(cache => answer(cache, event.data)).then(said => event.ports[0].postMessage(said)))
})
