"""The locator map on the home page and in the print edition: an inline SVG drawn from the map's extract.

The extract (scripts/data/map/peru.json) is written from pinned Natural Earth packages by
scripts/tools/map_extract.py. The SVG is drawn in ``currentColor`` with opacities, so it takes
the page's text colour in either colour scheme and on paper; only water and the two valleys have
colours of their own, chosen to read on a light and a dark ground. Its labels are SVG text, its
text alternative the SVG's title and description.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

from ..map_data import MapData
from ..markdown import editorial, escape
from ..numbering import HOME

EXTRACT = Path(__file__).resolve().parents[2] / "data" / "map" / "peru.json"
ANCHOR = "map"  # the map's id on the home page: the Index links to it
SCALE = 40  # SVG units per degree of latitude
# Each kind of label: the face, size and letter spacing (SVG units) it is set in. The extract holds
# the widths of its typeface's characters, so that each label's room is measured, not guessed.
KINDS = {"country": ("regular", 22, 2), "name-peru": ("bold", 30, 3), "ocean": ("italic", 22, 0),
         "department": ("italic", 20, 0), "valley": ("bold", 26, 0), "approximate": ("italic", 22, 0),
         "city": ("regular", 22, 0)}
WEIGHT, SLANT = {"bold": "font-weight:700;"}, {"italic": "font-style:italic;"}
HALO = 6  # the width of the ground-coloured line drawn under each label: no line crosses a word
Box = tuple[float, float, float, float]  # left, top, right, bottom, in SVG units


def style(family: str) -> str:
    """The map's own style, inside it, so that it draws the same on the site, in the PDF and in an
    EPUB reader: lines and labels in the text's colour (light on a dark page), water blue, the valleys
    orange; each label set in ``family`` over a halo of the page's ground."""
    kinds = "".join(f".locator-map .{kind}{{font-size:{size}px;{WEIGHT.get(face, '')}{SLANT.get(face, '')}"
                    + (f"letter-spacing:{spacing}px" if spacing else "") + "}" for kind, (face, size, spacing) in KINDS.items())
    return (f'.locator-map text{{fill:currentColor;font-family:"{family}",sans-serif;paint-order:stroke;'
            f"stroke:var(--md-default-bg-color,#fff);stroke-width:{HALO}px;stroke-linejoin:round}}"
            ".locator-map path{fill:none;stroke:currentColor;stroke-linejoin:round}"
            ".locator-map .land{fill:currentColor;fill-opacity:.07;stroke-opacity:.55;stroke-width:1.4}"
            ".locator-map .departments{stroke-opacity:.4;stroke-width:1}"
            ".locator-map .peru{fill:currentColor;fill-opacity:.15;stroke-width:2.6}"
            ".locator-map .lakes{fill:#3f8fd2;stroke:none}"
            ".locator-map .rivers{stroke:#3f8fd2;stroke-width:2.2}"
            ".locator-map .area{fill:#e8590c;fill-opacity:.3;stroke:#e8590c;stroke-width:3;stroke-dasharray:9 6}"
            ".locator-map circle.city{fill:currentColor}" + kinds)


def box(font: dict, words: str, kind: str, x: float, y: float, anchor: str) -> Box:
    """The room a label takes, halo included, measured in its typeface: ``x`` is its start or middle
    (``anchor``), ``y`` its baseline."""
    face, size, spacing = KINDS[kind]
    width = size * sum(font["widths"][face][c] for c in words) + spacing * len(words)
    left = x - width / 2 if anchor == "middle" else x
    pad = HALO / 2
    return (left - pad, y - font["ascent"] * size - pad, left + width + pad, y + font["descent"] * size + pad)


def within(room: Box, x: float, width: float) -> float:
    """``x`` moved so that a label of this ``room`` stands inside the map's ``width``, a halo's width
    from its edges (a slanted letter's halo reaches past its advance)."""
    return x - min(room[0] - HALO, 0) - max(room[2] + HALO - width, 0)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@lru_cache(maxsize=1)
def extract() -> dict:
    return json.loads(EXTRACT.read_text(encoding="utf-8"))


def projection(frame: dict):
    """Equirectangular at the frame's middle latitude: (longitude, latitude) → SVG (x, y)."""
    stretch = math.cos(math.radians((frame["north"] + frame["south"]) / 2))
    return lambda lon, lat: ((lon - frame["west"]) * stretch * SCALE, (frame["north"] - lat) * SCALE)


def path(lines: list[list[list[float]]], to_svg, closed: bool) -> str:
    """An SVG path of lines, in whole units and relative moves (the shortest text)."""
    parts = []
    for line in lines:
        points = [tuple(round(v) for v in to_svg(*point)) for point in line]
        moves = [f"M{points[0][0]} {points[0][1]}"]
        moves += [f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:]) if (x, y) != (px, py)]
        parts.append(moves[0] + ("l" + " ".join(moves[1:]) if len(moves) > 1 else "") + ("z" if closed else ""))
    return "".join(parts).replace(" -", "-")


def text(x: float, y: float, words: str, kind: str, anchor: str = "middle") -> str:
    return f'<text x="{round(x)}" y="{round(y)}" class="{kind}" text-anchor="{anchor}">{html.escape(words, quote=False)}</text>'


def inside(point: tuple[float, float], rings: list[list[list[float]]]) -> bool:
    """Whether ``point`` lies inside ``rings`` (even-odd rule: a hole's ring takes it out again)."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def in_ellipse(point: tuple[float, float], ellipses: list[Box]) -> bool:
    """Whether ``point`` lies in one of the ``ellipses`` (centre x, centre y, radius x, radius y)."""
    x, y = point
    return any(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1 for cx, cy, rx, ry in ellipses)


def department_labels(departments: list[dict], to_svg, font: dict, ellipses: list[Box], taken: list[Box],
                      size: tuple[float, float]) -> list[str]:
    """Each department's name, at Natural Earth's point for it or, where its measured room would
    touch a valley's area, a label set before it or the map's edge, at the nearest point a tenth of
    a degree apart, up to a degree and a half away, that is clear of all of them and still inside the
    department (failing all, Natural Earth's); the longest names are set first. ``taken`` grows
    with each name set."""
    labels = []
    for department in sorted(departments, key=lambda d: -len(d["name"])):  # the longest names need most room
        lon, lat = department["label"]
        def room(at: tuple[float, float]) -> Box:
            return box(font, department["name"], "department", *to_svg(*at), "middle")
        def clear(at: tuple[float, float]) -> bool:
            left, top, right, bottom = room(at)
            outline = [(left + (right - left) * i / 40, top + (bottom - top) * j / 4) for i in range(41) for j in range(5)]
            return (inside(at, department["rings"]) and HALO <= left and right <= size[0] - HALO
                    and HALO <= top and bottom <= size[1] - HALO
                    and not any(in_ellipse(point, ellipses) for point in outline)
                    and not any(overlaps(room(at), other) for other in taken))
        nudged = sorted(((lon + dx / 10, lat + dy / 10) for dx in range(-15, 16) for dy in range(-15, 16)),
                        key=lambda at: (at[0] - lon) ** 2 + (at[1] - lat) ** 2)   # nearest first
        at = next((at for at in [(lon, lat), *nudged] if clear(at)), (lon, lat))
        taken.append(room(at))
        labels.append(text(*to_svg(*at), department["name"], "department"))
    return labels


DRAWN: dict[str, str] = {}   # each map's SVG by its words: a build and the split script ask for it more than once


def svg(words: MapData) -> str:
    """The map as one line of SVG (a line break would end Markdown's raw HTML block), labelled and
    described in ``words``; drawn once a process (setting the labels takes a tenth of a second)."""
    key = repr(words)
    if key not in DRAWN:
        DRAWN[key] = drawn(words)
    return DRAWN[key]


def drawn(words: MapData) -> str:
    data = extract()
    frame, to_svg = data["frame"], projection(data["frame"])
    width, height = (round(v) for v in to_svg(frame["east"], frame["south"]))
    countries = {c["name"]: c["rings"] for c in data["countries"]}
    neighbours = [name for name in countries if name != words.country]
    labelled = [d for d in data["departments"] if "label" in d]
    areas = data["areas"]
    desc = words.description.format(neighbours=listed(neighbours), areas=[listed(a["departments"]) for a in areas])
    # The country's translucent ground and its border go over the departments' lines: one path, drawn once.
    shapes = [f'<path class="land" d="{path([r for n in neighbours for r in countries[n]], to_svg, True)}"/>',
              f'<path class="departments" d="{path([r for d in data["departments"] for r in d["rings"]], to_svg, True)}"/>',
              f'<path class="peru" d="{path(countries[words.country], to_svg, True)}"/>',
              f'<path class="lakes" d="{path(data["lakes"], to_svg, True)}"/>',
              f'<path class="rivers" d="{path(data["rivers"], to_svg, False)}"/>']
    stretch = to_svg(frame["west"] + 1, frame["north"])[0]     # SVG units in a degree of longitude
    for area in areas:
        (x, y), (rx, ry) = to_svg(*area["center"]), area["radii"]
        shapes.append(f'<ellipse class="area" cx="{round(x)}" cy="{round(y)}" rx="{round(rx * stretch)}" '
                      f'ry="{round(ry * SCALE)}"/>')
    font = data["font"]
    set_labels: list[tuple[float, float, str, str, str]] = [   # x, y, words, kind, anchor
        (*to_svg(*words.labels[name]), name, "name-peru" if name == words.country else "country", "middle")
        for name in countries]
    set_labels.append((*to_svg(*words.sea[1]), words.sea[0], "ocean", "middle"))
    for area in areas:
        lon, lat = area["center"]
        east = lon + area["radii"][0] + 0.15
        set_labels += [(*to_svg(east, lat + 0.1), area["name"], "valley", "start"),
                       (*to_svg(east, lat - 0.55), words.approximate, "approximate", "start")]
    for place in data["places"]:
        x, y = to_svg(*place["at"])
        shapes.append(f'<circle class="city" cx="{round(x)}" cy="{round(y)}" r="7"/>')
        set_labels.append((*to_svg(place["at"][0] + 0.25, place["at"][1] - 0.1), place["name"], "city", "start"))
    set_labels = [(within(box(font, name, kind, x, y, anchor), x, width), y, name, kind, anchor)
                  for x, y, name, kind, anchor in set_labels]
    taken = [box(font, name, kind, x, y, anchor) for x, y, name, kind, anchor in set_labels]
    labels = [text(x, y, name, kind, anchor) for x, y, name, kind, anchor in set_labels]
    ellipses = [(*to_svg(*a["center"]), a["radii"][0] * stretch, a["radii"][1] * SCALE) for a in areas]
    labels += department_labels(labelled, to_svg, font, ellipses, taken, (width, height))
    return (f'<svg class="locator-map" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="map-title" aria-describedby="map-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="map-title">{html.escape(words.title, quote=False)}</title><desc id="map-desc">{html.escape(desc, quote=False)}</desc><style>{style(font["family"])}</style>'
            + "".join(shapes) + "".join(labels) + "</svg>")


def listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


SVG = re.compile(r'<svg class="locator-map".*?</svg>', re.DOTALL)
TITLE_AND_DESC = re.compile(r'<title id="map-title">(.*?)</title><desc id="map-desc">(.*?)</desc>')


def as_image(page: str) -> str:
    """``page`` with its inline map as an ``<img>`` of the same SVG, its title and description as the
    ``alt`` text: pandoc makes an inline SVG an image with no text alternative, so the PDF and the EPUB
    get one that has it."""
    def image(match: re.Match[str]) -> str:
        drawing = match.group(0)
        title, desc = TITLE_AND_DESC.search(drawing).groups()
        alt = html.escape(f"{html.unescape(title)}. {html.unescape(desc)}")
        data = base64.b64encode(drawing.encode("utf-8")).decode("ascii")
        return f'<img class="locator-map" alt="{alt}" src="data:image/svg+xml;base64,{data}">'
    return SVG.sub(image, page)


def on_the_map(place: str, shown: Collection[str]) -> str:
    """A link from an Index entry to the map on the home page, for a place the map shows ("" for others)."""
    return f" · [on the map]({HOME}#{ANCHOR})" if place in shown else ""


def map_block(words: MapData, places: list[str], with_index: bool = True) -> str:
    """The figure and its caption: what it shows, what it cannot, where its data come from, and the
    places named elsewhere that it does not show, said of the Index only where the reader has one
    (``with_index``; the print edition, PDF and EPUB have none)."""
    missing = [name for name in places if name not in words.shown]
    where = "Places in the Index" if with_index else "Places the article names"
    caption = (escape(words.caption)
               + (f" {where} that the map does not show: {escape(', '.join(missing))}." if missing else ""))
    return (f'<figure id="{ANCHOR}" class="locator">{svg(words)}</figure>\n\n'
            f"{editorial(caption)}\n{{: .map-caption data-search-exclude=\"\" }}\n")
