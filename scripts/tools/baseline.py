"""The plain-Material baseline the benchmarks build beside this site.

The same docs/ with plain Material and this site's look (palette, light/dark toggle, font
setting), nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from article.config import ConfigLoader  # mkdocs.yml's tags (!ENV, !relative) read as nothing

ROOT = Path(__file__).resolve().parents[2]


def theme_look(config: Path = ROOT / "mkdocs.yml") -> dict:
    """The site's palette (its two schemes and their toggle) and font setting, from mkdocs.yml."""
    theme = yaml.load(config.read_text(encoding="utf-8"), Loader=ConfigLoader)["theme"]
    return {key: theme[key] for key in ("palette", "font") if key in theme}


def plain_material(work: Path, docs: Path = ROOT / "docs") -> Path:
    """The baseline: a configuration that builds the same ``docs`` with plain Material, no hooks,
    no features, no overrides, no extra CSS or JavaScript (nor this site's search worker), but this site's palette, light/dark
    toggle and font setting, so that a comparison shows what the edition adds, not the toggle
    or a font request (built without --strict: without this site's Markdown extensions its pages
    hold broken links)."""
    config = work / "plain-material.yml"
    theme = {"name": "material", **theme_look()}
    config.write_text(json.dumps({"site_name": "Plain Material", "docs_dir": str(docs), "theme": theme,
                                  "exclude_docs": "assets/javascripts/workers/reader-search.js"}),
                      encoding="utf-8")
    return config
