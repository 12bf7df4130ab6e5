"""Time the build with and without the PDF and EPUB downloads, and give their sizes.

    uv run python scripts/tools/downloads_benchmark.py [--runs 5] [--baseline main]

Prints the medians of ``mkdocs build --strict`` (a fresh process and site folder each run, the
three kinds taken in turn) for: the baseline revision, before the downloads (checked out in a
temporary git worktree, its own ``scripts/`` first on the import path); this tree with the
downloads' cache emptied before the build (cold); and this tree with the cache kept (cached:
what every rebuild of ``mkdocs serve`` pays while the article is unchanged).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "downloads"


def build_seconds(project: Path, cold: bool = False) -> float:
    """Wall time of one build of ``project``; ``cold`` empties the downloads' cache first."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    if cold:
        shutil.rmtree(CACHE, ignore_errors=True)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", out],
                       cwd=project, env=env, check=True, capture_output=True)
        return time.perf_counter() - start


def medians(revision: str, runs: int) -> dict[str, float]:
    """Median build times of the baseline, cold and cached builds, taken in turn so that a
    change in the machine's load touches all three alike."""
    times: dict[str, list[float]] = {"baseline": [], "cold": [], "cached": []}
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), revision], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            for _ in range(runs):
                times["baseline"].append(build_seconds(tree))
                times["cold"].append(build_seconds(ROOT, cold=True))
                times["cached"].append(build_seconds(ROOT))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True)
    return {name: statistics.median(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per median (default 5)")
    parser.add_argument("--baseline", default="main", help="the revision without downloads (default main)")
    args = parser.parse_args(argv)
    times = medians(args.baseline, args.runs)
    baseline, cold, cached = times["baseline"], times["cold"], times["cached"]
    files = yaml.safe_load((ROOT / "docs" / ".downloads.yml").read_text(encoding="utf-8"))["files"]
    sizes = {kind: next(CACHE.glob(f"*.{kind.lower()}")).stat().st_size for kind in files}
    print(f"| `mkdocs build --strict`, median of {args.runs} | seconds | added |\n| --- | ---: | ---: |")
    print(f"| {args.baseline}, without downloads | {baseline:.2f} | |")
    for name, seconds in (("with downloads, cold cache", cold), ("with downloads, cached", cached)):
        print(f"| {name} | {seconds:.2f} | {seconds - baseline:+.2f} |")
    print("\n" + ", ".join(f"{kind}: {size / 1000:.1f} kB" for kind, size in sizes.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
