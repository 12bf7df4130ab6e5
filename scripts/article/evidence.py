"""What each entry of refs.bib rests on, read from scripts/data/references.yml.

Fact by fact, each fact with the address of its public source; checked one to one against refs.bib."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import ArticleError, Evidence, Fact, Mistakes
from .text import is_url
from .yaml_lines import composed, line, mapping, sequence, term
from .refs_bib import Work

DATA = Path(__file__).resolve().parent.parent / "data" / "references.yml"
NOT_IDENTIFIED = "not identified"
STATUSES = ("identified", "corrected", "partly identified", NOT_IDENTIFIED)


def load_evidence(works: dict[str, Work], path: Path = DATA) -> dict[str, Evidence]:
    """The evidence for every work of refs.bib, by key; a work without a record, a record for no
    work, an unknown status, an identification without a sourced fact, or a source that is no web
    address is an ``ArticleError``, every one at once."""
    root = composed(path, "the references' evidence")
    records = mapping(path, root)  # a mapping of keys to records, each key once, or an error at its line
    keys = {key.value: key for key, _ in root.value}
    mistakes = Mistakes()
    for key in records:
        if key not in works:
            mistakes.add(ArticleError(path, line(keys[key]), f"evidence for {key}, which is no entry of refs.bib: "
                                                             "remove it or fix its key"))
    for work in works.values():
        if work.key not in records:
            mistakes.add(work.where.error(f"entry {work.key} has no evidence: say in {path} what it rests on, "
                                          f'or that it is "{NOT_IDENTIFIED}"'))
    found = {key: mistakes.attempt(evidence, path, key, node) for key, node in records.items()}
    mistakes.check()
    return found


def evidence(path: Path, key: str, node: yaml.Node) -> Evidence:
    fields = mapping(path, node, ("status", "evidence", "spanish"))
    status = term(path, fields.get("status"), node, f"the status of {key}")
    mistakes = Mistakes()
    if status.text not in STATUSES:
        mistakes.add(ArticleError(path, status.line, f"the status of {key} is “{status.text}”: say one of "
                                                     + ", ".join(STATUSES)))
    facts = [mistakes.attempt(fact, path, key, item) for item in sequence(path, fields.get("evidence"))]
    mistakes.check()
    if not facts or (status.text != NOT_IDENTIFIED and not any(f.source for f in facts)):
        raise ArticleError(path, line(node),
                           f"{key} is “{status.text}” but names no source: give the address a fact comes "
                           f'from, or say "{NOT_IDENTIFIED}"')
    spanish = [term(path, item, node, f"a Spanish name of {key}") for item in sequence(path, fields.get("spanish"))]
    for name in spanish:
        if not any(name.text in f.text for f in facts):
            raise ArticleError(path, name.line, f"the Spanish name “{name.text}” of {key} is in none of its facts: "
                                                "give it as a fact writes it")
    return Evidence(status.text, tuple(facts), tuple(name.text for name in spanish))


def fact(path: Path, key: str, item: yaml.Node) -> Fact:
    """One fact and the web address it comes from, if any."""
    parts = mapping(path, item, ("fact", "source"))
    text = term(path, parts.get("fact"), item, f"a fact of {key}")
    source = term(path, parts["source"], item, "a source") if "source" in parts else None
    if source and not is_url(source.text):
        raise ArticleError(path, source.line, f"the source “{source.text}” is no web address: give the address "
                                              "the fact comes from, starting https://")
    return Fact(text.text, source.text if source else "")
