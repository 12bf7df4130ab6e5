"""Measure the reader edition: build times, weight, first-load transfer, search and Lighthouse.

    uv run python scripts/tools/benchmark.py [--runs 5] [--lighthouse-runs 3] [--json bench/benchmark.json]

Prints a Markdown table and writes the figures as JSON. Every time is the median of several
runs. Pages are served on loopback under the project sub-path, as GitHub Pages serves them,
by a small server that gzips text when the browser asks for it (as GitHub Pages does); a
second server never compresses, so each page's first load is measured both ways in Debian's
Chromium (Playwright). Lighthouse (the npm package in package.json) runs with its default
mobile profile against the gzip server, with CHROME_PATH pointing at the same Chromium.
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
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "/vraem-reader/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_PAGES = ["", "introduction/"]          # the home page and one section page
SEARCH_QUERIES = ["coca", "VRAEM", "Bolivia", "narcoterrorism", "Sendero", "cartels", "Huallaga"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class PageLoad:
    """One page's first load in a fresh browser profile."""

    page: str
    requests: int
    third_party: int
    requests_by_type: dict[str, int] = field(default_factory=dict)
    gzip_bytes_by_type: dict[str, int] = field(default_factory=dict)
    identity_bytes_by_type: dict[str, int] = field(default_factory=dict)

    @property
    def gzip_bytes(self) -> int:
        return sum(self.gzip_bytes_by_type.values())

    @property
    def identity_bytes(self) -> int:
        return sum(self.identity_bytes_by_type.values())


# --- timing -------------------------------------------------------------------------------

def median_seconds(command: list[str], runs: int, make_args) -> float:
    """Median wall time of ``runs`` fresh processes of ``command`` (each with its own output)."""
    times = []
    for run in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([*command, *make_args(Path(out))], cwd=ROOT, env=ENV, check=True,
                           capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def build_time(runs: int) -> float:
    return median_seconds([sys.executable, "-m", "mkdocs", "build", "--strict"], runs,
                          lambda out: ["--site-dir", str(out / "site")])


def split_time(runs: int) -> float:
    return median_seconds([sys.executable, str(ROOT / "scripts" / "split_article.py")], runs,
                          lambda out: ["--out", str(out / "docs")])


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


def first_load(browser, url: str) -> list[tuple[str, str, int]]:
    """(resource type, URL, bytes on the wire: headers + encoded body) of every request.

    A request that failed (as any to a third party does here) counts with 0 bytes.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto(url, wait_until="networkidle")
    loads = []
    for request in (r for r in requests if not r.url.startswith("data:")):
        sizes = request.sizes() if request.failure is None else {}
        loads.append((request.resource_type, request.url,
                      sizes.get("responseHeadersSize", 0) + max(sizes.get("responseBodySize", 0), 0)))
    context.close()
    return loads


def page_load(browser, path: str, gzip_url: str, identity_url: str) -> PageLoad:
    gzipped, plain = first_load(browser, gzip_url + path), first_load(browser, identity_url + path)
    load = PageLoad(page=path or "(home)", requests=len(gzipped),
                    third_party=sum(not url.startswith(gzip_url) for _, url, _ in gzipped),
                    requests_by_type=dict(Counter(kind for kind, _, _ in gzipped)))
    for kind, _, size in gzipped:
        load.gzip_bytes_by_type[kind] = load.gzip_bytes_by_type.get(kind, 0) + size
    for kind, _, size in plain:
        load.identity_bytes_by_type[kind] = load.identity_bytes_by_type.get(kind, 0) + size
    return load


def search_latency_ms(browser, base_url: str, query: str) -> float:
    """Milliseconds from the last keystroke of ``query`` in Material's search box to rendered results."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim()"
                           " !== 'Initializing search'")
    page.keyboard.press("s")                      # Material's shortcut: open search
    box = page.locator("input.md-search__input")
    box.fill(query[:-1])                          # fill sends no keyup, so no search yet
    page.evaluate("""() => {
        const list = document.querySelector('.md-search-result__list');
        window.__searched = new Promise(resolve => {
            const box = document.querySelector('input.md-search__input');
            box.addEventListener('keydown', () => {
                const start = performance.now();
                new MutationObserver((_, observer) => {
                    if (list.querySelector('.md-search-result__item')) {
                        observer.disconnect();
                        requestAnimationFrame(() => resolve(performance.now() - start));
                    }
                }).observe(list, {childList: true, subtree: true});
            }, {once: true});
        });
    }""")
    page.keyboard.press(query[-1])
    latency = page.evaluate("window.__searched")
    context.close()
    return latency


# --- Lighthouse ---------------------------------------------------------------------------

def lighthouse_scores(url: str) -> dict[str, int]:
    """Category scores (0-100) of one Lighthouse run, mobile profile."""
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}"],
                       env={**ENV, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True)
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES}


def median_lighthouse(url: str, runs: int) -> dict[str, float]:
    results = [lighthouse_scores(url) for _ in range(runs)]
    return {name: statistics.median(r[name] for r in results) for name in LIGHTHOUSE_CATEGORIES}


# --- report -------------------------------------------------------------------------------

def kb(size: int) -> str:
    return f"{size / 1024:.1f} kB"


def markdown(figures: dict) -> str:
    """The figures as Markdown tables."""
    lines = ["| Measure | Value |", "| --- | --- |",
             f"| `mkdocs build --strict`, cold (median of {figures['runs']}) | {figures['build_seconds']:.2f} s |",
             f"| `split_article.py` alone (median of {figures['runs']}) | {figures['split_seconds']:.2f} s |",
             f"| Built site | {kb(figures['site_bytes'])} in {figures['site_files']} files |",
             f"| Search index | {kb(figures['search_index_bytes'])} ({kb(figures['search_index_gzip_bytes'])} gzipped) |",
             f"| Search latency, keystroke to results (median of {len(SEARCH_QUERIES)}) | "
             f"{figures['search_latency_ms']:.0f} ms |",
             f"| Third-party requests, all pages | {figures['third_party_requests']} |",
             "", "| Page (first load) | Requests | HTML | CSS | JS | Other | Total gzip | Total uncompressed |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for load in figures["pages"]:
        by_type = load["gzip_bytes_by_type"]
        other = sum(v for k, v in by_type.items() if k not in ("document", "stylesheet", "script"))
        lines.append(f"| {load['page']} | {load['requests']} | {kb(by_type.get('document', 0))} | "
                     f"{kb(by_type.get('stylesheet', 0))} | {kb(by_type.get('script', 0))} | {kb(other)} | "
                     f"{kb(sum(by_type.values()))} | {kb(sum(load['identity_bytes_by_type'].values()))} |")
    if figures.get("lighthouse"):
        lines += ["", f"| Lighthouse, mobile (median of {figures['lighthouse_runs']}) | "
                  + " | ".join(LIGHTHOUSE_CATEGORIES) + " |", "| --- |" + " ---: |" * len(LIGHTHOUSE_CATEGORIES)]
        for page, scores in figures["lighthouse"].items():
            lines.append(f"| {page or '(home)'} | " + " | ".join(f"{scores[c]:g}" for c in LIGHTHOUSE_CATEGORIES) + " |")
    return "\n".join(lines)


def measure(runs: int, lighthouse_runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    figures: dict = {"runs": runs, "lighthouse_runs": lighthouse_runs}
    print("timing builds …", file=sys.stderr)
    figures["build_seconds"] = build_time(runs)
    figures["split_seconds"] = split_time(runs)
    with tempfile.TemporaryDirectory() as out:
        site = Path(out) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=ROOT, env=ENV, check=True, capture_output=True)
        files = [p for p in site.rglob("*") if p.is_file()]
        figures["site_bytes"], figures["site_files"] = sum(p.stat().st_size for p in files), len(files)
        index = (site / "search" / "search_index.json").read_bytes()
        figures["search_index_bytes"] = len(index)
        figures["search_index_gzip_bytes"] = len(gzip.compress(index, compresslevel=6, mtime=0))
        with served(site, compress=True) as gzip_url, served(site, compress=False) as identity_url, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            print("loading pages …", file=sys.stderr)
            loads = [page_load(browser, path, gzip_url, identity_url) for path in page_paths(site)]
            figures["pages"] = [{**asdict(load), "gzip_bytes": load.gzip_bytes,
                                 "identity_bytes": load.identity_bytes} for load in loads]
            figures["third_party_requests"] = sum(load.third_party for load in loads)
            print("searching …", file=sys.stderr)
            latencies = [search_latency_ms(browser, gzip_url, query) for query in SEARCH_QUERIES]
            figures["search_latencies_ms"] = latencies
            figures["search_latency_ms"] = statistics.median(latencies)
            browser.close()
            if lighthouse_runs:
                print("running Lighthouse …", file=sys.stderr)
                figures["lighthouse"] = {path: median_lighthouse(gzip_url + path, lighthouse_runs)
                                         for path in LIGHTHOUSE_PAGES}
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per build timing (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page; 0 skips it")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "benchmark.json", help="where to write JSON")
    args = parser.parse_args(argv)
    figures = measure(args.runs, args.lighthouse_runs)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(markdown(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
