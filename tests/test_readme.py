"""The README's "Where to change what" table names files that exist and tests that exist."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
TABLE = README.split("## Where to change what", 1)[1].split("\n## ", 1)[0]
ROWS = [line.split(" | ") for line in TABLE.splitlines() if line.startswith("| ") and not line.startswith("| To change")]


def test_the_table_has_a_row_for_each_kind_of_change_a_maintainer_is_asked_for():
    topics = " ".join(row[0] for row in ROWS)
    for topic in ("text", "abbreviation", "Index", "citation style", "label", "search", "typography", "PDF",
                  "EPUB", "deploy"):
        assert topic in topics, topic


def test_every_file_the_table_names_exists():
    named = [path for row in ROWS for path in re.findall(r"`([\w./-]+\.(?:py|txt|yml|bib|css|js|lua))`", row[1])]
    assert named and [path for path in named if not (ROOT / path).is_file()] == []


def test_every_test_the_table_names_exists():
    missing = []
    for row in ROWS:
        ((path, name),) = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", row[2])
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        if name not in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}:
            missing.append(f"{path}::{name}")
    assert len(ROWS) >= 10 and missing == []
