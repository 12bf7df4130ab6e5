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
