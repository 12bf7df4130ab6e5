"""Serve the edition's own stylesheets and scripts minified, as Material serves its own.

The files under docs/ stay as written, with their comments; the site gets them without comments
and spaces (rcssmin, rjsmin), which takes about 3 kB off every page's first load on the wire.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        minify = MINIFIERS.get(Path(file.src_uri).suffix)
        if minify and file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs):
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=minify(file.content_string)))
    return files
