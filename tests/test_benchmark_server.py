"""The benchmark's server gzips text only when asked, as GitHub Pages does, and only under the sub-path;
its plain-Material baseline has the site's palette and toggle."""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from tools import benchmark


def get(url: str, encoding: str | None) -> tuple[str | None, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("Content-Encoding"), response.read()


def test_a_page_is_gzipped_when_the_browser_accepts_gzip(site: Path) -> None:
    with benchmark.served(site, compress=True) as url:
        encoding, body = get(url + "introduction/", "gzip, deflate")
    assert encoding == "gzip"
    assert gzip.decompress(body) == (site / "introduction" / "index.html").read_bytes()


def test_a_page_is_sent_as_is_when_gzip_is_not_accepted(site: Path) -> None:
    with benchmark.served(site, compress=True) as url:
        assert get(url + "introduction/", None) == (None, (site / "introduction" / "index.html").read_bytes())


def test_the_uncompressed_server_never_gzips(site: Path) -> None:
    with benchmark.served(site, compress=False) as url:
        assert get(url, "gzip")[0] is None


def test_nothing_is_served_outside_the_sub_path(site: Path) -> None:
    with benchmark.served(site, compress=True) as url:
        with pytest.raises(urllib.error.HTTPError) as error:
            get(url.removesuffix(benchmark.SUB_PATH) + "/index.html", "gzip")
    assert error.value.code == 404


def test_the_plain_material_baseline_has_the_sites_light_dark_toggle_and_asks_no_font_host(tmp_path: Path) -> None:
    site = tmp_path / "plain"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(benchmark.plain_material(tmp_path)),
                    "--site-dir", str(site)], cwd=benchmark.ROOT, env=benchmark.ENV, check=True, capture_output=True)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'title="Switch to dark mode"' in home and 'title="Switch to light mode"' in home
    assert 'data-md-color-scheme="slate"' in home
    assert "fonts.googleapis.com" not in home
