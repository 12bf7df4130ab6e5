"""Resolving note markers against endnotes, and "Ibid." notes against the note before them."""

from __future__ import annotations

import dataclasses

import pytest
from article.model import ArticleError, Endnote
from article.resolve import resolve_notes


def test_every_note_is_resolved_under_its_own_number(article):
    assert list(resolve_notes(article)) == list(range(1, 12))


def test_an_ibid_note_points_at_the_sources_of_the_note_before_it(article):
    notes = resolve_notes(article)
    assert notes[7].ibid_of is notes[6]
    assert notes[11].ibid_of is notes[10]
    assert notes[6].ibid_of is None


def test_an_ibid_after_an_ibid_points_at_the_original_source(article):
    endnotes = list(article.notes)
    endnotes[7] = dataclasses.replace(endnotes[7], text="Ibid.")
    notes = resolve_notes(dataclasses.replace(article, notes=tuple(endnotes)))
    assert notes[8].ibid_of is notes[6]  # note 8 repeats note 7, which repeats note 6


def test_an_ibid_as_the_first_note_is_an_error(article):
    first = dataclasses.replace(article.notes[0], text="Ibid.")
    with pytest.raises(ArticleError, match='note 1 says "Ibid." but no note comes before it'):
        resolve_notes(dataclasses.replace(article, notes=(first, *article.notes[1:])))


def test_an_endnote_without_a_marker_is_an_error(article):
    extra = Endnote(12, "An uncited source.", article.notes[-1].where)
    with pytest.raises(ArticleError, match=r"endnote 12 is never cited: no \[12\] marker"):
        resolve_notes(dataclasses.replace(article, notes=(*article.notes, extra)))


def test_a_marker_without_an_endnote_is_an_error(article):
    with pytest.raises(ArticleError, match=r"the marker \[11\] has no endnote: the article has 10 endnotes"):
        resolve_notes(dataclasses.replace(article, notes=article.notes[:10]))


def test_two_endnotes_with_one_number_are_an_error(article):
    twice = dataclasses.replace(article.notes[4], number=4)
    with pytest.raises(ArticleError, match="two endnotes are numbered 4"):
        resolve_notes(dataclasses.replace(article, notes=(*article.notes[:4], twice, *article.notes[5:])))
