"""基础设施与重点项目: the plan's roads, water, energy, logistics, trade, urban and school
projects, drawn schematically (示意).

A road that links two or more towns is a dashed line through them in the text's order; every
other located project is a symbol of its kind at its village's centre point, at 河西新区's
approximate point, or near its township's seat (one symbol per kind and place, set around the
seat so kinds do not hide each other). Projects the texts do not locate are listed in the
legend, not drawn.
"""

import math
from dataclasses import dataclass

import folium
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon

from geo.districts import DistrictLocation, district_location
from geo.labels import field_text, label, pick
from geo.plan.citations import citations_text
from geo.plan.current import plan
from geo.plan.schema import BASIS_LABELS, PROJECT_KINDS, PlaceRef, Project
from geo.web_geometry import web_frame
from layers import geojson
from layers.elements import GeoJsonOverlay, Labels, layer_class
from layers.places import locate, village_points
from layers.theme import LegendEntry, MapContext, cite, overlay_group

LAYER_ID = "infrastructure"
DATA_LAYERS = ("villages", "seats")
KIND_COLOURS = {
    "road": "#6d4c41", "water": "#0277bd", "energy": "#ef6c00", "logistics": "#5e35b1",
    "trade": "#ad1457", "urban": "#546e7a", "education": "#2e7d32",
}
KIND_GLYPHS = {
    "road": ("路", "R"), "water": ("水", "W"), "energy": ("能", "E"), "logistics": ("物", "L"),
    "trade": ("商", "T"), "urban": ("城", "U"), "education": ("学", "S"),
}
RING_DEGREES = 0.012
"""How far (about 1.2 km) a symbol sits from the seat it stands for, one direction per kind."""


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


def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return label("projects", lang)


def kind_name(kind: str, lang: str) -> str:
    zh, en = PROJECT_KINDS[kind]
    return pick(lang, zh, en)


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


BRIEF_FROM = 3
"""From this many facts at one symbol, each gets one line (name, brief citation)."""


def _brief_line(project: Project, lang: str) -> str:
    more = label("map_open_list_mark", lang) if project.open_list else ""
    return (f"· {field_text(project, 'name', lang)}{more} — "
            + citations_text(project.citations, lang, "brief", plan().documents))


def _fact_lines(project: Project, lang: str) -> list[str]:
    lines = [f"{field_text(project, 'name', lang)}"]
    summary = field_text(project, "summary", lang)
    if summary:
        lines.append(summary)
    if project.items:
        joiner = label("map_item_separator", lang)
        names = joiner.join(field_text(item, "name", lang) for item in project.items)
        if project.open_list:
            names += label("map_and_others_open_list", lang)
        lines.append(names)
    lines.append(label("map_source", lang)
                 + citations_text(project.citations, lang, "full", plan().documents))
    return lines


def is_drawn_as_line(project: Project) -> bool:
    """A road linking two or more places: a line through them in order."""
    return project.kind == "road" and len(project.places) >= 2


RING_SECTOR = (math.radians(75), math.radians(315))
"""Directions used around a seat: all but the east, where the township's name label sits."""


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


def features(lang: str, basemap: str) -> tuple[list[dict], list[tuple[float, float, str]]]:
    """Road lines first, then one symbol per (place, kind) with every fact there in its tip;
    and the glyph labels of the symbols."""
    lines, points, labels = [], [], []
    for item in drawn_items():
        if item.kind == "road-line":
            project = item.projects[0]
            tip = "\n".join([
                f"{kind_name('road', lang)} · {pick(lang, '示意连线', 'schematic link')}",
                *_fact_lines(project, lang),
                " → ".join(pick(lang, a.how_zh, a.how_en) for a in item.anchors),
            ])
            lines.append(geojson.feature(
                LineString([a.point for a in item.anchors]),
                {"id": item.id, "s": "road-line", "tip": tip, "facts": [project.id]}, basemap))
            continue
        where, projects = item.anchors[0], item.projects
        point = _offset(where.point, item.kind) if where.spread else where.point
        tip = "\n".join([
            f"{kind_name(item.kind, lang)} · {pick(lang, where.how_zh, where.how_en)}",
            *(_brief_line(p, lang) if len(projects) >= BRIEF_FROM
              else "\n".join(_fact_lines(p, lang)) for p in projects),
        ])
        points.append(geojson.feature(
            point, {"id": item.id, "s": item.kind, "tip": tip,
                    "facts": [p.id for p in projects]}, basemap))
        labels.append((*geojson.display_latlon(point.y, point.x, basemap),
                       pick(lang, *KIND_GLYPHS[item.kind])))
    return lines + points, labels


DISTRICT_MARGIN_KM = 0.8


def district_area(location: DistrictLocation) -> Polygon:
    """A dashed circle standing for the district: around the centre, reaching a little beyond
    its farthest source village (approximate; not the district's boundary)."""
    centre = location.point
    km_per_deg_y = 111.32
    km_per_deg_x = km_per_deg_y * math.cos(math.radians(centre.y))
    reach = max((math.hypot((v.x - centre.x) * km_per_deg_x, (v.y - centre.y) * km_per_deg_y)
                 for v in location.village_points), default=0.0)
    radius_km = reach + DISTRICT_MARGIN_KM
    circle = Point(0, 0).buffer(1, quad_segs=16)
    return affinity.affine_transform(
        circle, [radius_km / km_per_deg_x, 0, 0, radius_km / km_per_deg_y, centre.x, centre.y])


def _district_feature(lang: str, basemap: str) -> list[dict]:
    out = []
    for district in plan().core.districts:
        location = district_location(district)
        if location is None:
            continue
        tip = "\n".join([
            f"{field_text(district, 'name', lang)} · "
            f"{pick(lang, '近似位置', 'approximate location')}",
            field_text(district.places[0], "note", lang) if district.places else "",
            label("map_source", lang)
            + citations_text(district.citations, lang, "full", plan().documents),
        ]).strip()
        out.append(geojson.feature(district_area(location),
                                   {"id": f"{LAYER_ID}:district:{district.id}",
                                                    "s": "district", "tip": tip,
                                                    "facts": [district.id]}, basemap))
    return out


def styles() -> dict[str, dict]:
    """Style per key: a dashed brown road line, a filled circle per kind, the district ring."""
    out = {"road-line": {"color": KIND_COLOURS["road"], "weight": 3, "dashArray": "6 4",
                         "opacity": 0.85, "className": "hd-infra hd-infra-road-line"}}
    for kind, colour in KIND_COLOURS.items():
        out[kind] = {"radius": 8, "color": "#ffffff", "weight": 1.5, "fillColor": colour,
                     "fillOpacity": 0.95, "className": f"hd-infra hd-infra-{kind}"}
    out["district"] = {"color": "#ad1457", "weight": 2, "dashArray": "4 4",
                       "fillColor": "#f8bbd0", "fillOpacity": 0.2,
                       "className": "hd-infra hd-infra-district"}
    out["_"] = {"color": "#555"}
    return out


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 基础设施与重点项目 overlay (off at start, like the other busy one)."""
    group = overlay_group(LAYER_ID, title(ctx.lang), show=False)
    drawn, labels = features(ctx.lang, ctx.basemap)
    collection = geojson.collection([*_district_feature(ctx.lang, ctx.basemap), *drawn])
    GeoJsonOverlay(collection, layer_class(LAYER_ID), styles()).add_to(group)
    Labels(labels, "hd-label hd-label-infra").add_to(group)
    return group


def legend_entries(lang: str) -> list[LegendEntry]:
    """A line per kind (schematic) with how many of its projects are located, and 河西新区
    (approximate)."""
    style = styles()
    entries = []
    for kind in PROJECT_KINDS:
        projects = [p for p in plan().projects if p.kind == kind]
        located = [p for p in projects if p.places]
        missing = [field_text(p, "name", lang) for p in projects if not p.places]
        swatch = style["road-line"] if kind == "road" else style[kind]
        note = pick(lang, f"已定位 {len(located)}/{len(projects)} 项",
                    f"{len(located)} of {len(projects)} located")
        method = (label("map_not_located", lang) + label("map_list_separator", lang).join(missing)
                  if missing else "")
        glyph = pick(lang, *KIND_GLYPHS[kind])
        entries.append(LegendEntry(
            LAYER_ID, f"{glyph} {kind_name(kind, lang)}", swatch, "schematic",
            cite([c for p in projects for c in p.citations], lang), (note,), method))
    for district in plan().core.districts:
        entries.append(LegendEntry(
            LAYER_ID, field_text(district, "name", lang), style["district"], "approximate",
            cite(district.citations, lang),
            (pick(lang, f"由{district.zone}各村中心点近似定位",
                  f"placed approximately from the villages of the {district.zone} zone"),)))
    return entries
