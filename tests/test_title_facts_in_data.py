"""The edition's code names no fact of this title: the names of the article's people, places,
groups and publisher live in the data files an editor edits (scripts/data/, mkdocs.yml's
``extra.article``), so the same code draws an edition of another article from other data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import CONFIG, ROOT

from article.abbreviations import load_editorial
from article.config import load_edition
from article.index_data import load_editor_data
from article.map_data import load_map_data

SCRIPTS = ROOT / "scripts"


def names_of_this_title() -> set[str]:
    """Every name the data files give: the Index's people, groups and places with their other forms
    and aliases, the abbreviations and what they stand for, the publisher, and the map's places."""
    names = {term.text for entry in load_editor_data().entries for term in (entry.name, *entry.forms, *entry.aliases)}
    editorial = load_editorial(SCRIPTS / "data" / "abbreviations.yml")
    names |= {*editorial.expansions, *(text for text, _ in editorial.expansions.values())}
    names |= {*editorial.other_language, *(text.split(": ", 1)[1] for text, _ in editorial.other_language.values())}
    publisher = load_edition(CONFIG).publisher
    names |= {publisher, *re.findall(r"^(.*?) \((\w+)\)$", publisher)[0]}
    atlas = load_map_data()
    names |= {atlas.country, *atlas.neighbours, *atlas.labels, atlas.sea[0], *atlas.shown, *atlas.shown.values()}
    names |= {name for area in atlas.areas for name in (area.name, *area.departments)}
    names |= {name for place in atlas.places for name in (place.name, place.division)}
    return {name for name in names if len(name) > 2}


def string_constants(path: Path) -> list[tuple[int, str]]:
    """The string constants of a Python file, docstrings left out (they explain the code, with examples)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_string_of_the_editions_code_or_templates_names_this_titles_people_places_groups_or_publisher():
    names = names_of_this_title()
    assert {"Abimael Guzmán", "Lima", "Huancavelica", "CEEEP", "VRAEM"} <= names  # the list is the title's
    name = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)")
    found = [f"{path.relative_to(ROOT)}:{number}: {match.group()}"
             for path in sorted(SCRIPTS.rglob("*.py")) for number, text in string_constants(path)
             for match in name.finditer(text)]
    found += [f"{path.relative_to(ROOT)}:{number}: {match.group()}"
              for path in sorted((SCRIPTS / "overrides").rglob("*.html"))
              for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
              for match in name.finditer(text)]
    assert not found, "\n".join(found)
