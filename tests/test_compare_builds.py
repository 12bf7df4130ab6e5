"""scripts/tools/compare_builds.py tells whether two builds' HTML pages say the same thing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPT = ROOT / "scripts" / "tools" / "compare_builds.py"


def compare(a: Path, b: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), str(a), str(b)], capture_output=True, text=True)


@pytest.fixture
def twin(site: Path, tmp_path: Path) -> Path:
    """A copy of the built site, as a second builder would leave it."""
    copy = tmp_path / "twin"
    shutil.copytree(site, copy)
    return copy


def edit(page: Path, old: str, new: str) -> None:
    html = page.read_text(encoding="utf-8")
    assert old in html
    page.write_text(html.replace(old, new, 1), encoding="utf-8")


def test_identical_builds_agree(site: Path, twin: Path) -> None:
    assert compare(site, twin).returncode == 0


def test_the_builders_name_and_layout_white_space_are_ignored(site: Path, twin: Path) -> None:
    edit(twin / "notes" / "index.html", 'content="mkdocs-', 'content="ProperDocs-')
    edit(twin / "notes" / "index.html", "<body", "\n\n   <body")
    assert compare(site, twin).returncode == 0


def test_a_changed_word_is_a_difference_naming_the_page(site: Path, twin: Path) -> None:
    edit(twin / "introduction" / "index.html", "spread misinformation", "spread information")
    result = compare(site, twin)
    assert result.returncode == 1
    assert result.stdout.startswith("introduction/index.html: ")
    assert "misinformation" in result.stdout


def test_a_changed_attribute_is_a_difference(site: Path, twin: Path) -> None:
    edit(twin / "introduction" / "index.html", 'id="p2"', 'id="p2b"')
    assert compare(site, twin).returncode == 1


def test_a_page_missing_from_one_build_is_a_difference(site: Path, twin: Path) -> None:
    (twin / "about" / "index.html").unlink()
    result = compare(site, twin)
    assert result.returncode == 1
    assert f"about/index.html: only in {site}" in result.stdout


def test_a_missing_folder_exits_2(site: Path, tmp_path: Path) -> None:
    result = compare(site, tmp_path / "nowhere")
    assert result.returncode == 2
    assert "no such folder" in result.stderr
