"""Read the hand-kept YAML files (scripts/data/, mkdocs.yml) with the line of every value.

A key nothing reads, or one given twice (YAML keeps the last), would be silently ignored:
both are ``FILE:LINE`` errors here, so that every entry of a data file is one the build uses.
A mapping's mistakes are reported together, every key's at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import ArticleError, file_text


@dataclass(frozen=True)
class Term:
    """A word or phrase as written in the data file, with its line."""

    text: str
    line: int


def composed(path: Path, what: str) -> yaml.Node:
    """The file's YAML tree, each node with its line, its tags (MkDocs' ``!ENV``) left unread; an
    unreadable or empty file, or bad YAML, is an error."""
    text = file_text(path, what)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise ArticleError(path, mark.line + 1 if mark else 1, f"not valid YAML ({problem}): check this line's "
                                                                "indentation, colons and quotes") from None
    if root is None:
        raise ArticleError(path, 1, f"the file holds only comments: expected {what}")
    return root


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def mapping(path: Path, node: yaml.Node | None, known: tuple[str, ...] | None = None) -> dict[str, yaml.Node]:
    """A mapping's values by key; a key given twice, or not one of ``known``, is an error at its line
    (all of them at once)."""
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise ArticleError(path, line(node), f"expected a mapping of keys to values, not {kind(node)}")
    found: dict[str, yaml.Node] = {}
    mistakes = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            mistakes.append(ArticleError(path, line(key), f"a key must be a word, not {kind(key)}"))
        elif key.value in found:
            mistakes.append(ArticleError(path, line(key), f"“{key.value}” is given twice: only the last would be "
                                                          "used; remove one"))
        elif known is not None and key.value not in known:
            mistakes.append(ArticleError(path, line(key), f"nothing reads “{key.value}” here: expected one of "
                                                          + ", ".join(known)))
        else:
            found[key.value] = value
    if mistakes:
        raise ArticleError.joined(mistakes)
    return found


def kind(node: yaml.Node) -> str:
    """What a node is, in an editor's words: "a list", "a mapping", "a text"."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return f"the number {node.value}" if node.tag.endswith((":int", ":float")) else "a text"


def sequence(path: Path, node: yaml.Node | None) -> list[yaml.Node]:
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise ArticleError(path, line(node), f"expected a list (lines starting “- ”), not {kind(node)}")
    return node.value


def term(path: Path, node: yaml.Node | None, owner: yaml.Node, what: str) -> Term:
    """A non-empty text; a missing value, a list, a mapping or a number where a text (a name) is
    expected is an error at its line."""
    if node is None:
        raise ArticleError(path, line(owner), f"{what} is missing: give it as a text")
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str" or not str(node.value).strip():
        found = "an empty text" if isinstance(node, yaml.ScalarNode) and not str(node.value).strip() else kind(node)
        raise ArticleError(path, line(node), f"{what} must be a non-empty text, not {found}")
    return Term(str(node.value).strip(), line(node))
