"""The edition's facts (mkdocs.yml ``extra.article``) and where refs.bib and the citation styles are."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from .model import ArticleError, Config, Edition
from .text import is_url
from .yaml_lines import composed, line, mapping, term


BIBLIOGRAPHY = "refs.bib"
STYLES = "scripts/styles"  # the official CSL files
DATA = Path(__file__).resolve().parent.parent / "data"  # the editors' data files
STYLE = f"{STYLES}/chicago-notes-bibliography.csl"  # the References' style: Chicago notes and bibliography
FACTS = ("source_url", "published", "publisher", "authorship")  # extra.article's keys, in the order Edition takes them
OPTIONAL = ("book_language",)                      # … and those it may leave out


class ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!!python/name`` and ``!ENV`` tags as plain values (for
    reading mkdocs.yml whole; the split script needs only its lines, ``composed``)."""


ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(path: Path) -> Config:
    """The edition's facts from the site configuration at ``path``, and the files beside it."""
    return beside(path, load_edition(path))


def beside(path: Path, edition: Edition, data: Path = DATA) -> Config:
    """The configuration of ``edition``, with the bibliography and styles beside ``path`` and the
    editors' data files in ``data``."""
    return Config(edition, path.parent / BIBLIOGRAPHY, path.parent / STYLE, path.parent / STYLES, data)


def load_edition(path: Path) -> Edition:
    """The edition's facts (``extra.article``); every missing or impossible fact is an error at its
    line, all at once."""
    top = mapping(path, composed(path, "the site configuration"))
    extra = mapping(path, top.get("extra"))
    facts = mapping(path, extra.get("article"), FACTS + OPTIONAL)
    owner = extra.get("article") or top.get("extra")
    at = line(owner) if owner else 1
    mistakes, values = [], {}
    for key in FACTS + OPTIONAL:
        try:
            values[key] = term(path, facts.get(key), owner, f"extra.article's {key}") if key in facts else None
        except ArticleError as error:
            mistakes.append(error)
    for key in FACTS:
        if key not in facts:
            mistakes.append(ArticleError(path, at, f"extra.article needs {key}: {NEEDS[key]}"))
    source_url, published = values.get("source_url"), values.get("published")
    if source_url and not is_url(source_url.text):
        mistakes.append(ArticleError(path, source_url.line, f"source_url “{source_url.text}” is no web address: "
                                                           "give the published article's, starting https://"))
    if published and not is_date(published.text):
        mistakes.append(ArticleError(path, published.line, f"published “{published.text}” is no date: give the "
                                                           "day of publication as YYYY-MM-DD, quoted"))
    if mistakes:
        raise ArticleError.joined(mistakes)
    return Edition(*(values[key].text for key in FACTS),
                   **{key: values[key].text for key in OPTIONAL if values.get(key)})


NEEDS = {"source_url": "the published article's web address",
         "published": "its day of publication, as \"YYYY-MM-DD\"",
         "publisher": "its publisher's name as the article's page gives it",
         "authorship": "why its publisher is the author of record, as the Cite page says it"}


def is_date(text: str) -> bool:
    """Whether ``text`` is a real day written YYYY-MM-DD."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and bool(date.fromisoformat(text))
    except ValueError:
        return False
