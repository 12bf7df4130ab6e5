// The edition's few additions to Material's own scripts (hand-written; not generated).

// Notes where the reader is. On a touch screen a tap on a note marker would jump to the list
// at the foot of the page and lose the reader's place. The tap instead keeps the page still
// and shows the note in Material's own tooltip (content.footnote.tooltips), which stays open
// while the marker has focus or the pointer is over it, and which Material places above or
// below the marker's line, where there is more room. Tapping the marker again closes it (the
// pointer is told to leave, as a tap elsewhere does). While a note is shown, a tap outside it
// only closes it: it follows no link and presses no button under the finger. With a mouse or
// a keyboard the marker keeps its link to the note at the foot, and so does a marker a screen
// reader activates on a touch screen (a click no finger started): the popup, at the end of the
// page, is where a listener would never be led, and the note at the foot has its way back. Escape,
// on any screen, hides the note and leaves focus on the marker, so that Tab and Enter go on from there.
const touch = matchMedia("(hover: none)")
const noteOf = marker => document.getElementById(marker.getAttribute("aria-controls"))  // Material's tooltip
const close = marker => {
  delete marker.dataset.shown
  marker.blur()
  marker.dispatchEvent(new MouseEvent("mouseleave"))
}
let closing = null  // the marker whose note the finger now down will close (focus leaves before the click)
let pressed = null  // what the finger now down is on
document.addEventListener("pointerdown", event => {
  const shown = touch.matches && document.querySelector(".footnote-ref[data-shown]")
  const target = event.target instanceof Element ? event.target : null
  pressed = target
  closing = shown && !target?.closest(".md-tooltip2") && target?.closest(".footnote-ref") !== shown ? shown : null
}, true)
document.addEventListener("click", event => {
  if (!closing) return
  event.preventDefault()   // capture: before the link or the button under the finger
  event.stopPropagation()
  close(closing)
  if (document.activeElement instanceof HTMLElement) close(document.activeElement)  // what the finger focused
  closing = null
}, true)
document.addEventListener("click", event => {
  const marker = event.target instanceof Element && event.target.closest(".footnote-ref")
  const tapped = marker && pressed && marker.contains(pressed)
  pressed = null
  if (!tapped || !touch.matches) return
  event.preventDefault()
  if (marker.dataset.shown) return close(marker)
  marker.dataset.shown = "true"
  marker.focus({ preventScroll: true })
  noteOf(marker)?.removeAttribute("hidden")  // shown again after Escape
})
document.addEventListener("focusout", event => {
  if (event.target instanceof HTMLElement && event.target.dataset.shown) delete event.target.dataset.shown
})
document.addEventListener("keydown", event => {
  const marker = document.activeElement
  if (event.key !== "Escape" || !(marker instanceof HTMLElement) || !marker.matches(".footnote-ref")) return
  delete marker.dataset.shown
  noteOf(marker)?.setAttribute("hidden", "")  // until focus leaves: Material then removes it
})

// A note's popup (Material's tooltip, made when it is first shown) says which note it is; where the
// note is longer than the popup holds, a link to it at the foot of the page stays in view at the
// popup's foot, so that a reader never loses its words silently. Material has measured the popup
// to place it above or below its marker by now: the number fills the band it already leaves at the
// popup's top (reader.css), and the link stands in a popup already at its greatest height.
new MutationObserver(records => {
  for (const popup of records.flatMap(r => [...r.addedNodes])) {
    if (!(popup instanceof HTMLElement) || !popup.matches(".md-tooltip2[role=dialog]")) continue
    const marker = document.querySelector(`.footnote-ref[aria-controls="${popup.id}"]`)
    const inner = popup.querySelector(".md-tooltip2__inner")
    if (!marker || !inner) continue
    const number = marker.getAttribute("href").split(":")[1]
    inner.dataset.note = `Note ${number}`
    popup.setAttribute("aria-label", inner.dataset.note)  // Material's dialog has no name
    if (inner.scrollHeight > inner.clientHeight + 1)
      inner.append(Object.assign(document.createElement("a"),
        { className: "note-whole", href: marker.getAttribute("href"), textContent: `Go to note ${number}` }))
  }
}).observe(document.body, { childList: true })

// The light/dark switch. Material (9.8.2) shows the scheme the reader chose, or the system's, by
// the body's attributes and the toggle it shows, but checks neither of its two radios until the
// first switch (its palette component starts from an input it never checks): a listener heard two
// unchecked radios. The radio of the scheme shown is checked, at load and at every switch.
const schemeShown = () => {
  for (const option of document.querySelectorAll("input.md-option"))
    option.checked = option.dataset.mdColorScheme === document.body.dataset.mdColorScheme
}
schemeShown()
new MutationObserver(schemeShown).observe(document.body, { attributeFilter: ["data-md-color-scheme"] })

// Material 9.8.2 searches when a key comes up in the search box (its search query component
// listens for keyup). It searches as the text changes instead: a letter as soon as it shows, and
// text pasted, dictated or taken from a phone's suggestions, which raise no keyup at all.
document.addEventListener("input", event => {
  if (event.target.matches(".md-search__input")) event.target.dispatchEvent(new KeyboardEvent("keyup"))
})

// Search from the keyboard. Escape closes Material's search and leaves focus on the page's body:
// it goes back where it was before search opened (a note marker, a link), so that Tab goes on from
// there. The results' region is a Tab stop (Material's, so that a keyboard scrolls it) except while
// the reader is in search and it holds no result: Tab then went to a region a reader cannot see.
const searching = document.getElementById("__search")
let beforeSearch = null
document.addEventListener("focusin", event => {
  const into = event.target instanceof Element && event.target.closest(".md-search")
  const from = event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null
  if (into && !from?.closest(".md-search")) beforeSearch = from
})
document$.subscribe(() => {
  const region = document.querySelector(".md-search__scrollwrap")
  const list = document.querySelector(".md-search-result__list")
  if (!region || !list) return
  const stop = () => {
    region.tabIndex = list.childElementCount || !region.closest(".md-search").contains(document.activeElement) ? 0 : -1
    for (const result of list.querySelectorAll("[tabindex='-1']")) result.tabIndex = 0  // Material's: arrows only
  }
  document.addEventListener("focusin", stop)
  new MutationObserver(stop).observe(list, { childList: true })
})
// Material closes search on Tab and keeps its results out of the Tab order (the arrow keys move
// through them), and focus went on to the results' region, hidden by then. While search holds
// results, Tab and Shift+Tab move through them as through any list of links (the arrows still do),
// search open; focus that leaves search closes it.
document.addEventListener("keydown", event => {
  const results = document.querySelector(".md-search-result__list")?.childElementCount
  if (event.key === "Tab" && searching?.checked && results && document.activeElement?.closest(".md-search"))
    event.stopPropagation()  // capture: Material's listener is on the window, after; the browser still moves focus
}, true)
document.addEventListener("focusin", event => {
  if (searching?.checked && event.target instanceof Element && !event.target.closest(".md-search")) searching.click()
})
document.addEventListener("keydown", event => {
  if (event.key !== "Escape" || !searching?.checked) return
  const back = beforeSearch
  let frames = 60  // Material closes search on its own schedule: look again each frame, for about a second
  const restore = () => {
    if (searching.checked) return void (--frames && requestAnimationFrame(restore))
    if (back?.isConnected && document.activeElement === document.body) back.focus({ preventScroll: true })
  }
  requestAnimationFrame(restore)
})

// The print edition's Print button opens the browser's print dialog.
document$.subscribe(() => {
  document.querySelector(".print-button")?.addEventListener("click", () => print())
})

// A paragraph's Cite button copies the paragraph's address as the build made it (site_url). A page
// served elsewhere (a local build previewed at another address than mkdocs serve's) copies the
// address the reader is at instead, which the reader can open.
document$.subscribe(() => {
  const built = document.querySelector('link[rel="canonical"]')
  const here = location.origin + location.pathname
  if (!built || built.href === here) return
  for (const cite of document.querySelectorAll(".paragraph-cite[data-clipboard-text]"))
    cite.dataset.clipboardText = cite.dataset.clipboardText.replace(`${built.href}#`, `${here}#`)
})

// Search highlighting for the matches Material's own highlighting cannot see.
//
// The search index holds other forms of each word (scripts/hooks/search_index.py): typing
// "apurimac" finds "Apurímac", "policy" finds "policies", "cultivate" finds "cultivation".
// Material marks on the page it opens only the words that contain the typed text (?h=), so
// this marks the others: each word whose folded form starts with the typed word less its
// inflectional ending. The fold and the endings are the index's own, in the file the search
// hook writes (assets/javascripts/workers/fold.js, also read by the search worker), loaded only on a
// page opened from a result. And Material leaves "?h=" empty on a page's own result when only
// its paragraphs matched: that link gets the terms of the page's best paragraph.
const foldRules = new Promise((resolve, reject) => {
  if (!new URL(location.href).searchParams.get("h")) return
  const config = JSON.parse(document.getElementById("__config").textContent)
  const script = Object.assign(document.createElement("script"),
    { src: new URL("assets/javascripts/workers/fold.js", new URL(config.base, location.href)).href })
  script.onload = () => resolve(self.readerFold)
  script.onerror = reject
  document.head.append(script)
})
document$.subscribe(async () => {
  // On the page a result opened: mark what Material did not.
  const terms = (new URL(location.href).searchParams.get("h") || "").split(/\s+/).filter(t => t.length >= 3)
  const content = document.querySelector(".md-content")
  if (terms.length && content) {
    const { marks, endings, root: least } = await foldRules
    const accents = new RegExp(marks, "gu"), ending = new RegExp(`(${endings})$`)  // compiled once a page
    const fold = text => text.normalize("NFKD").replace(accents, "").toLowerCase()
    const root = term => {
      const bare = fold(term).replace(ending, "")
      return bare.length >= least ? bare : fold(term)
    }
    const roots = terms.map(root)
    const literal = terms.map(term => term.toLowerCase())
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    const nodes = []
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement.closest("mark, script, style, .headerlink")) nodes.push(node)
    for (const node of nodes) {
      const text = node.textContent
      const parts = []
      let last = 0
      for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const word = match[0]
        if (literal.some(term => word.toLowerCase().includes(term))) continue    // Material marks it
        if (!roots.some(r => fold(word).startsWith(r))) continue
        parts.push(document.createTextNode(text.slice(last, match.index)))
        const mark = document.createElement("mark")
        mark.setAttribute("data-md-highlight", "")
        mark.textContent = word
        parts.push(mark)
        last = match.index + word.length
      }
      if (parts.length) node.replaceWith(...parts, document.createTextNode(text.slice(last)))
    }
  }

  // In the search results: a page's link highlights what its best paragraph matched.
  const list = document.querySelector(".md-search-result__list")
  if (list)
    new MutationObserver(() => {
      for (const item of list.querySelectorAll(".md-search-result__item")) {
        const [page, ...entries] = item.querySelectorAll("a.md-search-result__link")
        const url = page && new URL(page.href)
        if (!url || url.searchParams.get("h") !== "") continue
        const best = entries.map(a => new URL(a.href).searchParams.get("h")).find(h => h)
        if (best) {
          url.searchParams.set("h", best)
          page.href = `${url}`
        }
      }
    }).observe(list, { childList: true, subtree: true })
})

// What was searched, when the search worker replaced a mistyped or a Spanish word (docs/assets/
// javascripts/workers/reader-search.js tells it on this channel): "Showing results for sendero
// luminoso", "Spanish “crimen”: crime"
// before Material's count of the results, while the box still holds what the reader typed; and,
// when nothing is found, what would help instead of "No matching documents".
document$.subscribe(() => {
  const meta = document.querySelector(".md-search-result__meta")
  const input = document.querySelector(".md-search__input")
  if (!meta || !input || typeof BroadcastChannel === "undefined") return
  let said = null
  const config = JSON.parse(document.getElementById("__config").textContent)
  const none = config.translations["search.result.none"]
  const link = (path, text) => Object.assign(document.createElement("a"),
    { href: new URL(path, new URL(config.base, location.href)).href, textContent: text })
  const say = () => {
    if (said && said.said && input.value === said.typed && !meta.textContent.startsWith(said.said))
      meta.textContent = `${said.said} · ${meta.textContent}`
    // Nothing found: say what this edition is, and where its names and abbreviations are listed.
    if (meta.textContent.endsWith(none) && input.value.trim() && !meta.querySelector("a"))
      meta.replaceChildren(`${meta.textContent.slice(0, -none.length)}Nothing in this English edition matches “${
        input.value.trim()}”. Try the `, link("glossary/", "Glossary"), " or the ",
        link("index-of-names/", "Index of names"), ".")
  }
  new BroadcastChannel("search").onmessage = event => { said = event.data; say() }
  new MutationObserver(say).observe(meta, { childList: true })
})

// The edition offline (docs/offline-worker.js): registered once the page has loaded, so that a
// first visit loads and paints as it would without it, and scoped to the site's folder.
if ("serviceWorker" in navigator) {
  const base = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href)
  addEventListener("load", () => navigator.serviceWorker.register(new URL("offline-worker.js", base),
    { scope: base.pathname, updateViaCache: "none" }))  // a new deploy is seen at the next visit, whatever the HTTP cache holds
}
