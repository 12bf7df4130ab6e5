"""The external-link check: live, redirected and dead links, reported without failing.

Runs against a server on 127.0.0.1 only; no test reaches the internet.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading

import pytest
from conftest import ROOT
from tools.check_links import external_links


class Answers(http.server.BaseHTTPRequestHandler):
    """/live is 200, /moved redirects to /live, /gone is 404, /no-head refuses HEAD but serves GET."""

    def answer(self, body: bool) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/live")
        elif self.path == "/live" or (self.path == "/no-head" and self.command == "GET"):
            self.send_response(200)
        elif self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:
        self.answer(body=False)

    def do_GET(self) -> None:
        self.answer(body=True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    instance = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=instance.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{instance.server_address[1]}"
    instance.shutdown()


@pytest.fixture
def checked(tmp_path, server):
    """The check run on a small site linking to each kind of answer; its report and exit code."""
    site = tmp_path / "site"
    (site / "notes").mkdir(parents=True)
    links = "".join(f'<a href="{server}{path}">x</a>' for path in ("/live", "/moved", "/gone", "/no-head"))
    (site / "index.html").write_text(f'<a href="../notes/">local</a>{links}', encoding="utf-8")
    (site / "notes" / "index.html").write_text(f'<a href="{server}/gone">x</a>', encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "tools" / "check_links.py"), str(site), "--timeout", "5"],
                            capture_output=True, text=True, encoding="utf-8",
                            env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": "", "NO_PROXY": "*"})
    return result, summary.read_text(encoding="utf-8"), server


def section(report: str, heading: str) -> str:
    return report.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]


def test_the_check_exits_0_even_when_links_are_dead(checked):
    result, report, _ = checked
    assert result.returncode == 0, result.stderr
    assert "## External links: 4 checked\n\n1 dead · 1 redirected · 2 live" in report


def test_a_404_is_reported_dead_with_every_page_that_links_to_it(checked):
    _, report, server = checked
    assert f"| {server}/gone | HTTP 404 Not Found | index.html, notes/index.html |" in section(report, "Dead")


def test_a_redirect_is_reported_with_where_it_now_leads(checked):
    _, report, server = checked
    assert f"| {server}/moved | HTTP 200 → {server}/live | index.html |" in section(report, "Redirected")


def test_a_server_that_refuses_head_is_asked_with_get(checked):
    _, report, server = checked
    live = section(report, "Live")
    assert f"| {server}/live | HTTP 200 | index.html |" in live and f"| {server}/no-head | HTTP 200 |" in live


def test_an_unreachable_host_is_reported_dead_not_raised(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<a href="http://127.0.0.1:9/closed">x</a>', encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "tools" / "check_links.py"), str(site), "--timeout", "5"],
                            capture_output=True, text=True, encoding="utf-8", env={"PATH": "", "NO_PROXY": "*"})
    assert result.returncode == 0, result.stderr
    assert "1 dead · 0 redirected · 0 live" in result.stdout and "| http://127.0.0.1:9/closed |" in result.stdout


def test_the_built_site_s_sources_and_archived_copies_are_among_the_links_checked(site):
    links = external_links(site)
    assert "https://doi.org/10.1177/1043986299015004004" in links
    assert links["https://web.archive.org/web/2019/https://larepublica.pe/politica/395944-la-responsabilidad-del-gobierno/"] \
        == ["notes/index.html"]
