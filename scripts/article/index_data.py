"""Read the editors' data file (scripts/data/index.yml): index names and timeline labels.

Every value keeps the line it was written on, so that a name that no longer occurs in the
article can be reported as ``FILE:LINE: message``; a key nothing reads is reported so too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import ArticleError, Mistakes
from .yaml_lines import Term, composed, line, mapping, sequence, term

DATA = Path(__file__).resolve().parent.parent / "data" / "index.yml"
KINDS = {"people": "People", "organisations": "Organisations", "places": "Places"}


@dataclass(frozen=True)
class Entry:
    """An index entry: its name, the headword it is printed and sorted under ("Guzmán, Abimael"),
    the forms the article writes it in, its nicknames, and the article's phrases that name it
    together with another ("Cali and Medellín cartels"), which count as mentions but are not
    other forms of its name."""

    kind: str
    name: Term
    heading: str
    forms: tuple[Term, ...]
    aliases: tuple[Term, ...]
    within: tuple[Term, ...]
    spanish: tuple[Term, ...] = ()  # which of its forms and aliases are Spanish


@dataclass(frozen=True)
class Label:
    """An editor's short label for the event dated ``when`` (in the sentence holding ``phrase``)."""

    when: Term
    phrase: Term | None
    text: str


@dataclass(frozen=True)
class EditorData:
    path: str
    entries: tuple[Entry, ...]
    labels: tuple[Label, ...]
    aliases_are: str = "the aliases"  # who the aliases belong to, as the Index's preface says it

    def error(self, term: Term, message: str) -> ArticleError:
        return ArticleError(self.path, term.line, message)


def load_editor_data(path: Path = DATA) -> EditorData:
    """The data file as typed entries and labels; a malformed entry, or a key nothing reads, is an
    ``ArticleError``, every one at once."""
    top = mapping(path, composed(path, "the index data"), (*KINDS, "timeline", "aliases_are"))
    mistakes = Mistakes()
    entries = [mistakes.attempt(entry, path, kind, item)
               for kind in KINDS for item in mistakes.attempt(sequence, path, top.get(kind)) or []]
    labels = [mistakes.attempt(label, path, item) for item in mistakes.attempt(sequence, path, top.get("timeline")) or []]
    aliases = mistakes.attempt(term, path, top["aliases_are"], top["aliases_are"], "`aliases_are`") \
        if "aliases_are" in top else None
    mistakes.check()
    return EditorData(str(path), tuple(entries), tuple(labels), *([aliases.text] if aliases else []))


def entry(path: Path, kind: str, node: yaml.Node) -> Entry:
    fields = mapping(path, node, ("name", "heading", "forms", "aliases", "within", "spanish"))
    name = term(path, fields.get("name"), node, f"the name of an entry under {kind}")
    forms = tuple(term(path, n, node, "a form of its name") for n in sequence(path, fields.get("forms"))) or (name,)
    aliases = tuple(term(path, n, node, "an alias") for n in sequence(path, fields.get("aliases")))
    within = tuple(term(path, n, node, "a phrase") for n in sequence(path, fields.get("within")))
    spanish = tuple(term(path, n, node, "a Spanish form") for n in sequence(path, fields.get("spanish")))
    for word in spanish:
        if word.text not in {t.text for t in (*forms, *aliases)}:
            raise ArticleError(path, word.line, f"“{word.text}” is none of {name.text}'s forms or aliases")
    return Entry(kind, name, heading(path, kind, name, fields.get("heading")), forms, aliases, within, spanish)


def heading(path: Path, kind: str, name: Term, node: yaml.Node | None) -> str:
    """The headword: the data file's ``heading``; else a person's "First Last" as "Last, First"
    and any other name as it is. A person named in more or fewer than two words needs a
    ``heading``, since which words are the surname cannot be told from the name."""
    if node is not None:
        return term(path, node, node, "heading").text
    if kind != "people":
        return name.text
    words = name.text.split()
    if len(words) != 2:
        raise ArticleError(path, name.line, f"“{name.text}” is not “First Last”: give its `heading`, "
                                            "surnames first (“Surname Surname, Given Name”)")
    return f"{words[1]}, {words[0]}"


def label(path: Path, node: yaml.Node) -> Label:
    fields = mapping(path, node, ("when", "sentence", "label"))
    when = term(path, fields.get("when"), node, "the date (`when`) of a timeline label")
    phrase = term(path, fields["sentence"], node, "sentence") if "sentence" in fields else None
    return Label(when, phrase, term(path, fields.get("label"), node, "the `label` of a timeline label").text)
