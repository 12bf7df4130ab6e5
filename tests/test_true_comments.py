"""Comments that are true: every file and module that a comment, a docstring or the README names exists.

Python files are read for their comments and docstrings, stylesheets and JavaScript for their
comments; the README, the configuration, the workflows and the hand-written templates are read
whole. The CSL styles are copied unchanged from their project and are not read.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import io
import re
import tokenize
from pathlib import Path

from conftest import ROOT

PROSE = (*(ROOT / "scripts").rglob("*"), *(ROOT / "tests").rglob("*"), *(ROOT / ".github").rglob("*"),
         *(ROOT / "docs" / "assets").glob("*"), ROOT / ".ci" / "run", ROOT / "mkdocs.yml", ROOT / "pyproject.toml",
         ROOT / "README.md")
FILES = sorted(p for p in PROSE if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".csl", ".pyc"))
NOT_AFTER = r"(?<![\w/.\-$])"
ROOTED = re.compile(NOT_AFTER + r"((?:scripts|tests|docs|source|\.github|\.ci)/[\w./\-]*[\w/])")
IN_SCRIPTS = re.compile(NOT_AFTER + r"((?:article|hooks|tools)/[\w/]+\.py|partials/[\w\-]+\.html)\b")
FILE_NAME = re.compile(NOT_AFTER + r"([\w\-]+\.py)\b")
MODULE = re.compile(NOT_AFTER + r"((?:article|hooks|tools)(?:\.[A-Za-z_]\w*)+)\b(?!\.py)")
COMMENT = re.compile(r"/\*.*?\*/|(?<![:\w])//[^\n]*", re.S)
NAMES = {p.name for p in [*(ROOT / "scripts").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]}


def prose(path: Path) -> list[tuple[int, str]]:
    """The comments and docstrings of a Python file, or the whole of any other, each with its line."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".css", ".js"):  # their comments only: a CSS selector is no module name
        return [(1 + text.count("\n", 0, m.start()), m.group()) for m in COMMENT.finditer(text)]
    if path.suffix != ".py":
        return [(1, text)]
    found = [(token.start[0], token.string) for token in tokenize.generate_tokens(io.StringIO(text).readline)
             if token.type == tokenize.COMMENT]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and \
                (doc := ast.get_docstring(node, clean=False)):
            found.append((node.body[0].lineno, doc))
    return found


def resolves(name: str) -> bool:
    """Whether ``name`` is a module, or a module and a name defined in it."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        module = ".".join(parts[:cut])
        if importlib.util.find_spec(module) is not None:
            value = importlib.import_module(module) if parts[cut:] else None  # a module alone is not imported
            for attribute in parts[cut:]:
                if not hasattr(value, attribute):
                    return False
                value = getattr(value, attribute)
            return True
    return False


def wrong_names(path: Path) -> list[str]:
    """Each file or module that ``path``'s prose names and that does not exist, as ``FILE:LINE name``."""
    wrong, shown = [], path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    for line, text in prose(path):
        def where(match: re.Match[str]) -> str:
            return f"{shown}:{line + text.count(chr(10), 0, match.start())} {match.group(1)}"
        wrong += [where(m) for m in ROOTED.finditer(text) if not (ROOT / m.group(1)).exists()]
        wrong += [where(m) for m in IN_SCRIPTS.finditer(text)
                  if not any((ROOT / "scripts" / folder / m.group(1)).exists() for folder in ("", "overrides"))]
        wrong += [where(m) for m in FILE_NAME.finditer(text) if m.group(1) not in NAMES]
        wrong += [where(m) for m in MODULE.finditer(text) if not resolves(m.group(1))]
    return wrong


def test_every_file_and_module_named_in_a_comment_exists():
    assert [wrong for path in FILES for wrong in wrong_names(path)] == []


def test_a_file_that_moved_is_found_in_a_comment(tmp_path):
    path = tmp_path / "example.py"
    path.write_text('"""Written by scripts/hooks/article.py; see ``article.places``."""\n'
                    "# numbered by places.py, typeset by hooks/book.py\n", encoding="utf-8")
    found = {wrong.split(" ", 1)[1] for wrong in wrong_names(path)}
    assert found == {"scripts/hooks/article.py", "article.places", "places.py"}
