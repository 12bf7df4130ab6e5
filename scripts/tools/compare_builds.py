"""Compare two builds of the site page by page: do their HTML pages say the same thing?

    python scripts/tools/compare_builds.py SITE_A SITE_B

Used by the canary workflow to check that ProperDocs (the maintained fork of MkDocs 1.x)
builds the same site as MkDocs. Pages are compared as parsed HTML (tags, attributes, text
with runs of white space collapsed), ignoring only the ``generator`` meta tag, which names
the builder. Exit 0 when both builds have the same pages with the same content, 1 otherwise
(listing each difference), 2 when a folder is missing.
"""

from __future__ import annotations

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path

Token = tuple[str, ...]


class PageTokens(HTMLParser):
    """A page as a list of tokens: start tags with sorted attributes, end tags, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and ("name", "generator") in attrs:
            return
        self.tokens.append(("start", tag, *sorted(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if text := " ".join(data.split()):
            self.tokens.append(("text", text))


def page_tokens(html: str) -> list[Token]:
    """What a page says, without the builder's name and without layout white space."""
    parser = PageTokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def first_difference(a: list[Token], b: list[Token]) -> str:
    """Where two token lists first part, shown as a short excerpt of each side from that point."""
    for index, (left, right) in enumerate(zip(a, b)):
        if left != right:
            left_text, right_text = " ".join(left), " ".join(right)
            start = next((i for i, (x, y) in enumerate(zip(left_text, right_text)) if x != y),
                         min(len(left_text), len(right_text)))
            start = max(0, start - 20)
            return f"token {index}: {left_text[start:start + 60]!r} != {right_text[start:start + 60]!r}"
    return f"one page ends at token {min(len(a), len(b))}"


def differences(site_a: Path, site_b: Path) -> list[str]:
    """Every page present in only one build, and every HTML page whose content differs."""
    files_a = {p.relative_to(site_a).as_posix() for p in site_a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(site_b).as_posix() for p in site_b.rglob("*") if p.is_file()}
    found = [f"{name}: only in {site_a}" for name in sorted(files_a - files_b)]
    found += [f"{name}: only in {site_b}" for name in sorted(files_b - files_a)]
    for name in sorted(n for n in files_a & files_b if n.endswith(".html")):
        a = page_tokens((site_a / name).read_text(encoding="utf-8"))
        b = page_tokens((site_b / name).read_text(encoding="utf-8"))
        if a != b:
            found.append(f"{name}: {first_difference(a, b)}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    args = parser.parse_args(argv)
    for folder in (args.site_a, args.site_b):
        if not folder.is_dir():
            print(f"{folder}: no such folder", file=sys.stderr)
            return 2
    found = differences(args.site_a, args.site_b)
    for line in found:
        print(line)
    pages = sum(1 for _ in args.site_a.rglob("*.html"))
    print(f"{len(found)} difference(s) in {pages} HTML page(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
