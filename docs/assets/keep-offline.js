// "Keep this edition for offline reading", on home and About (hand-written; not generated; the
// build loads it on the pages that show the control, scripts/hooks/offline.py). The control asks
// the offline worker (docs/offline-worker.js) to keep every page, and the PDF and EPUB if the
// reader ticks them, and says how that went; a browser that cannot keep a site does not show it.
document$.subscribe(() => {
  const keep = document.querySelector(".keep-offline")
  if (!keep) return
  if (!("serviceWorker" in navigator)) return void (keep.hidden = true)
  const button = keep.querySelector("button"), said = keep.querySelector("output")
  button.addEventListener("click", async () => {
    button.disabled = true
    said.textContent = "Keeping…"
    navigator.serviceWorker.addEventListener("message", ({ data }) => {
      said.textContent = data.kept === data.of ? "Kept: this edition now opens without a connection."
        : `Kept ${data.kept} of ${data.of} files; try again when the connection is better.`
      button.disabled = false
    }, { once: true })
    const worker = (await navigator.serviceWorker.ready).active
    worker.postMessage({ keep: "edition", downloads: keep.querySelector("input").checked })
  })
})
