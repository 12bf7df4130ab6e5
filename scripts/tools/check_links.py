#!/usr/bin/env python3
"""Check every external link of a built site; report which are live, redirected or dead.

    python scripts/tools/check_links.py SITE_DIR [--timeout SECONDS]

Writes a Markdown report to the file named by $GITHUB_STEP_SUMMARY when it is set (the
job summary of a GitHub Actions run), else to standard output. Always exits 0 once the
site has been read: a dead source is news for the editors, not a broken build.
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

USER_AGENT = "vraem-reader-link-check/1.0"
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
RETRY_WITH_GET = {403, 405, 501}  # servers that refuse HEAD but serve GET


@dataclass(frozen=True)
class Result:
    """What one URL answered: ``kind`` is "live", "redirected" or "dead"."""

    url: str
    kind: str
    detail: str
    final_url: str | None = None


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith(("http://", "https://")):
            self.links.append(href)


def external_links(site: Path) -> dict[str, list[str]]:
    """Every external link of the site's pages, with the pages (relative paths) that hold it."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        parser = LinkParser()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in dict.fromkeys(parser.links):
            found.setdefault(url, []).append(page.relative_to(site).as_posix())
    return dict(sorted(found.items()))


def request(url: str, method: str, timeout: float):
    req = urllib.request.Request(quote(url, safe=URL_SAFE), method=method, headers={"User-Agent": USER_AGENT})
    return urllib.request.urlopen(req, timeout=timeout)  # follows redirects


def check(url: str, timeout: float = 20) -> Result:
    """Ask for ``url`` (HEAD, or GET where HEAD is refused) and classify the answer."""
    for method in ("HEAD", "GET"):
        try:
            with request(url, method, timeout) as response:
                final = response.geturl()
                if final != quote(url, safe=URL_SAFE):
                    return Result(url, "redirected", f"HTTP {response.status}", final)
                return Result(url, "live", f"HTTP {response.status}")
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in RETRY_WITH_GET:
                continue
            return Result(url, "dead", f"HTTP {error.code} {error.reason}")
        except (urllib.error.URLError, OSError, ValueError) as error:
            return Result(url, "dead", str(getattr(error, "reason", error)))
    raise AssertionError("unreachable")


def report(results: list[Result], pages: dict[str, list[str]]) -> str:
    """The Markdown report: counts, then dead, redirected and live links with their pages."""
    by_kind = {kind: [r for r in results if r.kind == kind] for kind in ("dead", "redirected", "live")}
    lines = [f"## External links: {len(results)} checked", "",
             " · ".join(f"{len(rows)} {kind}" for kind, rows in by_kind.items()), ""]
    for kind, rows in by_kind.items():
        if not rows:
            continue
        lines += [f"### {kind.capitalize()}", "", "| URL | Answer | On pages |", "| --- | --- | --- |"]
        for r in rows:
            answer = f"{r.detail} → {r.final_url}" if r.final_url else r.detail
            lines.append(f"| {r.url} | {answer.replace('|', '/')} | {', '.join(pages[r.url])} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site (mkdocs build --site-dir)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds to wait for each answer")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no such folder: build the site first", file=sys.stderr)
        return 2
    pages = external_links(args.site)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda url: check(url, args.timeout), pages))
    text = report(results, pages)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
