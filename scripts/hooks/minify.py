"""Serve the edition's stylesheets, scripts and pages without the spaces their readers never see.

Stylesheets and scripts are minified, as Material serves its own, and the favicon loses its
comment: the files under docs/ stay as written, with their comments; the site gets them without
comments and spaces (rcssmin, rjsmin), which takes about 3 kB off every page's first load on the
wire. The search index loses the \\u escapes of its accented letters (71 bytes of what search
loads, gzipped). Material's templates indent each line and leave blank lines where a block wrote nothing; a page
loses them (outside <pre> and <textarea>, where spaces are text), which takes about 0.6 kB more.
A run of spaces and line breaks shows as one space wherever else it stands, and the page's
inline scripts (the policy's hashes are taken after this, scripts/hooks/content_policy.py) hold
no string across lines: the reader gets the same page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin,
             ".svg": lambda svg: re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)}   # the favicon's comment
# An element whose spaces are text, kept whole; or a line break and the blank lines and indentation
# after it (ASCII white space only: a no-break space is text).
KEPT_OR_INDENT = re.compile(r"<(pre|textarea)\b.*?</\1>|\n[ \t\r\n]+", re.DOTALL)
# A script written in the page (a <script> without src or type: Material's and the edition's partials').
INLINE_SCRIPT = re.compile(r"(<script>)(.*?)(</script>)", re.DOTALL)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        minify = MINIFIERS.get(Path(file.src_uri).suffix)
        if minify and file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs):
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=minify(file.content_string)))
    return files


def compacted(html: str) -> str:
    """The page without its lines' indentation and blank lines, outside <pre> and <textarea>, and its
    inline scripts minified as its script files are."""
    html = INLINE_SCRIPT.sub(lambda match: match[1] + rjsmin.jsmin(match[2]) + match[3], html)
    return KEPT_OR_INDENT.sub(lambda match: match[0] if match[1] else "\n", html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return compacted(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return compacted(output) if template_name.endswith(".html") else output


def on_post_build(config: MkDocsConfig) -> None:
    """The search index as Material's plugin wrote it (just before: hooks come after plugins), its
    letters written as UTF-8 rather than as \\u escapes ("Apurímac", not "Apur\\u00edmac")."""
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
