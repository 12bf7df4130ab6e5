"""The Timeline page: every year or decade the article's paragraphs state, in order.

Dates are found in the text ("1952", "1990s", "mid-1980s and 1990s"); each event is shown
with the sentence it comes from and a link to its paragraph. Editors add a short label per
event in the data file; an event without one is still listed, with its sentence. A label
whose date no longer occurs is an error naming the data file's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from ..index_data import EditorData, Label
from ..markdown import editorial, escape, page
from ..model import Mistakes, Page, Passage
from ..text import fold

PATH = "timeline.md"
YEAR = r"(?:(?:early|mid|late)-)?(?:1[5-9]|20)\d\ds?"
DATE = re.compile(rf"(?<![\w-]){YEAR}(?:\s+(?:and|to|or|until)\s+{YEAR})?(?![\w-])")
TOKEN = re.compile(r"(?:(?P<part>early|mid|late)-)?(?P<year>\d{4})(?P<decade>s?)")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[A-Z“\"¿¡])")
ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z]{1,2}\.)+$")  # "U.S.", "FF. AA." end no sentence
DECADE_START = {"early": 0, "mid": 3, "late": 7, None: 0}


@dataclass(frozen=True)
class Event:
    """A date as the article writes it, the sentence stating it, and where that sentence is."""

    when: str
    sentence: str
    passage: Passage
    label: str | None

    @property
    def order(self) -> tuple[int, int, int]:
        """Earliest year, latest year, then reading order: "mid-1980s and 1990s" is 1983–1999."""
        tokens = [TOKEN.match(t) for t in re.findall(YEAR, self.when)]
        first, last = tokens[0], tokens[-1]
        start = int(first["year"]) + (DECADE_START[first["part"]] if first["decade"] else 0)
        end = int(last["year"]) + (9 if last["decade"] else 0)
        return start, end, self.passage.paragraph or 0


def sentences(text: str) -> list[str]:
    """A paragraph's sentences; abbreviations such as "U.S." or "FF. AA." end none."""
    out: list[str] = []
    for piece in SENTENCE_END.split(text):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def dated(passage: Passage) -> list[tuple[str, str]]:
    """Each date of a paragraph with the sentence it is in."""
    return [(match.group(), sentence) for sentence in sentences(passage.text) for match in DATE.finditer(sentence)]


def labelled(when: str, sentence: str, data: EditorData) -> Label | None:
    for label in data.labels:
        if label.when.text == when and (label.phrase is None or fold(label.phrase.text) in fold(sentence)):
            return label
    return None


def events(paragraphs: list[Passage], data: EditorData) -> list[Event]:
    """The dated events of the paragraphs, in time order; a label matching no event, or several, is an error."""
    found = [(when, sentence, passage) for passage in paragraphs for when, sentence in dated(passage)]
    used: dict[Label, int] = {}
    out = []
    for when, sentence, passage in found:
        label = labelled(when, sentence, data)
        if label:
            used[label] = used.get(label, 0) + 1
        out.append(Event(when, sentence, passage, label.text if label else None))
    mistakes = Mistakes()
    for label in data.labels:
        if label not in used:
            mistakes.add(data.error(label.when, f"timeline label for “{label.when.text}” matches no date in the article: "
                                                "correct or remove it"))
        elif used[label] > 1:
            mistakes.add(data.error(label.when, f"timeline label for “{label.when.text}” matches {used[label]} "
                                                "sentences: add `sentence:` with a phrase of the one it is for"))
    mistakes.check()
    return sorted(out, key=lambda event: event.order)


def event_block(event: Event) -> str:
    where = f"[{event.passage.label} · {escape(event.passage.page_title)}]({event.passage.href})"
    label = f"{editorial(f'**{escape(event.label)}**')}\n\n" if event.label else ""  # the editors' words
    # The sentence is the article's: search finds it in its paragraph, and the event by its label.
    return (f"## {escape(event.when)}\n\n{label}> {escape(event.sentence)}\n> {{: data-search-exclude=\"\" }}\n"
            f">\n> — {where}\n")


def timeline_page(passages: list[Passage], data: EditorData) -> Page:
    """The Timeline page of the paragraphs among ``passages``, earliest first."""
    found = events([p for p in passages if p.paragraph is not None], data)
    body = ("\n# Timeline\n\n"
            f"The {len(found)} dates the article states, earliest first, each with the sentence it comes "
            "from and a link to its paragraph (¶). The short labels are this edition’s.\n\n"
            + "\n".join(map(event_block, found)))
    # Search finds each event at its date; the article's paragraphs rank above it.
    return page(PATH, "Timeline", body, title="Timeline",
                description=f"The {len(found)} dated events the article states, in order, each with its sentence.")
