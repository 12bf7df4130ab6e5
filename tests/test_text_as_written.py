"""Every character of the source reaches the reader as written, whatever it looks like: text
that Markdown or HTML would take for syntax is shown, not obeyed. Paragraphs made of such
characters go through the split script and the real ``mkdocs build --strict``, and each one's
rendered text is its source text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT, WITH_TITLE, build_site, run_split
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from site_html import paragraph

from article.numbering import slugify

BLOCK_STARTS = ["- ", "+ ", "* ", "1. ", "1) ", "> ", "#", "## ", "--8<-- ", "    ", ""]
SYNTAX = ["<", ">", "&", "*", "_", "`", "[", "]", "{{", "{%", "%}", "}}", "$", "==", "~~", "|", "\\", "!",
          "(", ")", "#", "+", "-", ".", "&amp;", "<b>", "</p>", "<!--", "-->", "{: #x }", "*[", "]:", "^", "'", '"']
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
PIECE = st.one_of(WORD, st.sampled_from(SYNTAX))
PARAGRAPH = st.builds(lambda start, pieces: start + " ".join(pieces) + ".",
                      st.sampled_from(BLOCK_STARTS), st.lists(PIECE, min_size=1, max_size=12))
FIRST = "The Alto Huallaga Valley"  # the Introduction's first paragraph starts so; ours follow it


def project_with(tmp_path: Path, paragraphs: list[str]) -> Path:
    """A copy of the project whose export 000 has ``paragraphs`` after the Introduction's first."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    for name in ("mkdocs.yml", "refs.bib"):
        shutil.copy(ROOT / name, project / name)
    lines = WITH_TITLE.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(FIRST)) + 1
    lines[at:at] = [part for text in paragraphs for part in ("", text)]
    (project / "source").mkdir()
    (project / "source" / WITH_TITLE.name).write_text("\n".join(lines), encoding="utf-8")
    return project


# Each example is a whole split and build, so one example carries many paragraphs rather than
# many examples a few each.
@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PARAGRAPH, min_size=24, max_size=32))
@example(["- a list item?", "+ another.", "* a star.", "1. an endnote?", "1) or this.", "> a quote.",
          "# a heading?", "a < b & c > d, <b>bold</b> &amp; <!-- hidden -->.", "*stars* _under_ `tick` [link](x).",
          "{{ jinja }} {% tag %} $math$ ==mark== ~~strike~~ a|b.", "--8<-- \"snippets.md\"."])
def test_every_paragraph_is_shown_exactly_as_its_source_wrote_it(tmp_path_factory, paragraphs):
    tmp_path = tmp_path_factory.mktemp("written")
    project = project_with(tmp_path, paragraphs)
    split = run_split("--out", project / "docs", cwd=project, script=project / "scripts" / "split_article.py")
    assert split.returncode == 0, split.stderr
    build = build_site(tmp_path / "site", project)
    assert build.returncode == 0, build.stderr
    introduction = f"{slugify('Introduction')}/"
    shown = [paragraph(tmp_path / "site", introduction, f"p{n}") for n in range(3, 3 + len(paragraphs))]
    assert shown == [re.sub(r"\s+", " ", text).strip() for text in paragraphs]
