"""Read the hand-kept YAML files (scripts/data/, mkdocs.yml) with the line of every value.

A key nothing reads, or one given twice (YAML keeps the last), would be silently ignored:
both are ``FILE:LINE`` errors here, so that every entry of a data file is one the build uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import ArticleError


@dataclass(frozen=True)
class Term:
    """A word or phrase as written in the data file, with its line."""

    text: str
    line: int


def composed(path: Path, what: str) -> yaml.Node | None:
    """The file's YAML tree, each node with its line, its tags (MkDocs' ``!ENV``) left unread; an
    unreadable file or bad YAML is an error."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as error:
        raise ArticleError(path, 1, f"cannot read {what}: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ArticleError(path, mark.line + 1 if mark else 1, f"not valid YAML: {error}") from None


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def mapping(path: Path, node: yaml.Node | None, known: tuple[str, ...] | None = None) -> dict[str, yaml.Node]:
    """A mapping's values by key; a key given twice, or not one of ``known``, is an error at its line."""
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise ArticleError(path, line(node), "expected a mapping of keys to values")
    found: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if key.value in found:
            raise ArticleError(path, line(key), f"“{key.value}” is given twice: only the last would be used")
        if known is not None and key.value not in known:
            raise ArticleError(path, line(key), f"nothing reads “{key.value}” here: expected one of "
                                                + ", ".join(known))
        found[key.value] = value
    return found


def sequence(path: Path, node: yaml.Node | None) -> list[yaml.Node]:
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise ArticleError(path, line(node), "expected a list")
    return node.value


def term(path: Path, node: yaml.Node | None, owner: yaml.Node, what: str) -> Term:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ArticleError(path, line(node or owner), f"{what} must be a non-empty text")
    return Term(str(node.value).strip(), line(node))
