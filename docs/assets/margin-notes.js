// Notes in the margin: what the stylesheet cannot do (hand-written; not generated).
//
// On a section page of a wide screen, docs/assets/reader.css sets each note in the right margin
// beside its marker's line ("Notes in the margin"). Two things are left to this script, loaded on
// those pages only (scripts/overrides/main.html):
// - the marker and its note mark each other while either is hovered or has focus (data-paired),
//   where Material's popup would have shown the note;
// - the page is kept as long as its notes: a note beside the last lines may reach below the text,
//   and would otherwise run over the footer's links. The footnote list, empty in the flow once its
//   notes are in the margin, is given the height they reach below its top.
const wide = () => getComputedStyle(document.querySelector(".footnote > ol > li") ?? document.body).position === "absolute"

const pair = element => {
  const marker = element.closest(".footnote-ref")
  if (marker) return [marker, document.getElementById(marker.hash.slice(1))]
  const note = element.closest(".footnote li")
  return note ? [document.querySelector(`.footnote-ref[href="#${CSS.escape(note.id)}"]`), note] : []
}
// Marked while the pointer is over either or focus is in either: leaving one keeps the other's mark.
const hovered = element => element.matches(":hover")
const focused = element => element.contains(document.activeElement)
const mark = (on, still) => event => {
  if (!(event.target instanceof Element) || !wide()) return
  const both = pair(event.target).filter(Boolean)
  const marked = on || both.some(still)
  for (const element of both) element.toggleAttribute("data-paired", marked)
}
document.addEventListener("pointerover", mark(true))
document.addEventListener("focusin", mark(true))
document.addEventListener("pointerout", mark(false, focused))
document.addEventListener("focusout", mark(false, hovered))

// The reach is handed to the stylesheet, which uses it in the margin only (never on paper).
const list = document.querySelector(".footnote")
const lastNote = document.querySelector(".footnote > ol > li:last-child")
const fit = () => {
  const reach = lastNote.getBoundingClientRect().bottom - list.getBoundingClientRect().top
  list.style.setProperty("--notes-reach", wide() ? `${Math.ceil(reach)}px` : "0px")
}
if (list && lastNote) {
  new ResizeObserver(fit).observe(document.querySelector(".md-content"))
  fit()
}
