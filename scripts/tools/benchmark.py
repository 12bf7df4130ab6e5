"""Measure the reader edition: build times, weight, first-load transfer, search and Lighthouse.

    uv run python scripts/tools/benchmark.py [--runs 5] [--lighthouse-runs 5] [--desktop] [--json bench/benchmark.json]
    uv run python scripts/tools/benchmark.py --search-only --json /tmp/search.json

Prints Markdown tables and writes the figures as JSON. Each figure stands beside the same one
for plain Material, which the benchmark builds itself (the same docs/, no hooks, no features,
no overrides, this site's palette, toggle and font setting), with their ratio. Every time is
the median of several runs. Pages are served on loopback under the project sub-path, as GitHub
Pages serves them, by a small server that gzips text when the browser asks for it (as GitHub Pages does); a
second server never compresses, so each page's first load is measured both ways in Debian's
Chromium (Playwright). Lighthouse (the npm package in package.json) runs with its default
mobile profile (or, with --desktop, its desktop one, wide enough for a section's notes to stand
in the margin) against the gzip server, with CHROME_PATH pointing at the same Chromium, on
both sites in turn.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from tools.baseline import plain_material
from tools.first_load import page_load
from tools.search_timing import SEARCH_QUERIES, search_latency

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "/vraem-reader/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_PAGES = ["", "introduction/"]          # the home page and one section page
LIGHTHOUSE_METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
                      "speed-index": "SI", "cumulative-layout-shift": "CLS"}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# --- timing -------------------------------------------------------------------------------

@dataclass
class Run:
    """One process: wall and CPU seconds, and the peak memory of it and its helpers (pandoc)."""

    seconds: float
    cpu_seconds: float
    peak_mib: float


def run_once(command: list[str], pycache: Path) -> Run:
    """Run ``command`` as a new process whose Python bytecode cache is ``pycache`` (an empty folder
    there means every cache empty); its CPU time and peak memory include the processes it waited for."""
    env = {**{k: v for k, v in ENV.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPYCACHEPREFIX": str(pycache)}
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            sys.exit(f"{' '.join(command)} failed:\n{errors.read().decode(errors='replace')}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_run(runs: list[Run]) -> dict[str, float]:
    return {name: statistics.median(getattr(run, name) for run in runs)
            for name in ("seconds", "cpu_seconds", "peak_mib")}


def timings(runs: int) -> dict[str, dict[str, dict[str, float]]]:
    """Cold runs (new processes) of the site's build, the plain-Material build and the split,
    taken in turn so that a busy machine slows each alike: with a warm bytecode cache, as on a
    working machine, and with every cache empty."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        commands = {
            "build": [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(work / "site")],
            "plain_build": [sys.executable, "-m", "mkdocs", "build", "-f", str(plain_material(work)),
                            "--site-dir", str(work / "plain")],
            "split": [sys.executable, str(ROOT / "scripts" / "split_article.py"), "--out", str(work / "docs")],
        }
        for command in commands.values():
            run_once(command, work / "pycache")  # warms the cache
        warm: dict[str, list[Run]] = {name: [] for name in commands}
        empty: dict[str, list[Run]] = {name: [] for name in commands}
        for run in range(runs):
            for name, command in commands.items():
                warm[name].append(run_once(command, work / "pycache"))
                empty[name].append(run_once(command, work / f"empty-{name}-{run}"))
    return {"warm": {name: median_run(r) for name, r in warm.items()},
            "empty": {name: median_run(r) for name, r in empty.items()}}


# --- serving ------------------------------------------------------------------------------

class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below SUB_PATH only; gzips text when asked, unless ``compress`` is off."""

    compress = True

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        wants_gzip = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def served(site: Path, compress: bool) -> Iterator[str]:
    """The site served on loopback; yields its base URL."""
    handler = type("Handler", (SiteHandler,), {"compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()


# --- browser ------------------------------------------------------------------------------

def page_paths(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix().removesuffix("index.html")
            for p in sorted(site.rglob("index.html"), key=lambda p: (p.parent != site, p))]


# --- Lighthouse ---------------------------------------------------------------------------

def lighthouse_scores(url: str, desktop: bool = False, attempts: int = 3) -> dict[str, float]:
    """Category scores (0-100) of one Lighthouse run, mobile or desktop profile, and its performance
    metrics (ms; CLS, layout shift, has no unit);
    a run Lighthouse gives up on (Chromium slow to start on a busy machine) is tried again."""
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                   f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
                   *(["--preset=desktop"] if desktop else [])]
        if not any(subprocess.run(command, env={**ENV, "CHROME_PATH": CHROMIUM}, capture_output=True).returncode == 0
                   for _ in range(attempts)):
            sys.exit(f"Lighthouse failed {attempts} times on {url}")
        result = json.loads(report.read_text(encoding="utf-8"))
    return {**{name: round(result["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES},
            **{short: result["audits"][audit]["numericValue"] for audit, short in LIGHTHOUSE_METRICS.items()}}


def lighthouse(urls: dict[str, str], runs: int, desktop: bool = False) -> dict[str, dict[str, dict[str, float]]]:
    """Median Lighthouse figures of each page of each site ({site: base URL}), run in turn."""
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    for _ in range(runs):
        for path in LIGHTHOUSE_PAGES:
            for name, url in urls.items():
                results.setdefault((name, path), []).append(lighthouse_scores(url + path, desktop))
    return {name: {path: {key: statistics.median(r[key] for r in results[name, path]) for key in results[name, path][0]}
                   for path in LIGHTHOUSE_PAGES} for name in urls}


# --- report -------------------------------------------------------------------------------

def kb(size: float) -> str:
    return f"{size / 1024:.1f} KiB"


def row(name: str, ours: float, plain: float | None, unit: str = "", digits: int = 2) -> str:
    """One comparison row: this site, the plain-Material baseline and their ratio."""
    if plain is None:
        return f"| {name} | {ours:.{digits}f}{unit} | — | — |"
    return f"| {name} | {ours:.{digits}f}{unit} | {plain:.{digits}f}{unit} | {ours / plain:.2f}× |"


def comparison(figures: dict) -> list[str]:
    """This site against plain Material (the same docs/ and palette, no hooks, no features)."""
    runs, sites, home = figures["runs"], figures["sites"], figures["home"]
    lines = ["| Measure | This site | Plain Material | Ratio |", "| --- | ---: | ---: | ---: |"]
    for cache, label in (("warm", "bytecode cached"), ("empty", "every cache empty")):
        ours, plain = figures["timings"][cache], figures["timings"][cache]["plain_build"]
        lines += [row(f"`mkdocs build --strict`, cold, {label}: wall (median of {runs})",
                      ours["build"]["seconds"], plain["seconds"], " s"),
                  row(f"… CPU, {label}", ours["build"]["cpu_seconds"], plain["cpu_seconds"], " s"),
                  row(f"… peak memory, {label}", ours["build"]["peak_mib"], plain["peak_mib"], " MiB", 0),
                  row(f"`split_article.py`, {label}: wall (CPU {ours['split']['cpu_seconds']:.2f} s, "
                      f"peak {ours['split']['peak_mib']:.0f} MiB with pandoc)", ours["split"]["seconds"], None, " s")]
    lines += [row("Built site", sites["site"]["bytes"] / 1024, sites["plain"]["bytes"] / 1024, " KiB", 0),
              row("Home page, first load: requests (this site fetches the search index when search is reached)",
                  home["site"]["requests"], home["plain"]["requests"], "", 0),
              row("Home page, first load: bytes on the wire (gzip)", home["site"]["gzip_bytes"] / 1024,
                  home["plain"]["gzip_bytes"] / 1024, " KiB", 1)]
    return lines


def search_rows(figures: dict) -> list[str]:
    """What search loads (gzipped) and how long it takes, beside plain Material."""
    sites, latency, first = figures["sites"], figures["search_latency_ms"], figures["first_search_ms"]
    loads = {name: site["index_gzip"] + site["worker_gzip"] for name, site in sites.items()}
    n = len(SEARCH_QUERIES)
    return ["| Measure | This site | Plain Material | Ratio |", "| --- | ---: | ---: | ---: |",
            row("Everything search loads (index, workers and what they import), gzipped", loads["site"] / 1024,
                loads["plain"] / 1024, " KiB", 1),
            row("… the index", sites["site"]["index_gzip"] / 1024, sites["plain"]["index_gzip"] / 1024, " KiB", 1),
            row("… the workers", sites["site"]["worker_gzip"] / 1024, sites["plain"]["worker_gzip"] / 1024, " KiB", 1),
            row(f"Keystroke to results in the page, ms (median of {n} queries typed key by key)",
                latency["site"]["page"], latency["plain"]["page"], " ms", 1),
            row("Keystroke to the frame that shows them, ms", latency["site"]["screen"], latency["plain"]["screen"],
                " ms", 1),
            row(f"First search on a fresh page: opening it to results on screen, ms (median of {n})",
                first["site"], first["plain"], " ms", 0)]


def markdown(figures: dict) -> str:
    """The figures as Markdown tables."""
    lines = [*comparison(figures), *search_rows(figures)[2:], "",
             f"Third-party requests, all pages: {figures['third_party_requests']}.",
             "", "| Page (first load) | Requests | HTML | CSS | JS | Other | Total gzip | Total uncompressed "
             "| Plain Material, total gzip |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for load in figures["pages"]:
        by_type = load["gzip_bytes_by_type"]
        other = sum(v for k, v in by_type.items() if k not in ("document", "stylesheet", "script"))
        lines.append(f"| {load['page']} | {load['requests']} | {kb(by_type.get('document', 0))} | "
                     f"{kb(by_type.get('stylesheet', 0))} | {kb(by_type.get('script', 0))} | {kb(other)} | "
                     f"{kb(sum(by_type.values()))} | {kb(sum(load['identity_bytes_by_type'].values()))} | "
                     f"{kb(load['plain_gzip_bytes'])} |")
    if figures.get("lighthouse"):
        keys = [*LIGHTHOUSE_CATEGORIES, *LIGHTHOUSE_METRICS.values()]
        profile = "desktop" if figures.get("desktop") else "mobile"
        lines += ["", f"| Lighthouse, {profile} (median of {figures['lighthouse_runs']}; this site, then plain Material) "
                  "| "
                  + " | ".join(keys) + " (ms; CLS has no unit) |", "| --- |" + " ---: |" * len(keys)]
        lines += [f"| {page or '(home)'}, {label} | " + " | ".join(f"{scores[key]:.3g}" if key == "CLS" else
                                                               f"{scores[key]:.0f}" for key in keys) + " |"
                  for site, label in (("lighthouse", "this site"), ("plain_lighthouse", "plain Material"))
                  for page, scores in figures[site].items()]
    return "\n".join(lines)


def built(site: Path, options: list[str]) -> dict[str, int]:
    """Build a site into ``site``; its size, its search index's and its search worker's (with what it loads)."""
    subprocess.run([sys.executable, "-m", "mkdocs", "build", *options, "--site-dir", str(site)],
                   cwd=ROOT, env=ENV, check=True, capture_output=True)
    files = [p for p in site.rglob("*") if p.is_file()]
    index = (site / "search" / "search_index.json").read_bytes()
    return {"bytes": sum(p.stat().st_size for p in files), "files": len(files), "index": len(index),
            "index_gzip": len(gzip.compress(index, compresslevel=6, mtime=0)),
            "worker_gzip": sum(len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in site.glob("assets/javascripts/workers/*.js"))}


def browse(figures: dict, site: Path, plain: Path, lighthouse_runs: int, desktop: bool = False) -> None:
    """Page loads, search latency and Lighthouse, for this site and for plain Material."""
    from playwright.sync_api import sync_playwright

    with served(site, compress=True) as gzip_url, served(site, compress=False) as identity_url, \
            served(plain, compress=True) as plain_url, served(plain, compress=False) as plain_identity, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        print("loading pages …", file=sys.stderr)
        paths = page_paths(site)
        loads = [page_load(browser, path, gzip_url, identity_url) for path in paths]
        plain_loads = [page_load(browser, path, plain_url, plain_identity) for path in paths]
        figures["pages"] = [{**asdict(load), "gzip_bytes": load.gzip_bytes, "identity_bytes": load.identity_bytes,
                             "plain_gzip_bytes": plain.gzip_bytes} for load, plain in zip(loads, plain_loads)]
        figures["third_party_requests"] = sum(load.third_party for load in loads)
        figures["home"] = {name: {"requests": load.requests, "gzip_bytes": load.gzip_bytes}
                           for name, load in (("site", loads[0]), ("plain", plain_loads[0]))}
        print("searching …", file=sys.stderr)
        search_latency(figures, browser, gzip_url, plain_url)
        browser.close()
        if lighthouse_runs:
            print("running Lighthouse …", file=sys.stderr)
            medians = lighthouse({"site": gzip_url, "plain": plain_url}, lighthouse_runs, desktop)
            figures["lighthouse"], figures["plain_lighthouse"] = medians["site"], medians["plain"]


def search_only() -> dict:
    """The sizes of what search loads and its latencies, this site beside plain Material: no build
    timings, page loads nor Lighthouse."""
    from playwright.sync_api import sync_playwright

    figures: dict = {}
    with tempfile.TemporaryDirectory() as out:
        site, plain = Path(out) / "site", Path(out) / "plain"
        figures["sites"] = {"site": built(site, ["--strict"]),
                            "plain": built(plain, ["-f", str(plain_material(Path(out)))])}
        with served(site, compress=True) as url, served(plain, compress=True) as plain_url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            search_latency(figures, browser, url, plain_url)
            browser.close()
    return figures


def measure(runs: int, lighthouse_runs: int, desktop: bool = False) -> dict:
    figures: dict = {"runs": runs, "lighthouse_runs": lighthouse_runs, "desktop": desktop}
    print("timing builds …", file=sys.stderr)
    figures["timings"] = timings(runs)
    with tempfile.TemporaryDirectory() as out:
        site, plain = Path(out) / "site", Path(out) / "plain"
        figures["sites"] = {"site": built(site, ["--strict"]),
                            "plain": built(plain, ["-f", str(plain_material(Path(out)))])}
        browse(figures, site, plain, lighthouse_runs, desktop)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per build timing (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page; 0 skips it")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop profile, not its mobile one")
    parser.add_argument("--search-only", action="store_true",
                        help="only what search loads and its latencies (no build timings, page loads, Lighthouse)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "benchmark.json", help="where to write JSON")
    args = parser.parse_args(argv)
    figures = search_only() if args.search_only else measure(args.runs, args.lighthouse_runs, args.desktop)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print("\n".join(search_rows(figures)) if args.search_only else markdown(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
