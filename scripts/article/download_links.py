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


def human_size(size: int) -> str:
    """ "250 kB", "1.2 MB"."""
    return f"{size / 1000:.0f} kB" if size < 999_500 else f"{size / 1_000_000:.1f} MB"


def download_paths(title: str) -> dict[str, str]:
    """Each format's file below docs/, named after the article: {"PDF": "downloads/<title>.pdf", …}."""
    return {kind: f"{FOLDER}/{slugify(title)}.{kind.lower()}" for kind in FORMATS}


# Where the build writes the sizes of what "Keep this edition for offline reading" fetches
# (scripts/hooks/offline.py): every page, and the PDF and EPUB if the reader ticks them.
PAGES_SIZE, DOWNLOADS_SIZE = "keep-pages-size", "keep-downloads-size"


def keep_offline_line() -> str:
    """The control that keeps the edition for offline reading (docs/assets/keep-offline.js makes it
    work, or hides it where the browser cannot keep a site; docs/offline-worker.js keeps it). Shown
    from the start, so that nothing below it moves as the page loads."""
    return (f'<p class="keep-offline {SITE_ONLY}"><button class="md-button" type="button">Keep this '
            f'edition for offline reading</button> <span>Every page, about <span class="{PAGES_SIZE}"></span>.'
            f'</span> <label><input type="checkbox"> Also keep the PDF and EPUB (<span class="{DOWNLOADS_SIZE}">'
            '</span>)</label> <output role="status"></output></p>\n')


def download_line(title: str, print_button: bool = False) -> str:
    """ "Download: PDF, EPUB." as a Markdown paragraph (the build adds each file's size), with a
    Print button on the print edition (docs/assets/reader.js makes it print: the pages' policy
    runs no script written in an attribute)."""
    links = ", ".join(f"[{kind}]({path})" for kind, path in download_paths(title).items())
    button = ' <button class="md-button print-button" type="button">Print</button>' \
        if print_button else ""
    return f"Download: {links}.{button}\n{{: .downloads .{SITE_ONLY} }}\n"
