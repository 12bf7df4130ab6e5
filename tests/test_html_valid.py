"""The Nu Html Checker (vnu-jar from package.json, run with Java) finds no error on any built page,
with no message filtered out: the local build and a fork's (which adds the repository link)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(*sites: Path) -> list[str]:
    """Every error the checker reports on the sites' HTML pages, as "file:line: message"."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the HTML checker needs Java and `npm ci` (see .ci/run)")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                             "--skip-non-html", *map(str, sites)], capture_output=True, text=True)
    return [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in json.loads(result.stderr)["messages"]
            if m["type"] in ("error", "non-document-error")]


def test_every_page_is_valid_html(site: Path, fork_site: Path) -> None:
    assert vnu_errors(site, fork_site) == []


def test_the_checker_did_check_every_page(site: Path) -> None:
    """A checker that never saw the pages would also report nothing."""
    broken = site.parent / f"{site.name}-broken"
    shutil.copytree(site, broken)
    page = broken / "introduction" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<main", "<main><main", 1), encoding="utf-8")
    assert any("introduction/index.html" in error for error in vnu_errors(broken))
