"""Shared fixtures: the raw exports, a real ``mkdocs build --strict``, a local server and a browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from article.numbering import slugify
from workflow import run_build

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
WITH_TITLE = SOURCE / "ceeep-web-page-with-title-and-footer.txt"      # export 000
WITH_URLS = SOURCE / "ceeep-web-page-with-headings-and-urls.txt"      # export 001
CONFIG = ROOT / "mkdocs.yml"
# The article's sections and the names of their pages, as the project's own slugify makes them.
INTRODUCTION, NEOSENDERISM, RESURGENCE, MUTATION, CONCLUSIONS = (slugify(heading) for heading in (
    "Introduction", "Neosenderism in the VRAEM", "Resurgence of Coca Cultivation in Peru and Bolivia",
    "The Mutation of the Shining Path into a Narcoterrorist Organization", "Conclusions"))
SECTIONS = [INTRODUCTION, NEOSENDERISM, RESURGENCE, MUTATION, CONCLUSIONS]
# The title block's line saying when and where the article appeared, as a reader reads it.
POSTED = ("Posted on its publisher's website on 7 September 2023, as a chapter of Ambiente Estratégico 2022: "
          "Seguridad, Desarrollo y Defensa Nacional (the only date the source gives; “2022” is part of the book's title)")
SUB_PATH = "/vraem-reader/"  # GitHub Pages serves a project site under the repository's name
# A fork the deploy workflow is run for in the tests, and the address Pages gives it.
FORK = "someone/other-name"
FORK_SITE_URL = "https://someone.github.io/other-name/"
FORK_REPO_URL = "https://github.com/someone/other-name"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]


def run_split(*args: str | Path, cwd: Path = ROOT, timeout: float | None = None, env: dict[str, str] | None = None,
              script: Path = ROOT / "scripts" / "split_article.py") -> subprocess.CompletedProcess[str]:
    """Run the split script (or a copy of it) as a reader would, capturing its output."""
    return subprocess.run([sys.executable, str(script), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, env={**os.environ, **(env or {})})


def build_site(out: Path, project: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` of ``project`` into ``out``."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=project, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as ``mkdocs build --strict`` writes it from the committed pages."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the deploy workflow's build step writes it in the fork FORK, whose Pages address
    actions/configure-pages reports as FORK_SITE_URL (without the final slash, as it does)."""
    runner_temp = tmp_path_factory.mktemp("runner-temp")
    github = {"GITHUB_REPOSITORY": FORK, "GITHUB_SERVER_URL": "https://github.com", "RUNNER_TEMP": str(runner_temp)}
    context = {"github.repository": FORK, "github.server_url": "https://github.com",
               "steps.pages.outputs.base_url": FORK_SITE_URL.rstrip("/"), "runner.temp": str(runner_temp)}
    return run_build(context, {**github, "NO_MKDOCS_2_WARNING": "1"}, ROOT)


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below ``sub_path`` only, like GitHub Pages serves a project site."""

    sub_path = SUB_PATH

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.sub_path):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.sub_path):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """An address that is not in the site gets the site's 404.html, as GitHub Pages answers."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class LoopbackServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that stops reading (a page left before its files came) is no error of the site's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(site: Path, sub_path: str = SUB_PATH) -> Iterator[str]:
    """The built site served on loopback under ``sub_path``; yields its address."""
    handler = type("Handler", (SubPathHandler,), {"sub_path": sub_path})
    server = LoopbackServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(site: Path) -> str:
    """The built site served on loopback under the project sub-path."""
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser fails: it is never a skip."""
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).is_file():
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium package (see .ci/run)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


def open_search(page) -> None:
    """Open search with its "/" shortcut, as a reader does, and wait until the box has focus: Material
    focuses it on its own schedule, and keys typed before that went nowhere on a loaded machine. A
    shortcut that opened nothing (pressed, on a loaded machine, before Material listened) is pressed
    again, as a reader would."""
    focused = page.locator(".md-search__input:focus")
    for _ in range(3):
        page.keyboard.press("/")
        try:
            focused.wait_for(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            continue
    focused.wait_for()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized browser page."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@pytest.fixture
def laptop(browser):
    """A desktop page narrower than a section's notes need to stand in the margin (1024 px): there a
    note pops up from its marker, as on every narrower screen."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def article():
    """The article as the script reads it from both raw exports."""
    from article.merge import merge
    from article.parse import parse_export

    return merge([parse_export(WITH_TITLE), parse_export(WITH_URLS)])


@pytest.fixture(scope="session")
def passages(article):
    """Every text of the edition a reader can be sent to, with its place."""
    from article.config import load_config
    from article.numbering import passages

    return passages(article, load_config(CONFIG).edition)


@pytest.fixture(scope="session")
def files(article) -> dict[str, str]:
    """Every file the split script generates from both exports, by path below docs/."""
    from article.pipeline import article_files

    return article_files(article, CONFIG)
