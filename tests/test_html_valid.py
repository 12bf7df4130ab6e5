"""The Nu Html Checker (vnu-jar from package.json, run with Java) finds no error on any built page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material puts autocomplete="off" on its two hidden toggle checkboxes (drawer, search) on
# purpose, so that Firefox does not restore them checked when a reader comes back to a page;
# it declined to remove it (squidfunk/mkdocs-material#1513). Only that exact markup is let through.
MATERIAL_TOGGLE = re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
                             r'id="__(drawer|search)" autocomplete="off">')
AUTOCOMPLETE_ON_CHECKBOX = "Attribute “autocomplete” is only allowed when the input type is"


def is_material_toggle(message: dict) -> bool:
    """Whether an error is Material's deliberate autocomplete on its toggle checkboxes."""
    return (message["message"].startswith(AUTOCOMPLETE_ON_CHECKBOX)
            and MATERIAL_TOGGLE.search(message.get("extract", "")) is not None)


def vnu_errors(site: Path) -> list[dict]:
    """Every error the checker reports on the site's HTML pages."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the HTML checker needs Java and `npm ci` (see .ci/run)")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                             "--skip-non-html", str(site)], capture_output=True, text=True)
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] in ("error", "non-document-error")]


def test_every_page_is_valid_html(site: Path) -> None:
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}"
              for m in vnu_errors(site) if not is_material_toggle(m)]
    assert errors == []


def test_the_checker_did_check_every_page(site: Path) -> None:
    """A checker that never saw the pages would also report nothing."""
    broken = site.parent / f"{site.name}-broken"
    shutil.copytree(site, broken)
    page = broken / "introduction" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<main", "<main><main", 1), encoding="utf-8")
    assert any("introduction/index.html" in m.get("url", "") for m in vnu_errors(broken)
               if not is_material_toggle(m))


def test_only_materials_toggle_checkboxes_are_let_through() -> None:
    other = {"message": AUTOCOMPLETE_ON_CHECKBOX + " “color” …",
             "extract": '<input type="checkbox" id="mine" autocomplete="off">'}
    assert not is_material_toggle(other)
