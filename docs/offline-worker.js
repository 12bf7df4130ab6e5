// The edition offline: a service worker (hand-written; docs/assets/reader.js registers it once a
// page has loaded, scoped to the site's folder, which is why it sits at the top of the site).
//
// Online, a reader always gets the current text: every request goes to the network first, and
// what comes back from this site is kept as it arrives. Only when the network fails does the kept
// copy answer, and a page that was never kept gets the edition's offline page, which says what is
// kept. Nothing is fetched from another host: requests to one pass through untouched.
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
// version are fetched again, as they now are, then the old caches go. The pages open now (the
// first visit's, which loaded before this worker) are kept too.
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
    await Promise.allSettled([...kept].map(url => cache.add(fresh(url))))
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
    try {
      const response = await fetch(request)
      // Kept under its address without the query (?h= on a page opened from a search result).
      if (response.status === 200 && response.type === "basic")
        event.waitUntil(cache.put(request.url.split(/[?#]/)[0], response.clone()))
      return response
    } catch (offline) {
      // Kept without its query, a copy answers as the very address asked for: a page opened from
      // a search result keeps its ?h=, and the edition's search worker the name of Material's.
      const kept = await cache.match(request, { ignoreSearch: true })
      if (kept) return new Response(kept.body, kept)
      if (request.mode === "navigate") return cache.match(here(OFFLINE))
      throw offline
    }
  })())
})

// "Keep this edition for offline reading" (home and About): every page, and the PDF and EPUB if
// the reader chose them. The page is told how it went.
addEventListener("message", event => {
  if (event.data?.keep !== "edition") return
  const wanted = [...pages, ...(event.data.downloads ? Object.values(downloads).map(d => d.url) : [])].map(here)
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE)
    const results = await Promise.allSettled(wanted.map(url => cache.add(fresh(url))))
    event.source.postMessage({ kept: results.filter(r => r.status === "fulfilled").length, of: wanted.length })
  })())
})
