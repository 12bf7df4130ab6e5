"""The edition offline: what docs/offline-worker.js keeps, listed by the build.

After the site is written, this hook lists the edition in ``offline-edition.js``, which the worker
loads: its pages; the "shell", every file the pages and search load (Material's and the edition's
scripts and styles, the search index and workers, whatever else is under the site's assets and
search folders, and the offline page), so that search answers offline as it does online; and the
PDF and EPUB, kept only if the reader asks. Source maps and the search languages the site does
not use are left out. A version, the hash of every file of the site, changes with any deploy, and
with it the file, which makes the browser install the worker again on the reader's next visit.

It also loads the control "Keep this edition for offline reading" (docs/assets/keep-offline.js) on
the pages that show it, home and About, and no other, and writes beside it how much keeping costs:
the pages compressed as a server sends them, and the PDF and EPUB.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from article.download_links import DOWNLOADS_SIZE, FOLDER, PAGES_SIZE, human_size

EDITION = "offline-edition.js"
OFFLINE_PAGE = "offline.html"
WORKER = "offline-worker.js"
LUNR = "assets/javascripts/lunr/"
KEEP_SCRIPT = "assets/keep-offline.js"


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # The offline page answers for any address of the site, so its links are absolute, as MkDocs
    # makes the 404 page's.
    if template_name == OFFLINE_PAGE:
        context["base_url"] = urlsplit(config.site_url or "/").path
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if PAGES_SIZE not in output:
        return output
    script = get_relative_url(KEEP_SCRIPT, page.url)
    return output.replace("</body>", f'<script src="{script}" defer></script>\n</body>', 1)


def search_languages(config: MkDocsConfig) -> set[str]:
    """The files of lunr/ Material's search worker loads for the site's search languages."""
    search = next((plugin for name, plugin in config.plugins.items() if name.endswith("search")), None)
    every = search.config.lang if search else []
    languages = [lang for lang in every if lang != "en"]
    needed = {f"min/lunr.{lang}.min.js" for lang in languages}
    if languages:
        needed.add("min/lunr.stemmer.support.min.js")
    if len(every) > 1:
        needed.add("min/lunr.multi.min.js")
    return needed


def edition(site: Path, config: MkDocsConfig) -> dict:
    """The edition as the offline worker reads it: version, pages, shell and downloads."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != EDITION)
    pages = [path.removesuffix("index.html") for path in files if path.endswith("index.html")]
    downloads = {Path(path).suffix[1:].upper(): {"url": path, "bytes": (site / path).stat().st_size}
                 for path in files if path.startswith(f"{FOLDER}/")}
    languages = search_languages(config)
    shell = [path for path in files if path.startswith(("assets/", "search/")) and not path.endswith(".map")
             and (not path.startswith(LUNR) or path.removeprefix(LUNR) in languages)] + [OFFLINE_PAGE]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode("utf-8") + b"\0" + (site / path).read_bytes())
    return {"version": digest.hexdigest()[:16], "pages": pages, "shell": shell, "downloads": downloads}


def with_sizes(html: str, pages: int, downloads: int) -> str:
    return (html.replace(f'<span class="{PAGES_SIZE}"></span>', f'<span class="{PAGES_SIZE}">{human_size(pages)}</span>')
            .replace(f'<span class="{DOWNLOADS_SIZE}"></span>',
                     f'<span class="{DOWNLOADS_SIZE}">{human_size(downloads)}</span>'))


def write_edition(site: Path, config: MkDocsConfig) -> None:
    """Write the costs beside the keep control, then offline-edition.js (whose version they are part of)."""
    listed = edition(site, config)
    pages = sum(len(gzip.compress((site / path / "index.html").read_bytes(), mtime=0)) for path in listed["pages"])
    downloads = sum(download["bytes"] for download in listed["downloads"].values())
    for path in listed["pages"]:
        page = site / path / "index.html"
        html = page.read_text(encoding="utf-8")
        if PAGES_SIZE in html:
            page.write_text(with_sizes(html, pages, downloads), encoding="utf-8")
    (site / EDITION).write_text(f"self.edition = {json.dumps(edition(site, config), indent=1)}\n", encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    write_edition(Path(config.site_dir), config)
