"""Where the plan's infrastructure and key projects are drawn (the web map's 基础设施与重点项目
overlay, layers/infrastructure.py, and the printed sheets, geo/sheets/overlays.py).

A road that links two or more towns is a line through them in the text's order (schematic);
every other located project is a symbol of its kind at its village's centre point, at
河西新区's approximate point, or near its township's seat (schematic: one symbol per kind and
place, set around the seat so kinds do not hide each other). Projects the texts do not locate
are not drawn. Only places the plan data names are used; no location is made up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely.geometry import LineString, Point

from geo.districts import district_location
from geo.places import locate, village_points
from geo.plan.current import plan
from geo.plan.schema import BASIS_LABELS, PROJECT_KINDS, PlaceRef, Project
from geo.web_geometry import web_frame

LAYER_ID = "infrastructure"
"""The overlay's id, the prefix of its shapes' ids (layers/identify.py's rule)."""
RING_DEGREES = 0.012
"""How far (about 1.2 km) a symbol sits from the seat it stands for, one direction per kind."""
RING_SECTOR = (math.radians(75), math.radians(315))
"""Directions used around a seat: all but the east, where the township's name label sits."""


@dataclass(frozen=True)
class Anchor:
    """Where a place is drawn: the point (WGS84), a key naming it, and how it was found."""

    key: str
    point: Point
    how_zh: str
    how_en: str
    spread: bool  # several kinds share the point (a seat, a district): set them around it
    village: str | None = None  # the village whose centre it is, when placed at one


@dataclass(frozen=True)
class DrawnItem:
    """One shape of the overlay: a road through its towns, or a symbol of one kind at a place
    standing for every project of that kind there. `id` is the shape's properties.id."""

    id: str
    kind: str  # "road-line" or the projects' kind
    projects: tuple[Project, ...]
    anchors: tuple[Anchor, ...]  # a road's towns in order, or the symbol's one place

    @property
    def geometry(self) -> LineString | Point:
        """The line through the towns, or the symbol's point (set around a shared place)."""
        if self.kind == "road-line":
            return LineString([a.point for a in self.anchors])
        where = self.anchors[0]
        return _offset(where.point, self.kind) if where.spread else where.point


def _seat_points() -> dict[str, Point]:
    seats = web_frame("seats")
    return dict(zip(seats["code"].astype(str), seats.geometry, strict=True))


def _district_points() -> dict[str, Point]:
    points = {}
    for district in plan().core.districts:
        location = district_location(district)
        if location is not None:
            points[district.id] = location.point
    return points


def anchor(place: PlaceRef, villages: dict[str, Point], seats: dict[str, Point],
           districts: dict[str, Point]) -> Anchor:
    """The drawable point of one place reference (never None: a township has its seat)."""
    basis_zh, basis_en = BASIS_LABELS[place.basis]
    if place.district and place.district in districts:
        return Anchor(f"district:{place.district}", districts[place.district],
                      f"近似位置（{basis_zh}）", f"approximate ({basis_en})", True)
    where = locate(place, villages)
    if where.point is not None:
        return Anchor(f"village:{place.code}", where.point,
                      f"按{where.village}中心点（{basis_zh}）",
                      f"at the centre of {where.village} ({basis_en})", False, where.village)
    return Anchor(f"township:{where.township_code}", seats[where.township_code],
                  f"示意：{where.township_name}驻地附近（{basis_zh}）",
                  f"schematic: near the seat of {plan().resolve(where.township_code).name_en}"
                  f" ({basis_en})", True)


def is_drawn_as_line(project: Project) -> bool:
    """A road linking two or more places: a line through them in order."""
    return project.kind == "road" and len(project.places) >= 2


def _offset(point: Point, kind: str) -> Point:
    start, end = RING_SECTOR
    step = (end - start) / (len(PROJECT_KINDS) - 1)
    angle = start + step * list(PROJECT_KINDS).index(kind)
    return Point(point.x + RING_DEGREES * math.cos(angle),
                 point.y + RING_DEGREES * math.sin(angle) * 0.9)


def drawn_items() -> list[DrawnItem]:
    """Road lines first, then one symbol per (place, kind), in a stable order."""
    villages, seats, districts = village_points(), _seat_points(), _district_points()
    lines, symbols = [], {}
    for project in plan().projects:
        anchors = tuple(anchor(p, villages, seats, districts) for p in project.places)
        if is_drawn_as_line(project):
            lines.append(DrawnItem(f"{LAYER_ID}:{project.id}", "road-line", (project,), anchors))
            continue
        for where in anchors:
            entry = symbols.setdefault((where.key, project.kind), (where, []))
            entry[1].append(project)
    return lines + [DrawnItem(f"{LAYER_ID}:{kind}:{key}", kind, tuple(projects), (where,))
                    for (key, kind), (where, projects) in sorted(symbols.items())]


def unlocated(kind: str) -> list[Project]:
    """The projects of `kind` the texts give no place for (listed, not drawn)."""
    return [p for p in plan().projects if p.kind == kind and not p.places]
