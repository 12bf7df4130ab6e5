"""Read the locator map's hand-kept file (scripts/data/map.yml): what the map shows and the edition's words.

The extract tool reads its frame, country, places and areas; the map's page module its labels
and words. Every value keeps its line, and every mistake is reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import ArticleError, Mistakes
from .yaml_lines import composed, line, mapping, sequence, term

DATA = Path(__file__).resolve().parent.parent / "data" / "map.yml"
Point = tuple[float, float]


@dataclass(frozen=True)
class Area:
    """A valley drawn as an approximate ellipse, the departments it lies in, and what it rests on."""

    name: str
    center: Point
    radii: Point
    departments: tuple[str, ...]
    basis: str


@dataclass(frozen=True)
class Place:
    """A place marked with a dot, at the label point of a first-level division."""

    name: str
    division: str
    about: str


@dataclass(frozen=True)
class MapData:
    where: str                   # home's sentence placing the article
    frame: dict[str, float]      # west, east, south, north
    country: str
    code: str                    # the country's code in Natural Earth, which picks its divisions
    neighbours: tuple[str, ...]
    labels: dict[str, Point]     # each country's name, where it is set
    sea: tuple[str, Point]
    approximate: str             # set under each area's name
    places: tuple[Place, ...]
    areas: tuple[Area, ...]
    shown: dict[str, str]        # an Index place → the name the map shows it by
    title: str
    description: str             # with {neighbours} and {areas[i]} for the departments of each area
    caption: str


KEYS = ("where", "frame", "country", "neighbours", "labels", "sea", "approximate", "places", "areas", "shown",
        "title", "description", "caption")


def load_map_data(path: Path = DATA) -> MapData:
    """The map's file as typed data; a missing, mistyped or unknown entry is an ``ArticleError``, all at once."""
    root = composed(path, "the locator map's data")
    top = mapping(path, root, KEYS)
    mistakes = Mistakes()
    for key in KEYS:
        if key not in top:
            mistakes.add(ArticleError(path, line(root), f"the map needs `{key}`: see the comments of this file"))
    mistakes.check()
    text = {key: mistakes.attempt(lambda k: term(path, top[k], root, f"`{k}`").text, key)
            for key in ("where", "approximate", "title", "description", "caption")}
    frame = mistakes.attempt(numbers_by_name, path, top["frame"], ("west", "east", "south", "north"))
    country = mistakes.attempt(mapping, path, top["country"], ("name", "code")) or {}
    names = {key: mistakes.attempt(term, path, country.get(key), top["country"], f"the country's {key}")
             for key in ("name", "code")}
    neighbours = [mistakes.attempt(term, path, node, node, "a neighbour") for node in
                  mistakes.attempt(sequence, path, top["neighbours"]) or []]
    labels = {name: mistakes.attempt(point, path, node) for name, node in
              (mistakes.attempt(mapping, path, top["labels"]) or {}).items()}
    sea = mistakes.attempt(mapping, path, top["sea"], ("name", "at")) or {}
    sea_name = mistakes.attempt(term, path, sea.get("name"), top["sea"], "the sea's name")
    sea_at = mistakes.attempt(point, path, sea.get("at") or top["sea"])
    places = [mistakes.attempt(place, path, node) for node in mistakes.attempt(sequence, path, top["places"]) or []]
    areas = [mistakes.attempt(area, path, node) for node in mistakes.attempt(sequence, path, top["areas"]) or []]
    shown = {name: mistakes.attempt(term, path, node, node, f"the name the map shows {name} by")
             for name, node in (mistakes.attempt(mapping, path, top["shown"]) or {}).items()}
    countries = [names["name"].text if names.get("name") else "", *(n.text for n in neighbours if n)]
    for name in countries:
        if name and name not in labels:
            mistakes.add(ArticleError(path, line(top["labels"]), f"labels: give where {name}'s name is set"))
    for name, node in mapping(path, top["labels"]).items() if "labels" in top else ():
        if name not in countries:
            mistakes.add(ArticleError(path, line(node), f"labels: {name} is neither the country nor a neighbour: "
                                                        "remove it or add it to `neighbours`"))
    if text.get("description"):
        try:
            text["description"].format(neighbours="", areas=[""] * len(areas))
        except (KeyError, IndexError, ValueError, AttributeError) as error:
            mistakes.add(ArticleError(path, line(top["description"]), f"the description's braces are wrong ({error}): "
                                      "write {neighbours}, or {areas[0]} for the first area's departments"))
    mistakes.check()
    return MapData(text["where"], frame, names["name"].text, names["code"].text, tuple(n.text for n in neighbours),
                   labels, (sea_name.text, sea_at), text["approximate"], tuple(places), tuple(areas),
                   {name: value.text for name, value in shown.items()}, text["title"], text["description"],
                   text["caption"])


def point(path: Path, node: yaml.Node) -> Point:
    """A (longitude, latitude) pair of numbers."""
    items = sequence(path, node)
    values = [number(path, item) for item in items]
    if len(values) != 2:
        raise ArticleError(path, line(node), "a point is two numbers, [longitude, latitude]")
    return values[0], values[1]


def number(path: Path, node: yaml.Node) -> float:
    """A scalar written as a decimal number. YAML 1.1 also tags "-6:9.75" (base 60), "0x1F" and ".inf"
    as numbers, which no editor means as degrees: those are mistakes at their line too."""
    try:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float")):
            return float(node.value)
    except ValueError:
        pass
    raise ArticleError(path, line(node), "expected a number of degrees, such as -12.5")


def numbers_by_name(path: Path, node: yaml.Node, names: tuple[str, ...]) -> dict[str, float]:
    fields = mapping(path, node, names)
    missing = [name for name in names if name not in fields]
    if missing:
        raise ArticleError(path, line(node), f"give {', '.join(missing)} too")
    return {name: number(path, fields[name]) for name in names}


def place(path: Path, node: yaml.Node) -> Place:
    fields = mapping(path, node, ("name", "division", "about"))
    return Place(*(term(path, fields.get(key), node, f"a place's {key}").text for key in ("name", "division", "about")))


def area(path: Path, node: yaml.Node) -> Area:
    fields = mapping(path, node, ("name", "center", "radii", "departments", "basis"))
    missing = [key for key in ("center", "radii", "departments") if key not in fields]
    if missing:
        raise ArticleError(path, line(node), f"an area needs {', '.join(missing)}")
    departments = tuple(term(path, item, item, "a department").text for item in sequence(path, fields["departments"]))
    return Area(term(path, fields.get("name"), node, "an area's name").text, point(path, fields["center"]),
                point(path, fields["radii"]), departments, term(path, fields.get("basis"), node, "an area's basis").text)


def label_texts(data: MapData, departments: list[str]) -> list[str]:
    """Every word the map sets as a label: the countries, the sea, the ``departments`` named, the
    areas and the places."""
    return [data.country, *data.neighbours, data.sea[0], data.approximate, *departments,
            *(area.name for area in data.areas), *(place.name for place in data.places)]
