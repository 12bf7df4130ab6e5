"""Broken input gets one clear ``FILE:LINE: message``, exit status 2, and changes nothing.

Every case runs the real script on broken copies of the exports, into an output folder
that holds the generated pages and hand-written files; the folder must be byte-identical
afterwards.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import NEOSENDERISM, ROOT, WITH_TITLE, WITH_URLS, run_split

TEXT_000 = WITH_TITLE.read_text(encoding="utf-8")
TEXT_001 = WITH_URLS.read_text(encoding="utf-8")
TITLE = "Shining Path and its Alliance with Drug Trafficking in the VRAEM"
ERROR_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.+)$")


def line_of(text: str, needle: str) -> int:
    """The number of the first line of ``text`` holding ``needle``."""
    return next(i for i, line in enumerate(text.split("\n"), start=1) if needle in line)


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding the generated pages and two hand-written files."""
    folder = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", folder)
    (folder / "guide.md").write_text("# How to read this edition\n\nHand-written.\n", encoding="utf-8")
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "assets" / "extra.css").write_text("p { hyphens: auto; }\n", encoding="utf-8")
    return folder


@dataclass
class Error:
    file: str
    line: int
    message: str


def fails(out: Path, *args: str | Path) -> Error:
    """Run the script; assert exit 2, one error line, no traceback, ``out`` untouched; return the error."""
    before = tree(out)
    result = run_split(*args, "--out", out, "--title", TITLE)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    match = ERROR_LINE.match(lines[0])
    assert match, lines[0]
    assert tree(out) == before
    return Error(match["file"], int(match["line"]), match["message"])


def broken(tmp_path: Path, text: str, name: str = WITH_TITLE.name) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_empty_file_is_refused(tmp_path, out):
    path = broken(tmp_path, "")
    error = fails(out, path)
    assert (error.file, error.line) == (str(path), 1)
    assert "empty" in error.message


def test_file_of_blank_lines_is_refused_as_empty(tmp_path, out):
    error = fails(out, broken(tmp_path, "\n  \n\t\n"))
    assert "empty" in error.message


@pytest.mark.parametrize("encoding, text, looks_like, line", [
    ("latin-1", TEXT_000.translate(str.maketrans("“”‘’–", "\"\"''-")), "Latin-1", 3),
    ("cp1252", TEXT_000, "Windows-1252", 3),
    ("utf-16", TEXT_000, "UTF-16", 1),
    ("utf-16-le", TEXT_000, "UTF-16", 1),
])
def test_file_not_in_utf8_is_refused_naming_the_encoding_it_looks_like(tmp_path, out, encoding, text, looks_like, line):
    path = tmp_path / "export.txt"
    path.write_bytes(text.encode(encoding))
    error = fails(out, path)
    assert (error.file, error.line) == (str(path), line)
    assert "not UTF-8" in error.message and looks_like in error.message


def test_export_without_endnotes_is_refused(tmp_path, out):
    text = TEXT_001.split("Endnotes:")[0]
    path = broken(tmp_path, text, WITH_URLS.name)
    error = fails(out, path)
    assert (error.file, error.line) == (str(path), line_of(text, "As long as the government"))
    assert "no endnotes" in error.message


def test_export_whose_numbered_notes_are_missing_is_refused(tmp_path, out):
    text = re.sub(r"(?m)^  \d+\. .*\n", "", TEXT_000)
    error = fails(out, broken(tmp_path, text))
    assert "no endnotes" in error.message


def test_marker_without_endnote_is_refused(tmp_path, out):
    text = TEXT_000.replace("of the country.\n\n\n  1.", "of the country.[12]\n\n\n  1.")
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "[12]")
    assert "[12] has no endnote" in error.message and "11 endnotes" in error.message


def test_marker_whose_endnote_was_removed_is_refused(tmp_path, out):
    text = TEXT_000.replace("  11. Ibid.\n", "")
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "[11]")
    assert "[11] has no endnote" in error.message and "10 endnotes" in error.message


def test_endnote_no_marker_cites_is_refused(tmp_path, out):
    text = TEXT_000.replace("the former.[8]", "the former.")
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "  8. LaMond")
    assert "endnote 8 is never cited" in error.message


def test_two_endnotes_with_the_same_number_are_refused(tmp_path, out):
    text = TEXT_000.replace("  7. Ibid.", "  6. Ibid.")
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "  6. Ibid.")
    assert "two endnotes are numbered 6" in error.message and f"line {line_of(text, '  6. Drug')}" in error.message


def test_endnote_numbers_that_skip_one_are_refused(tmp_path, out):
    text = TEXT_000.replace("  7. Ibid.", "  8. Ibid.")
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "  8. Ibid.")
    assert "endnote 7 is missing" in error.message


def test_markers_out_of_order_are_refused_naming_where_the_skipped_one_is(tmp_path, out):
    text = TEXT_000.replace("[3]", "[x]").replace("[4]", "[3]").replace("[x]", "[4]")
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "organized crime.[4]")
    assert "out of order" in error.message and "[4] comes before any [3]" in error.message
    assert f"line {line_of(text, 'VRAEM.[3]')}" in error.message


def test_ibid_as_first_note_is_refused(tmp_path, out):
    text = re.sub(r"(?m)^  1\. .*$", "  1. Ibid.", TEXT_000)
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "  1. Ibid.")
    assert "note 1" in error.message and "Ibid." in error.message and "no note comes before it" in error.message


@pytest.mark.parametrize("cut", ["objectives.[1 In that", "objectives.1] In that", "objectives.[\n1] In that",
                                 "objectives.[1\n] In that"])
def test_paragraph_cut_in_the_middle_of_a_marker_is_refused(tmp_path, out, cut):
    text = TEXT_000.replace("objectives.[1] In that", cut)
    error = fails(out, broken(tmp_path, text))
    assert error.line == line_of(text, "political objectives.")
    assert "note marker is cut in two" in error.message and "objectives." in error.message


def test_exports_that_disagree_in_a_paragraph_are_refused_showing_both_versions(tmp_path, out):
    text = TEXT_001.replace("Peru and Bolivia are two traditionally", "Peru and Bolivia are the two traditional")
    with_urls = broken(tmp_path, text, WITH_URLS.name)
    error = fails(out, WITH_TITLE, with_urls)
    assert (error.file, error.line) == (str(WITH_TITLE), line_of(TEXT_000, "Peru and Bolivia are two"))
    assert f"{WITH_TITLE}:{error.line}" in error.message
    assert f"{with_urls}:{line_of(text, 'Peru and Bolivia are the')}" in error.message
    assert '"…two traditionally coca-producing' in error.message and '"…the two traditional coca-producing' in error.message


def test_exports_of_which_one_lacks_a_paragraph_are_refused(tmp_path, out):
    text = "\n".join(line for line in TEXT_001.split("\n") if not line.startswith("Many believe"))
    with_urls = broken(tmp_path, text, WITH_URLS.name)
    error = fails(out, WITH_TITLE, with_urls)
    assert str(WITH_TITLE) in error.message and str(with_urls) in error.message
    assert '"…Many believe that once SL' in error.message and '"…Another factor to take' in error.message


def test_section_given_twice_is_refused(tmp_path, out):
    lines = TEXT_001.split("\n")
    start, end = lines.index("Neosenderism in the VRAEM"), lines.index("Resurgence of Coca Cultivation in Peru and Bolivia")
    text = "\n".join(lines[:end] + lines[start:end] + lines[end:])
    error = fails(out, broken(tmp_path, text, WITH_URLS.name))
    assert error.line == end + 1
    assert '"Neosenderism in the VRAEM" comes twice' in error.message and f"line {start + 1}" in error.message


def test_headings_that_make_the_same_page_name_are_refused(tmp_path, out):
    text = TEXT_001.replace("Resurgence of Coca Cultivation in Peru and Bolivia", "Neosenderism — in the VRAEM")
    error = fails(out, broken(tmp_path, text, WITH_URLS.name))
    assert error.line == line_of(text, "Neosenderism — in the VRAEM")
    assert f"{NEOSENDERISM}.md" in error.message and '"Neosenderism in the VRAEM"' in error.message


def test_missing_source_file_is_refused(tmp_path, out):
    path = tmp_path / "no-such-export.txt"
    error = fails(out, path)
    assert (error.file, error.line) == (str(path), 1)
    assert "no such file" in error.message


def test_folder_given_as_source_is_refused(tmp_path, out):
    error = fails(out, tmp_path)
    assert (error.file, error.line) == (str(tmp_path), 1)
    assert "folder, not a file" in error.message


def test_output_folder_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "docs"
    target.write_text("not a folder\n", encoding="utf-8")
    result = run_split("--out", target)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == f"{target}:1: this is a file, not a folder: give the folder to write the pages to\n"
    assert target.read_text(encoding="utf-8") == "not a folder\n"


def test_output_folder_inside_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x\n", encoding="utf-8")
    target = tmp_path / "file" / "docs"
    result = run_split("--out", target)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{target}:1: cannot use this output folder: Not a directory")


def test_output_folder_where_a_page_is_a_folder_is_refused_before_any_page_is_written(out):
    (out / "notes.md").unlink()
    (out / "notes.md").mkdir()
    (out / "notes.md" / "draft.txt").write_text("hand-written\n", encoding="utf-8")
    (out / "index.md").write_text("edited by hand\n", encoding="utf-8")  # would be rewritten first
    error = fails(out)
    assert (error.file, error.line) == (str(out), 1)
    assert "notes.md" in error.message and "folder" in error.message


def longest_paragraph_blown_up(text: str, size: int) -> str:
    """The export with its longest line repeated until that one line is ``size`` characters long."""
    lines = text.split("\n")
    i = max(range(len(lines)), key=lambda k: len(lines[k]))
    lines[i] = " ".join([lines[i]] * (size // len(lines[i])))
    return "\n".join(lines)


HOSTILE = {
    "a 5 MB line": lambda text: longest_paragraph_blown_up(text, 5_000_000),
    "a flood of brackets": lambda text: text.replace("Key words:", "[" * 200_000 + "]" * 200_000 + "\nKey words:", 1),
    "a flood of note markers": lambda text: text.replace("Key words:", "[1]" * 100_000 + "\nKey words:", 1),
}


@pytest.mark.parametrize("damage", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_ends_with_a_page_or_a_message_never_a_traceback(tmp_path, out, damage):
    source = broken(tmp_path, damage(WITH_TITLE.read_text(encoding="utf-8")))
    result = run_split(source, "--out", out, timeout=120)  # a guard against hanging, not a time budget
    assert result.returncode in (0, 2), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert re.match(rf"{re.escape(str(source))}:\d+: ", result.stderr)
