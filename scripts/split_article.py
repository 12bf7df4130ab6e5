#!/usr/bin/env python3
"""Split the raw article into the Markdown pages of its reader edition.

    python scripts/split_article.py [SOURCE ...] [--out DIR] [--check] [--title TITLE]

With no SOURCE, reads every export in source/; with no --out, writes to docs/. Exits 0 on
success; with --check, writes nothing and exits 1 listing the pages that differ from what
would be written; on bad input, exits 2 with ``FILE:LINE: what is wrong`` and leaves the
output folder as it was. The rules for reading an export are in ``article/parse.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from article.abbreviations import abbreviations, definitions  # noqa: E402
from article.config import load_edition  # noqa: E402
from article.glossary import glossary_page  # noqa: E402
from article.merge import merge  # noqa: E402
from article.model import ArticleError  # noqa: E402
from article.output import differences, write  # noqa: E402
from article.parse import parse_export  # noqa: E402
from article.print_edition import print_page  # noqa: E402
from article.render import GENERATED, navigation, render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def planned_files(sources: list[Path], config: Path, title: str | None) -> dict[str, str]:
    """Every generated file's path below the output folder, with its text."""
    article = merge([parse_export(path) for path in sources], title)
    edition = load_edition(config)
    pages = render(article, edition)
    abbrs = abbreviations(article, edition.publisher)
    after_notes = next(i for i, page in enumerate(pages) if page.path == "notes.md") + 1
    pages[after_notes:after_notes] = [glossary_page(article, abbrs), print_page(article)]
    return {".article.yml": navigation(pages, article.title), ".abbreviations.md": definitions(abbrs, GENERATED),
            **{page.path: page.text for page in pages}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", type=Path, help="raw exports (default: source/*.txt)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="output folder (default: docs/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if pages are out of date")
    parser.add_argument("--title", help="the article's title, for exports that lack a title line")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="site configuration")
    args = parser.parse_args(argv)
    sources = args.sources or sorted((ROOT / "source").glob("*.txt"))
    try:
        missing = next((path for path in sources if not path.is_file()), None)
        if missing or not sources:
            raise ArticleError(missing or ROOT / "source", 1, "no such file: expected a raw export of the article")
        planned = planned_files(sources, args.config, args.title)
    except ArticleError as error:
        print(error, file=sys.stderr)
        return 2
    if args.check:
        stale = differences(args.out, planned)
        for name in stale:
            print(f"{args.out / name}: out of date; run python scripts/split_article.py", file=sys.stderr)
        return 1 if stale else 0
    for name in write(args.out, planned):
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
