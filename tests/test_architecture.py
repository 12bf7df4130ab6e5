"""The code's shape: imports point one way (import-linter's contracts in pyproject.toml), and
every module and function stays small enough to read whole."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

CODE = sorted((ROOT / "scripts").rglob("*.py"))
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 60
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's verdict on the packages under ``project``/scripts, one contract a line."""
    lint = shutil.which("lint-imports")
    assert lint, "import-linter is not installed: uv sync"
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "COLUMNS": "400"}
    return subprocess.run([lint, "--no-cache"], cwd=project, capture_output=True, text=True, env=env)


def test_imports_keep_the_layering_contracts():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout


def test_every_module_is_named_on_a_floor_so_the_contracts_map_the_code():
    named = {name.strip() for contract in CONTRACTS for layer in contract["layers"] for name in layer.split("|")}
    modules = {".".join(path.relative_to(ROOT / "scripts").with_suffix("").parts) for path in CODE
               if path.parent.name != "scripts" and path.name != "__init__.py"}
    assert sorted(modules - named) == []


# An import that runs back up (or sideways, between modules of one floor), and the contract it breaks.
BACK_UP = [
    ("article/model.py", "from .pipeline import planned_files", "article.model -> article.pipeline",
     "The split script's package"),
    ("article/parse.py", "from .merge import merge", "article.parse -> article.merge", "The split script's package"),
    ("article/pages/cite.py", "from .print_edition import print_page",
     "article.pages.cite -> article.pages.print_edition", "The pages"),
    ("article/text.py", "import hooks.search_index", "article.text -> hooks.search_index",
     "The build hooks and the development tools"),
    ("hooks/book.py", "from hooks import downloads", "hooks.book -> hooks.downloads", "The build hooks:"),
    ("tools/benchmark.py", "from tools import scale_benchmark", "tools.benchmark -> tools.scale_benchmark",
     "The development tools"),
]


@pytest.mark.parametrize(("module", "line", "chain", "contract"), BACK_UP, ids=[case[2] for case in BACK_UP])
def test_an_import_that_runs_back_up_breaks_its_contract(module, line, chain, contract, tmp_path):
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    path = tmp_path / "scripts" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = [line.removesuffix(" BROKEN") for line in result.stdout.splitlines() if line.endswith(" BROKEN")]
    assert any(name.startswith(contract) for name in broken), result.stdout[-3000:]
    assert chain in result.stdout


def test_each_module_opens_with_one_line_saying_what_it_owns():
    """A docstring whose first line is a whole sentence, the rest (if any) after a blank line."""
    def opening(path: Path) -> list[str]:
        return (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False) or "").split("\n")[:2]
    run_on = [str(path.relative_to(ROOT)) for path in CODE
              if not (lines := opening(path))[0].rstrip().endswith((".", "?")) or lines[1:] not in ([], [""])]
    assert run_on == []


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


def test_no_function_is_over_60_lines():
    long = [f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for path in CODE for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []
