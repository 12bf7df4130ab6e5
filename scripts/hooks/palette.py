"""Colour the favicon with the site's primary colour, set once in mkdocs.yml (``theme.palette``).

The favicon is drawn in docs/assets/favicon.svg in ``currentColor``, which a browser's tab cannot
resolve; the build fills it with the colour Material gives the named primary colour, read from the
palette stylesheet Material ships (``[data-md-color-primary=indigo]{--md-primary-fg-color:…}``), so
that a change of colour in mkdocs.yml reaches the tab's icon too.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def primary_colour(name: str) -> str:
    """The colour Material sets for the primary colour ``name`` ("indigo" → "#4051b5")."""
    palette = next(STYLESHEETS.glob("palette.*.min.css")).read_text(encoding="utf-8")
    found = re.search(rf"\[data-md-color-primary={re.escape(name)}\]\{{--md-primary-fg-color:(#[0-9a-fA-F]+)", palette)
    if not found:
        raise ValueError(f"mkdocs.yml: theme.palette's primary “{name}” is no colour Material names")
    return found[1]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    palette = config.theme["palette"]
    name = (palette[0] if isinstance(palette, list) else palette)["primary"]
    icon = files.get_file_from_path(config.theme["favicon"])
    files.remove(icon)
    files.append(File.generated(config, icon.src_uri,
                                content=icon.content_string.replace("currentColor", primary_colour(name))))
    return files
