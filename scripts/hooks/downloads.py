"""The article to take away: a PDF and an EPUB of the print edition, made by the build.

When the build gathers its files, this hook renders the print page (docs/.downloads.yml names
it) as one HTML document (hooks/book.py), typesets it (hooks/typeset.py) and adds both files to
the site; then it writes each file's size after every link to it, "Download: PDF (250 kB), EPUB
(40 kB)". Templates find the same as ``config.extra.downloads``.

The files are kept in .cache/downloads/ under a hash of all they are made from: the print page's
Markdown and metadata, the site's Markdown extensions and their settings, the generated files
beside the pages (the abbreviations every page appends), the code of this package, the stylesheet,
the Lua filter, and the versions of the libraries and engines. An unchanged article therefore
costs a hash of a few files, in ``mkdocs serve`` too; the HTML is rendered only when one is made.
A download that cannot be made stops the build, so no page links a file that is not there.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from article.datafile_names import DOWNLOADS
from article.download_links import human_size
from hooks import book, typeset
from hooks.generated_data import generated

CACHE = Path(".cache") / "downloads"  # beside mkdocs.yml
log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def inputs_hash(text: str, data: dict, config: MkDocsConfig) -> str:
    """A hash of everything the downloads are made from (see above)."""
    digest = hashlib.sha256(json.dumps([text, data, config.markdown_extensions, config.mdx_configs],
                                       sort_keys=True, default=str).encode("utf-8"))
    generated_files = sorted(p for p in Path(config.docs_dir).glob(".*") if p.is_file())
    code = sorted(Path(__file__).parent.glob("*.py"))
    for path in [*generated_files, *code, typeset.PDF_STYLE, typeset.EPUB_NOTES]:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    libraries = ", ".join(f"{name} {version(name)}" for name in ("markdown", "pymdown-extensions", "mkdocs"))
    digest.update(f"{libraries}, {typeset.engines()}".encode("utf-8"))
    return digest.hexdigest()[:32]


def cached(path: Path, make: Callable[[], bytes]) -> Path:
    """``path``, made (and written whole, so a stopped build leaves no half file) if it is not there."""
    if not path.is_file():
        content = make()
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(content)
        os.replace(handle.name, path)
    return path


def made(key: str, book_html: Callable[[], str], data: dict, folder: Path) -> dict[str, Path]:
    """The PDF and the EPUB stored under ``key``, from the cache or made now from ``book_html()``."""
    start = time.perf_counter()
    html = functools.cache(book_html)
    paths = {"PDF": cached(folder / f"{key}.pdf", lambda: typeset.pdf(html())),
             "EPUB": cached(folder / f"{key}.epub", lambda: typeset.epub(html(), data))}
    log.debug("PDF and EPUB ready in %.2f s", time.perf_counter() - start)
    return paths


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data = dict(generated(config, DOWNLOADS))
    data["modified"] = config.extra["edition"]["modified"]  # the edition's last change (hooks/build_date.py)
    text, _ = get_data(files.get_file_from_path(data["source"]).content_string)
    try:
        paths = made(inputs_hash(text, data, config), lambda: book.book_html(text, config, data), data,
                     Path(config.config_file_path).parent / CACHE)
    except (OSError, RuntimeError) as error:
        raise PluginError(f"cannot make the PDF and EPUB downloads: {error}") from None
    config.extra["downloads"] = {}
    for kind, url in data["files"].items():
        files.append(File.generated(config, url, abs_src_path=str(paths[kind])))
        config.extra["downloads"][kind] = {"url": url, "size": human_size(paths[kind].stat().st_size)}
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for download in config.extra["downloads"].values():
        markdown = markdown.replace(f"]({download['url']})", f"]({download['url']}) ({download['size']})")
    return markdown
