"""The article to take away: where its PDF and EPUB are published and the line that links them.

The files themselves are made at build time from the print edition (scripts/hooks/downloads.py),
which also writes each file's size after its link.
"""

from __future__ import annotations

from .numbering import slugify

FOLDER = "downloads"
FORMATS = ("PDF", "EPUB")
# What the print page shows on screen only: the downloads and the print edition on paper leave it out.
SITE_ONLY = "site-only"


def download_paths(title: str) -> dict[str, str]:
    """Each format's file below docs/, named after the article: {"PDF": "downloads/<title>.pdf", …}."""
    return {kind: f"{FOLDER}/{slugify(title)}.{kind.lower()}" for kind in FORMATS}


def download_line(title: str, print_button: bool = False) -> str:
    """ "Download: PDF, EPUB." as a Markdown paragraph (the build adds each file's size), with a
    Print button on the print edition (docs/assets/reader.js makes it print: the pages' policy
    runs no script written in an attribute)."""
    links = ", ".join(f"[{kind}]({path})" for kind, path in download_paths(title).items())
    button = ' <button class="md-button print-button" type="button">Print</button>' \
        if print_button else ""
    return f"Download: {links}.{button}\n{{: .downloads .{SITE_ONLY} }}\n"
