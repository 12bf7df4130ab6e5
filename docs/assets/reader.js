// The edition's few additions to Material's own scripts (hand-written; not generated).

// Material wraps each code block's copy button in an unlabelled <nav>. Several of them on
// one page (the Cite page) are landmarks a screen reader cannot tell apart: name each one
// after the heading above its block.
document$.subscribe(() => {
  for (const nav of document.querySelectorAll(".md-code__nav:not([aria-label])")) {
    let heading = nav.closest(".highlight") || nav.closest("pre")
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling
    nav.setAttribute("aria-label", `Copy ${heading ? heading.textContent.replace("¶", "").trim() : "code"}`)
  }
})

// Notes where the reader is. On a touch screen a tap on a note marker would jump to the list
// at the foot of the page and lose the reader's place. The tap instead keeps the page still
// and shows the note in Material's own tooltip (content.footnote.tooltips), which stays open
// while the marker has focus or the pointer is over it; tapping the marker again or pressing
// Escape closes it (the pointer is told to leave, as a tap elsewhere does). With a mouse or a
// keyboard the marker keeps its link to the note at the foot.
const touch = matchMedia("(hover: none)")
const close = marker => {
  delete marker.dataset.shown
  marker.blur()
  marker.dispatchEvent(new MouseEvent("mouseleave"))
}
document.addEventListener("click", event => {
  const marker = event.target instanceof Element && event.target.closest(".footnote-ref")
  if (!marker || !touch.matches) return
  event.preventDefault()
  if (marker.dataset.shown) return close(marker)
  marker.dataset.shown = "true"
  marker.focus({ preventScroll: true })
})
document.addEventListener("focusout", event => {
  if (event.target instanceof HTMLElement && event.target.dataset.shown) delete event.target.dataset.shown
})
document.addEventListener("keydown", event => {
  const marker = document.querySelector(".footnote-ref[data-shown]") || document.activeElement
  if (event.key === "Escape" && marker instanceof HTMLElement && marker.matches(".footnote-ref")) close(marker)
})
