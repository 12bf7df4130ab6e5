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
# A department's name, in degrees: a letter's width, and the line's height above and below the baseline.
LETTER, LINE, DESCENT = 0.26, 0.5, 0.15

# The map's own style, inside it, so that it draws the same on the site, in the PDF and in an EPUB
# reader: lines and labels in the text's colour (light on a dark page), water blue, the valleys orange.
STYLE = (".locator-map text{fill:currentColor;font-size:22px}"
         ".locator-map path{fill:none;stroke:currentColor;stroke-linejoin:round}"
         ".locator-map .land{fill:currentColor;fill-opacity:.07;stroke-opacity:.55;stroke-width:1.4}"
         ".locator-map .departments{stroke-opacity:.4;stroke-width:1}"
         ".locator-map .peru{fill:currentColor;fill-opacity:.15;stroke-width:2.6}"
         ".locator-map .lakes{fill:#3f8fd2;stroke:none}"
         ".locator-map .rivers{stroke:#3f8fd2;stroke-width:2.2}"
         ".locator-map .area{fill:#e8590c;fill-opacity:.3;stroke:#e8590c;stroke-width:3;stroke-dasharray:9 6}"
         ".locator-map .city{fill:currentColor}"
         ".locator-map .name-peru{font-size:30px;font-weight:700;letter-spacing:3px}"
         ".locator-map .country{letter-spacing:2px}"
         ".locator-map .ocean,.locator-map .department,.locator-map .approximate{font-style:italic}"
         ".locator-map .department{font-size:20px}"
         ".locator-map .valley{font-size:26px;font-weight:700}")


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


def text(to_svg, at: tuple[float, float], words: str, kind: str, anchor: str = "middle") -> str:
    x, y = to_svg(*at)
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


def in_area(point: tuple[float, float], areas: list[dict]) -> bool:
    x, y = point
    return any(((x - a["center"][0]) / a["radii"][0]) ** 2 + ((y - a["center"][1]) / a["radii"][1]) ** 2 <= 1
               for a in areas)


def label_points(departments: list[dict], areas: list[dict]) -> list[tuple[float, float]]:
    """Where each department's name is set: Natural Earth's point for it or, where the name would
    cross a valley's area or a name set before it, the nearest point nudged a quarter of a degree
    at a time that is clear of both and still inside the department (failing all, Natural Earth's)."""
    taken: list[tuple[float, float, float, float]] = []     # west, east, south, north of each name set
    points = []
    for department in departments:
        lon, lat = department["label"]
        half = len(department["name"]) * LETTER / 2            # the name is centred on its point
        def clear(at: tuple[float, float]) -> bool:
            x0, y0 = at
            outline = [(x0 + half * i / 4, y0 + dy) for i in range(-4, 5) for dy in (-DESCENT, LINE / 2, LINE)]
            return (inside(at, department["rings"]) and not any(in_area(point, areas) for point in outline)
                    and not any(x0 - half < east and west < x0 + half and y0 - DESCENT < north and south < y0 + LINE
                                for west, east, south, north in taken))
        nudged = [(lon + dx * step, lat + dy * step) for step in (0.25, 0.5, 0.75, 1)
                  for dx, dy in ((0, -1), (-1, 0), (1, 0), (0, 1))]
        x, y = next((at for at in [(lon, lat), *nudged] if clear(at)), (lon, lat))
        taken.append((x - half, x + half, y - DESCENT, y + LINE))
        points.append((x, y))
    return points


def svg(words: MapData) -> str:
    """The map as one line of SVG (a line break would end Markdown's raw HTML block), labelled and
    described in ``words``."""
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
    labels = [text(to_svg, words.labels[name], name, "country name-peru" if name == words.country else "country")
              for name in countries]
    labels.append(text(to_svg, words.sea[1], words.sea[0], "ocean"))
    labels += [text(to_svg, at, d["name"], "department") for d, at in zip(labelled, label_points(labelled, areas))]
    for area in areas:
        lon, lat = area["center"]
        east = lon + area["radii"][0] + 0.15
        labels += [text(to_svg, (east, lat + 0.1), area["name"], "valley", "start"),
                   text(to_svg, (east, lat - 0.55), "(approximate)", "approximate", "start")]
    for place in data["places"]:
        x, y = to_svg(*place["at"])
        shapes.append(f'<circle class="city" cx="{round(x)}" cy="{round(y)}" r="7"/>')
        labels.append(text(to_svg, (place["at"][0] + 0.25, place["at"][1] - 0.1), place["name"], "city", "start"))
    return (f'<svg class="locator-map" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="map-title" aria-describedby="map-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="map-title">{html.escape(words.title, quote=False)}</title><desc id="map-desc">{html.escape(desc, quote=False)}</desc><style>{STYLE}</style>'
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


def map_block(words: MapData, places: list[str]) -> str:
    """The figure and its caption: what it shows, what it cannot, where its data come from."""
    missing = [name for name in places if name not in words.shown]
    caption = (escape(words.caption)
               + (f" Places in the Index that the map does not show: {escape(', '.join(missing))}." if missing else ""))
    return (f'<figure id="{ANCHOR}" class="locator" data-search-exclude="">{svg(words)}</figure>\n\n'
            f"{editorial(caption)}\n{{: .map-caption data-search-exclude=\"\" }}\n")
