"""The benchmark's server gzips text only when asked, as GitHub Pages does, and only under the sub-path."""

from __future__ import annotations

import gzip
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
