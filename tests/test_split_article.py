"""The command line: writing, checking, and refusing bad input without touching the output."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, WITH_TITLE, WITH_URLS, run_split

DOCS = ROOT / "docs"


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A copy of the committed docs/ folder, hand-written pages included."""
    shutil.copytree(DOCS, tmp_path / "docs")
    return tmp_path / "docs"


def test_the_committed_pages_are_what_the_script_writes():
    result = run_split("--check")
    assert result.returncode == 0, result.stderr


def test_check_reports_a_hand_edited_page_and_exits_1(out):
    page = out / "conclusions.md"
    page.write_text(page.read_text(encoding="utf-8").replace("endemic evil", "endemic problem"), encoding="utf-8")
    result = run_split("--check", "--out", out)
    assert result.returncode == 1
    assert f"{page}: out of date" in result.stderr
    assert "endemic problem" in page.read_text(encoding="utf-8")  # --check writes nothing


def test_writing_restores_a_hand_edited_page_and_leaves_hand_written_pages_alone(out):
    (out / "conclusions.md").write_text("edited", encoding="utf-8")
    (out / "hand-written.md").write_text("# Mine\n", encoding="utf-8")
    result = run_split("--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out / 'conclusions.md'}\n"
    assert (out / "hand-written.md").read_text(encoding="utf-8") == "# Mine\n"
    assert tree_digest(out) == {**tree_digest(DOCS), "hand-written.md": tree_digest(out)["hand-written.md"]}


def test_a_generated_page_that_is_no_longer_generated_is_removed(out):
    stale = out / "old-section.md"
    stale.write_text((out / "conclusions.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert run_split("--out", out).returncode == 0
    assert not stale.exists()


def test_two_runs_write_byte_identical_pages(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_split("--out", first).returncode == run_split("--out", second).returncode == 0
    assert tree_digest(first) == tree_digest(second)


@pytest.mark.parametrize("sources", [[WITH_TITLE], [WITH_TITLE, WITH_URLS]], ids=["export 000", "both"])
def test_a_complete_site_comes_from_export_000_alone_or_both(tmp_path, sources):
    result = run_split(*sources, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in tmp_path.glob("*.md")} == {p.name for p in DOCS.glob("*.md") if "Generated" in p.read_text()}


def test_export_001_alone_takes_its_title_from_the_command_line(tmp_path):
    result = run_split(WITH_URLS, "--out", tmp_path, "--title", "Shining Path and the VRAEM")
    assert result.returncode == 0, result.stderr
    assert "# Shining Path and the VRAEM" in (tmp_path / "index.md").read_text(encoding="utf-8")


def test_export_001_alone_without_a_title_is_refused(tmp_path):
    result = run_split(WITH_URLS, "--out", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{WITH_URLS}:1: no title")


def test_bad_input_exits_2_with_file_and_line_and_leaves_the_output_as_it_was(out, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(WITH_TITLE.read_text(encoding="utf-8").replace("  11. Ibid.\n", ""), encoding="utf-8")
    before = tree_digest(out)
    result = run_split(broken, "--out", out)
    assert result.returncode == 2
    assert result.stderr == f"{broken}:43: the marker [11] has no endnote: the article has 10 endnotes\n"
    assert "Traceback" not in result.stderr
    assert tree_digest(out) == before
