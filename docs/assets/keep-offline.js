// "Keep this edition for offline reading", on home and About (hand-written; not generated; the
// build loads it on the pages that show the control, scripts/hooks/offline.py). The control asks
// the offline worker (docs/offline-worker.js) to keep every page, and the PDF and EPUB if the
// reader ticks them, and says how that went; once every page is kept it says so, with the date
// of the newest copy, and offers to remove them. A browser that cannot keep a site does not show it.
document$.subscribe(() => {
  const keep = document.querySelector(".keep-offline")
  if (!keep) return
  if (!("serviceWorker" in navigator)) return void (keep.hidden = true)
  const [button] = keep.querySelectorAll("button"), said = keep.querySelector("output")
  const remove = Object.assign(document.createElement("button"),
    { className: "md-button", type: "button", textContent: "Remove from this device" })
  // The worker answers on the port sent with the question.
  const ask = async question => {
    const { port1, port2 } = new MessageChannel()
    const answer = new Promise(resolve => { port1.onmessage = ({ data }) => resolve(data) })
    ;(await navigator.serviceWorker.ready).active.postMessage(question, [port2])
    return answer
  }
  const when = date => new Date(date).toLocaleDateString(document.documentElement.lang, { dateStyle: "long" })
  const show = ({ pages, of, downloads, date }, failed) => {
    const all = pages === of
    // No template nested in another: the build's minifier (rjsmin) loses the spaces inside one.
    const what = [`${pages} pages`, downloads && "the PDF and EPUB", date && when(date)].filter(Boolean).join(", ")
    said.textContent = failed ? `Kept ${pages} of ${of} pages; try again when the connection is better.`
      : all ? `Kept on this device: ${what}.` : said.textContent
    if (all) said.after(remove)
    else remove.remove()
  }
  const act = async question => {
    button.disabled = remove.disabled = true
    const answer = await ask(question)
    if (question.ask === "remove") said.textContent = "Removed from this device: pages are kept again as you open them."
    show(answer, answer.failed)
    button.disabled = remove.disabled = false
  }
  button.addEventListener("click", () => {
    said.textContent = "Keeping…"
    act({ ask: "keep", downloads: keep.querySelector("input").checked })
  })
  remove.addEventListener("click", () => act({ ask: "remove" }))
  if (navigator.serviceWorker.controller) ask({ ask: "kept" }).then(answer => show(answer))
})
