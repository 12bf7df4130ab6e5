"""The site's name, its description and the article's navigation, from the generated ``docs/.article.yml``.

scripts/split_article.py writes that file: nothing about the article is typed into mkdocs.yml."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from article.datafile_names import NAVIGATION
from hooks.generated_data import generated


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    article = generated(config, NAVIGATION)
    config.site_name = article["title"]
    config.site_description = f"A reader edition of the article “{article['title']}”."
    config.nav = article["nav"]
    return config
