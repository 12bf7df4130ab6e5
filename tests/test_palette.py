"""One palette: the site's colour is named once in mkdocs.yml, and what the edition draws in it
(the tab's icon, the lighter link colour on the dark scheme) takes it from there."""

from __future__ import annotations

import re

import material
import yaml
from conftest import CONFIG

from article.config import ConfigLoader


def test_mkdocs_yml_names_the_sites_colour_once_for_both_schemes():
    text = CONFIG.read_text(encoding="utf-8")
    palette = yaml.load(text, Loader=ConfigLoader)["theme"]["palette"]
    assert len({scheme[key] for scheme in palette for key in ("primary", "accent")}) == 1
    assert len(re.findall(r"^\s+primary: &\w+ \w+", text, re.M)) == 1  # the one place it is written


def test_the_tabs_icon_is_drawn_in_the_colour_the_page_shows_as_primary(page, base_url):
    """Pins what hooks/palette.py reads from Material (9.x): the palette stylesheet's
    ``[data-md-color-primary=NAME]{--md-primary-fg-color:…}`` is the colour the page uses."""
    page.goto(base_url)
    primary = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim()")
    icon = page.evaluate("""async () => {
        const href = document.querySelector("link[rel=icon]").href
        return await (await fetch(href)).text()}""")
    assert material.__version__.startswith("9.")
    assert re.search(r'<rect[^>]*fill="([^"]+)"', icon)[1].lower() == primary.lower()
