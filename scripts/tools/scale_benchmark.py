#!/usr/bin/env python3
"""How the split and the site build grow with the size of the article.

    python scripts/tools/scale_benchmark.py [--scales 1 10 100] [--runs 5] [--build-runs 3]

Builds synthetic articles 1×, 10× and 100× the size of the real one (at 100×: 500 sections,
1,100 notes) in both export formats, by repeating the real exports: copy j of the text has
its markers and notes renumbered, its years made five-digit numbers and its headings suffixed
", part j", so the copies form one valid article. For each size it times (median of several runs) the split script as a user
runs it, the parsing and rendering alone (in process), and ``mkdocs build --strict`` of a
copy of the project holding the generated pages, then prints a Markdown table with the
ratio of each time to the 1× time. Times are medians in seconds; nothing is asserted.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from article.merge import merge
from article.parse import is_heading, parse_export
from article.pipeline import planned_files
from tools.baseline import plain_material
from tools.benchmark import median_run, run_once

ROOT = Path(__file__).resolve().parents[2]
WITH_TITLE = ROOT / "source" / "ceeep-web-page-with-title-and-footer.txt"
WITH_URLS = ROOT / "source" / "ceeep-web-page-with-headings-and-urls.txt"
TITLE = parse_export(WITH_TITLE).title  # for export 001 read alone, which has no title line
SKIP = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__", ".pytest_cache")


def shifted(line: str, by: int) -> str:
    """A line with its note markers renumbered by ``by``. In later copies the years lose their
    meaning (1952 → 19520), so that each dated event, and its editor's label, stays unique."""
    line = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + by}]", line)
    return re.sub(r"\b(1[89]\d\d|20\d\d)(?=s?\b)", r"\g<1>0", line) if by else line


def renamed(heading: str, copy: int, copies: int) -> str:
    """Copy ``copy``'s name for a heading: the last copy ends with the article's own Conclusions."""
    if heading == "Conclusions":
        return heading if copy == copies else f"Conclusions, part {copy}"
    return heading if copy == 1 else f"{heading}, part {copy}"


def scaled_000(text: str, copies: int, notes: int) -> str:
    """Export 000 (unheaded Introduction and Conclusions, numbered notes) repeated ``copies`` times."""
    lines = text.split("\n")
    keywords = next(i for i, line in enumerate(lines) if line.startswith("Key words"))
    first_note = next(i for i, line in enumerate(lines) if re.match(r"\s+1\. ", line))
    footer = next(i for i in range(first_note, len(lines)) if not re.match(r"\s+\d+\. ", lines[i]))
    body = "\n".join(lines[keywords + 1:first_note]).strip("\n")
    introduction_and_sections, conclusions = body.split("\n\n\n")
    parts = []
    for copy in range(1, copies + 1):
        by = notes * (copy - 1)
        part = [renamed(line, copy, copies) if line and is_heading(line) else shifted(line, by)
                for line in introduction_and_sections.split("\n")]
        if copy > 1:
            part = [f"Introduction, part {copy}", ""] + part
        end = ["", ""] if copy == copies else ["", f"Conclusions, part {copy}", ""]
        parts.append("\n".join(part + end + [shifted(line, by) for line in conclusions.split("\n")]))
    numbered = [re.sub(r"\d+", lambda m: str(int(m.group()) + notes * copy), line, count=1)
                for copy in range(copies) for line in lines[first_note:footer]]
    return "\n".join([*lines[:keywords + 1], "", "", "\n\n".join(parts), "", "", *numbered, *lines[footer:]])


def scaled_001(text: str, copies: int, notes: int) -> str:
    """Export 001 (every heading, "- … ↑" notes) repeated ``copies`` times."""
    lines = text.split("\n")
    keywords = next(i for i, line in enumerate(lines) if line.startswith("Key words"))
    endnotes = lines.index("Endnotes:")
    body = []
    for copy in range(1, copies + 1):
        body += [renamed(line, copy, copies) if is_heading(line) else shifted(line, notes * (copy - 1))
                 for line in lines[keywords + 1:endnotes]]
    bullets = [line for line in lines[endnotes + 1:] if line.startswith("- ")]
    rest = [line for line in lines[endnotes + 1:] if not line.startswith("- ")]
    return "\n".join([*lines[:keywords + 1], *body, "Endnotes:", *bullets * copies, *rest])


def median_seconds(run, times: int) -> float:
    """The median wall time of ``run()`` over ``times`` runs."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def median_process(command: list[str], times: int, pycache: Path) -> dict[str, float]:
    """Median wall and CPU seconds and peak memory of ``times`` new processes of ``command``."""
    return median_run([run_once(command, pycache) for _ in range(times)])


def measure(scale: int, work: Path, runs: int, build_runs: int) -> dict[str, float]:
    """Sizes and median times of one scale, with the plain-Material build of the same pages."""
    project = work / f"project-{scale}"
    shutil.copytree(ROOT, project, ignore=SKIP)
    sources = [work / f"{scale}x-{WITH_TITLE.name}", work / f"{scale}x-{WITH_URLS.name}"]
    sources[0].write_text(scaled_000(WITH_TITLE.read_text(encoding="utf-8"), scale, 11), encoding="utf-8")
    sources[1].write_text(scaled_001(WITH_URLS.read_text(encoding="utf-8"), scale, 11), encoding="utf-8")
    config, out, pycache = project / "mkdocs.yml", project / "docs", work / "pycache"
    split = [sys.executable, str(project / "scripts" / "split_article.py"), *map(str, sources), "--out", str(out)]
    run_once(split, pycache)  # writes the pages, warms the bytecode cache
    pages = planned_files(sources, config, None)
    row = {
        "scale": scale,
        "sections": len(merge([parse_export(path) for path in sources]).sections),
        "notes": pages["notes.md"].count("{: #note-"),
        "kb": sum(path.stat().st_size for path in sources) / 1000,
        "parse_render": median_seconds(lambda: planned_files(sources, config, None), runs),
        "split_000": median_seconds(lambda: planned_files(sources[:1], config, None), runs),
        "split_001": median_seconds(lambda: planned_files(sources[1:], config, TITLE), runs),
        "cli": median_process(split, runs, pycache),
    }
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config),
             "--site-dir", str(work / f"site-{scale}")]
    plain = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(plain_material(project, out)),
             "--site-dir", str(work / f"plain-{scale}")]
    row["build"], row["plain"] = median_process(build, build_runs, pycache), median_process(plain, build_runs, pycache)
    return row


def table(rows: list[dict]) -> str:
    """The rows as a Markdown table: each time with its ratio to the first row's; the build
    also against plain Material's build of the same pages."""
    base = rows[0]
    timed = [("parse+render, both", "parse_render"), ("parse+render, 000", "split_000"),
             ("parse+render, 001", "split_001")]
    head = ["scale", "sections", "notes", "source kB", "split CLI: wall / CPU", *(name for name, _ in timed),
            "mkdocs build: wall / CPU", "plain Material: wall / CPU", "build ÷ plain (CPU)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [f"{row['scale']}×", str(row["sections"]), str(row["notes"]), f"{row['kb']:.0f}"]
        cells.append(f"{row['cli']['seconds']:.2f} s / {row['cli']['cpu_seconds']:.2f} s "
                     f"({row['cli']['cpu_seconds'] / base['cli']['cpu_seconds']:.1f}×)")
        cells += [f"{row[key]:.3f} s ({row[key] / base[key]:.1f}×)" for _, key in timed]
        for key in ("build", "plain"):
            cells.append(f"{row[key]['seconds']:.1f} s / {row[key]['cpu_seconds']:.1f} s "
                         f"({row[key]['cpu_seconds'] / base[key]['cpu_seconds']:.1f}×)")
        cells.append(f"{row['build']['cpu_seconds'] / row['plain']['cpu_seconds']:.2f}×")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=5, help="runs of the split per scale (median)")
    parser.add_argument("--build-runs", type=int, default=3, help="runs of mkdocs build per scale (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="scale-") as work:
        for config in ([], ["-f", str(plain_material(Path(work)))]):  # warm the bytecode cache of both builds
            run_once([sys.executable, "-m", "mkdocs", "build", "--quiet", *config, "--site-dir", f"{work}/warm"],
                     Path(work) / "pycache")
        rows = [measure(scale, Path(work), args.runs, args.build_runs) for scale in args.scales]
    print(table(rows))


if __name__ == "__main__":
    main()
