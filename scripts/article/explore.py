"""The pages that help a reader explore the article: its Index of names and its Timeline."""

from __future__ import annotations

from pathlib import Path

from .editors import DATA
from .model import Article
from .names import names_page
from .render import Edition, Page
from .timeline import timeline_page


def explore_pages(article: Article, sections: list[Page], edition: Edition, data: Path = DATA) -> list[Page]:
    """The Index and the Timeline, in that order, from the editors' data file ``data``."""
    return [names_page(article, sections, edition, data), timeline_page(article, sections, data)]
