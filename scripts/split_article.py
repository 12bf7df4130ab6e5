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

from article.model import ArticleError
from article.output import differences, write
from article.pipeline import planned_files

ROOT = Path(__file__).resolve().parent.parent


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
        if not sources:
            raise ArticleError(ROOT / "source", 1, "no raw export here: expected one or more .txt files")
        planned = planned_files(sources, args.config, args.title)
        if args.check:
            stale = differences(args.out, planned)
        else:
            changed = write(args.out, planned)
    except ArticleError as error:
        print(error, file=sys.stderr)
        return 2
    if args.check:
        for name in stale:
            print(f"{args.out / name}: out of date; run python scripts/split_article.py", file=sys.stderr)
        return 1 if stale else 0
    for name in changed:
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
