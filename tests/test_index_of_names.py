"""The Index page: curated names, their mentions in the text, aliases, and bad editor data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from article.index_data import DATA, Term, load_editor_data
from article.model import ArticleError
from article.pages.names import names_page, occurs, pattern
from article.text import fold
from conftest import MUTATION, ROOT
from site_html import paragraph, read, target

INDEX = "index-of-names/"


def entries(site: Path):
    """Each list item of the Index page: its text and its links."""
    return [e for e in read(site, INDEX, {"li"}).elements
            if any("#p" in href or "#note-" in href or "about" in href for href in e.links)]


def names(item: str, name: str) -> bool:
    """Whether an Index item is the entry for ``name`` (not one that merely starts like it)."""
    return item.startswith(name) and item[len(name):len(name) + 1] in {" ", ",", ":", "("}


def test_every_index_link_reaches_an_existing_anchor(site):
    links = [href for entry in entries(site) for href in entry.links]
    assert len(links) > 60
    for href in links:
        page, anchor = target(INDEX, href)
        ids = read(site, page).ids
        assert not anchor or anchor in ids, f"{href} from the Index: no #{anchor} on {page}"


def test_each_paragraph_the_index_cites_names_the_entry(site):
    data = load_editor_data()
    items = entries(site)
    for entry in data.entries:
        item = next(item for item in items if names(item.text, entry.heading))
        for href in item.links:
            page, anchor = target(INDEX, href)
            if not anchor.startswith("p"):
                continue
            seen = fold(paragraph(site, page, anchor))
            assert any(pattern(term).search(seen) for term in (*entry.forms, *entry.aliases, *entry.within)), \
                f"{entry.name.text} is not in ¶{anchor[1:]} as built"


def test_every_curated_name_is_on_the_index_with_at_least_one_mention(site):
    texts = [entry.text for entry in entries(site)]
    for entry in load_editor_data().entries:
        assert any(names(text, entry.heading) for text in texts), entry.name.text


def test_the_traffickers_aliases_are_printed_beside_their_names(site):
    texts = [entry.text for entry in entries(site)]
    assert any(text.startswith("Escalante, Catalino, alias “Vampiro”: ¶12") for text in texts)
    assert any(text.startswith("Chavez, Elias, alias “Lan Chile”: ¶12") for text in texts)
    assert any(text.startswith("Cardenas, Jorge [as Jorge], alias “Mosquito Loco”: ¶12") for text in texts)


def test_searching_an_alias_finds_the_index_entry_and_the_paragraph(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for alias, name in (("Vampiro", "Escalante, Catalino"), ("Lan Chile", "Chavez, Elias")):
        hits = [doc["location"] for doc in docs if alias in doc["text"]]
        on_index = [doc for doc in docs if doc["location"].startswith(INDEX) and alias in doc["text"]]
        assert any(f"{name}, alias “{alias}”" in doc["text"] for doc in on_index), alias
        assert any(location.startswith(MUTATION) for location in hits), alias


def index_lines(site: Path, kind: str) -> list[str]:
    """The items of one group of the Index (People, Organisations, Places) as the reader sees them."""
    html = (site / INDEX / "index.html").read_text(encoding="utf-8")
    group = html.split(f">{kind}<", 1)[1].split("</ul>", 1)[0]
    return [re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", item))).strip() for item in re.split(r"<li\b[^>]*>", group)[1:]]


def test_the_index_sorts_people_by_surname(site):
    people = [line for line in index_lines(site, "People") if ", see " not in line]
    surnames = [line.split(",")[0] for line in people]
    assert surnames == sorted(surnames, key=lambda s: fold(s).casefold()) and len(surnames) == 8
    assert people[0].startswith("Cardenas, Guillermo") and any(p.startswith("Guzmán, Abimael [also Guzman]: ¶5")
                                                               for p in people)


def test_a_person_named_in_direct_order_or_by_an_alias_points_to_the_surname(site):
    lines = index_lines(site, "People")
    assert "Abimael Guzmán, see Guzmán, Abimael" in lines
    assert "“Vampiro”, see Escalante, Catalino" in lines


def test_an_index_cross_reference_leads_to_an_entry_of_the_index(site):
    for kind in ("People", "Organisations", "Places"):
        lines = index_lines(site, kind)
        headwords = {line.split(" [")[0].split(":")[0].split(", alias")[0] for line in lines if ", see " not in line}
        for line in lines:
            if ", see " in line:
                assert line.split(", see ")[1] in headwords, line


def test_the_index_sets_other_forms_in_square_brackets_and_only_true_other_names(site):
    lines = [line for kind in ("People", "Organisations", "Places") for line in index_lines(site, kind)]
    assert "(" not in " ".join(line.split(":")[0] for line in lines)
    assert any(line.startswith("Shining Path [also SL, Sendero Luminoso]: ") for line in lines)
    assert any(line.startswith("Cali Cartel: ¶10") for line in lines)      # not "also Cali and Medellín cartels"
    assert any(line.startswith("South America: ¶7") for line in lines)     # not "also central Andes"


def test_a_person_whose_name_is_not_first_last_needs_a_heading_from_the_data(tmp_path):
    data = with_data(tmp_path, "  - name: Abimael Guzmán Reinoso\n")
    with pytest.raises(ArticleError) as error:
        load_editor_data(data)
    assert (str(error.value.path), error.value.line) == (str(data), line_of(data, "Abimael Guzmán Reinoso"))
    assert "give its `heading`" in error.value.message


def test_a_spanish_word_that_is_none_of_the_entrys_names_is_an_error_at_its_line(tmp_path):
    data = with_data(tmp_path, "  - name: Pablo Escobar\n    spanish: [El Patrón]\n")
    with pytest.raises(ArticleError) as error:
        load_editor_data(data)
    assert (str(error.value.path), error.value.line) == (str(data), line_of(data, "El Patrón"))


def test_names_are_found_without_accents_and_only_as_whole_words():
    text = fold("Apurímac rivers, a scene, the Ene river, post-Guzman history")
    assert occurs(Term("Apurimac", 1), text)
    assert occurs(Term("Guzmán", 1), text)
    assert occurs(Term("Ene", 1), text)
    assert not occurs(Term("scen", 1), text)
    assert not occurs(Term("Enemy", 1), text)


def with_data(tmp_path: Path, extra: str) -> Path:
    data = tmp_path / "index.yml"
    data.write_text(DATA.read_text(encoding="utf-8").replace("people:\n", "people:\n" + extra, 1), encoding="utf-8")
    return data


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_a_curated_name_missing_from_the_text_is_an_error_at_its_line(tmp_path, passages):
    data = with_data(tmp_path, "  - name: Vladimiro Montesinos\n")
    with pytest.raises(ArticleError) as error:
        names_page(passages, load_editor_data(data))
    assert (error.value.path, error.value.line) == (str(data), line_of(data, "Vladimiro Montesinos"))
    assert "“Vladimiro Montesinos”" in error.value.message and "no longer occurs" in error.value.message


def test_a_stale_alias_fails_the_script_with_exit_2_and_leaves_the_pages_alone(tmp_path):
    project = tmp_path / "project"
    for part in ("scripts", "source"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "refs.bib"):
        shutil.copy(ROOT / name, project)
    data = project / "scripts" / "data" / "index.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("[Vampiro]", "[Vampiro, El Drácula]"), encoding="utf-8")
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("before\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(project / "scripts" / "split_article.py"), "--out", str(out)],
                            cwd=project, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 2
    assert result.stderr.startswith(f"{data}:{line_of(data, 'El Drácula')}: “El Drácula” (Catalino Escalante)")
    assert [p.name for p in out.iterdir()] == ["index.md"] and (out / "index.md").read_text() == "before\n"



def test_following_a_cross_reference_shows_its_entry_on_the_screen(page, base_url):
    page.goto(base_url + INDEX)
    references = page.locator("li:has(> em:text-is('see')) > a")
    assert references.count() >= 10
    for n in range(references.count()):
        link = references.nth(n)
        heading = link.inner_text()
        link.click()
        entry = page.locator("li > strong:target")
        assert entry.inner_text() == heading
        assert entry.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)", heading  # marked
        box, header = entry.bounding_box(), page.locator(".md-header").bounding_box()
        assert header["y"] + header["height"] <= box["y"], heading          # not under the header
        assert box["y"] + box["height"] <= page.viewport_size["height"], heading
        page.go_back()
