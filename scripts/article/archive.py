"""Durable copies of cited sources: Wayback Machine addresses for the URLs in the notes.

Nothing is fetched: the Internet Archive serves ``https://web.archive.org/web/<YEAR>/<URL>``
as the snapshot of URL nearest to that year, so the address is a plain pattern. Only a URL that
is a specific document has an archived copy: a site's home page changes daily and a DOI
resolver only redirects, so a copy of either shows nothing of the cited work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .text import URL

WAYBACK = "https://web.archive.org/web/"
YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
# Hosts that only redirect to a document named by an identifier (DOI, Handle, PURL, ARK).
RESOLVERS = {"doi.org", "dx.doi.org", "hdl.handle.net", "purl.org", "n2t.net"}
HOME_FILE = re.compile(r"(?:index|default|home)\.\w+", re.IGNORECASE)  # "/index.html" is a home page too


@dataclass(frozen=True)
class CitedUrl:
    """A URL as a note cites it, with the year of that citation (None when the note gives none)."""

    url: str
    year: int | None

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


def is_document(url: str) -> bool:
    """Whether ``url`` names one document: not a site's home page (no path, no query) nor a resolver."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.strip("/")
    return host not in RESOLVERS and bool((path and not HOME_FILE.fullmatch(path)) or parts.query)


def archived_url(url: str, year: int | None) -> str:
    """The Wayback Machine's address for ``url`` as it was around ``year`` (latest copy if None).

    Characters outside ASCII are percent-encoded so that the address is a valid URI.
    """
    return f"{WAYBACK}{year}/{quote(url, safe=URL_SAFE)}" if year else f"{WAYBACK}{quote(url, safe=URL_SAFE)}"


def cited_urls(note_text: str) -> list[CitedUrl]:
    """Each URL of a note with the last year written between it and the URL before it.

    A note citing two works ("…, SAGE Journals (1999), https://doi.org/…") dates each URL
    by its own citation.
    """
    cited, start = [], 0
    for match in URL.finditer(note_text):
        years = YEAR.findall(note_text, start, match.start())
        cited.append(CitedUrl(match.group(), int(years[-1]) if years else None))
        start = match.end()
    return cited


def archived_copies(note_text: str) -> list[tuple[str, str]]:
    """A note's links to the archive, one per URL of a document: what to call each and its address.

    Nothing is fetched, so nothing says the archive holds a copy: each link is named for what it
    is, a search of the archive for that address ("search for this host address, nearest year")."""
    return [(f"search for this {cited.host} address, {f'nearest {cited.year}' if cited.year else 'latest copy'}",
             archived_url(cited.url, cited.year)) for cited in cited_urls(note_text) if is_document(cited.url)]
