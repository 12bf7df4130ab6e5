"""The Timeline page: dates found in the text, in order, each with its real sentence."""

from __future__ import annotations

import re

import pytest
from article.index_data import DATA, load_editor_data
from article.model import ArticleError
from article.pages.timeline import sentences, timeline_page
from site_html import paragraph, read, target

TIMELINE = "timeline/"


def headings(site):
    return [e.text.removesuffix("#").strip() for e in read(site, TIMELINE, {"h2"}).elements]


def quotes(site):
    return read(site, TIMELINE, {"blockquote"}).elements


def test_the_timeline_lists_every_date_the_article_states_earliest_first(site):
    assert headings(site) == ["1952", "mid-1980s and 1990s", "1985", "1991", "1995", "1997", "2000"]


def test_the_timeline_is_in_chronological_order(site):
    first_years = [int(re.search(r"\d{4}", heading).group()) for heading in headings(site)]
    assert first_years == sorted(first_years)


def test_each_event_quotes_a_sentence_that_is_really_in_its_linked_paragraph(site):
    found = quotes(site)
    assert len(found) == 7
    for quote in found:
        sentence, _, source = quote.text.rpartition(" — ")
        (source_link,) = [link for link in quote.links if re.search(r"#p\d+$", link)]
        page, anchor = target(TIMELINE, source_link)
        assert re.fullmatch(r"p\d+", anchor) and source.startswith(f"¶{anchor[1:]} · ")
        assert sentence in paragraph(site, page, anchor), f"{sentence!r} not in {page}#{anchor}"


def test_each_event_shows_the_editors_label(site):
    labels = [e.text for e in read(site, TIMELINE, {"strong"}).elements]
    assert "Reynaldo Reynoso arrested" in labels and "Jorge Cardenas, “Mosquito Loco,” arrested" in labels
    assert len(labels) == 7


def test_an_event_with_no_label_is_listed_with_its_sentence(tmp_path, passages):
    data = tmp_path / "index.yml"
    data.write_text(DATA.read_text(encoding="utf-8").split("\ntimeline:")[0] + "\n", encoding="utf-8")
    text = timeline_page(passages, load_editor_data(data)).text
    assert "## 1985\n\n> The largest “firmas” were led by capos such as Reynaldo Reynoso (arrested in 1985)" in text
    assert text.count("\n## ") == 7 and "**" not in text


def test_a_label_for_a_date_the_text_does_not_state_is_an_error_at_its_line(tmp_path, passages):
    data = tmp_path / "index.yml"
    data.write_text(DATA.read_text(encoding="utf-8") + '  - when: "1980"\n    label: SL starts its war\n',
                    encoding="utf-8")
    with pytest.raises(ArticleError) as error:
        timeline_page(passages, load_editor_data(data))
    assert error.value.path == str(data) and error.value.line == len(data.read_text().splitlines()) - 1
    assert "“1980” matches no date in the article" in error.value.message


def test_abbreviations_end_no_sentence():
    text = ("It was protected from the Armed Forces (FF. AA.), allowing it to go on. U.S. assistance "
            "is oriented towards repression. It formed “liberated zones.” The VRAEM is crucial.")
    assert sentences(text) == ["It was protected from the Armed Forces (FF. AA.), allowing it to go on.",
                               "U.S. assistance is oriented towards repression.",
                               "It formed “liberated zones.”", "The VRAEM is crucial."]
