"""The map themes as sheet items, drawn from the same data and plan facts as the web map's
overlays (layers/*.py) and styled by the same definitions (geo/symbology.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from geo import datastore
from geo import symbology as sym
from geo.districts import district_area, district_location
from geo.places import locate, village_points
from geo.plan import Plan
from geo.plan.schema import PROJECT_KINDS, PlaceRef
from geo.plan.shades import industry_shades
from geo.project_places import drawn_items
from geo.sheets.content import Item, Label
from geo.sheets.labels import label, pick
from geo.web_geometry import web_frame

THEMES = ("admin_areas", "town_system", "ecology", "industry", "tourism", "infrastructure")
REDLINE_LAYER = "redline"
ECO_POINT_GROUPS = ("五库", "多区")

Drawn = tuple[list[Item], list[Label]]


def data_item(layer_id: str, lang: str, kind: str, style: sym.Style,
              geometries: list[BaseGeometry], key: str | None = None) -> Item:
    """An item of a data layer: title and quality as the served version records them."""
    info = datastore.layer_info(layer_id)
    return Item(key or layer_id, pick(lang, info["title_zh"], info["title_en"]), info["quality"],
                kind, style, geometries, (layer_id,))


def township_shapes() -> dict[str, BaseGeometry]:
    """Township code -> its (approximate) area, as the web map draws it."""
    frame = web_frame("townships")
    return dict(zip(frame["code"].astype(str), frame.geometry, strict=True))


def seat_points() -> dict[str, Point]:
    frame = web_frame("seats")
    return dict(zip(frame["code"].astype(str), frame.geometry, strict=True))


def local_name(row: object, lang: str) -> str:
    return str(row.name_en) if lang == "en" and getattr(row, "name_en", None) else str(row.name)


def admin_areas(lang: str, name_townships_at_seats: bool = True) -> Drawn:
    """County outline, neighbours, townships and seats; names of the townships (at their
    seats) and of the neighbouring counties."""
    county, neighbours = web_frame("county"), web_frame("neighbours")
    townships, seats = web_frame("townships"), web_frame("seats")
    is_county_seat = seats["is_county_seat"].fillna(False).astype(bool)
    seat_item = data_item("seats", lang, "point", sym.SEAT_STYLE,
                          list(seats.geometry[~is_county_seat]))
    items = [
        data_item("neighbours", lang, "line", sym.NEIGHBOUR_STYLE,
                  list(neighbours.geometry.boundary)),
        data_item("townships", lang, "area", sym.TOWNSHIP_STYLE, list(townships.geometry)),
        data_item("county", lang, "line", sym.COUNTY_STYLE, list(county.geometry.boundary)),
        seat_item,
        Item("county_seat", label("county_seat", lang), seat_item.quality, "point",
             sym.COUNTY_SEAT_STYLE, list(seats.geometry[is_county_seat]), ("seats",)),
    ]
    labels = [Label(local_name(row, lang), row.geometry, "neighbour")
              for row in neighbours.itertuples(index=False)]
    if name_townships_at_seats:
        labels += [Label(local_name(row, lang), row.geometry, "township")
                   for row in seats.itertuples(index=False)]
    return items, labels


def town_system(lang: str, plan: Plan) -> Drawn:
    """The core circle, the towns the sub-centres lead, the axes through the seats in the
    plan's order (main axis heavier), the core and the sub-centres. All schematic."""
    areas, seats = township_shapes(), seat_points()
    core = plan.core
    circle = [areas[plan.resolve(p.township).code] for p in core.circle.places]
    led = [areas[plan.resolve(p.township).code] for c in plan.sub_centres for p in c.leads]
    items = [
        Item("core_circle", label("core_circle", lang), "schematic", "area",
             sym.TOWN_SYSTEM_AREA_STYLES["core_circle"], circle),
        Item("led", label("led", lang), "schematic", "area",
             sym.TOWN_SYSTEM_AREA_STYLES["led"], led),
    ]
    for axis in plan.axes:
        line = LineString([seats[plan.resolve(p.township).code] for p in axis.towns])
        title = pick(lang, axis.name, axis.name_en)
        if axis.is_main:
            title += label("main_axis", lang)
        items.append(Item(f"axis:{axis.id}", title, "schematic", "line",
                          sym.AXIS_STYLES["main" if axis.is_main else "_"], [line], ("seats",)))
    items.append(Item("centre_core", pick(lang, core.name, core.name_en), "schematic", "point",
                      sym.CENTRE_STYLES["core"], [seats[plan.resolve(core.seat.township).code]],
                      ("seats",)))
    items.append(Item("centre_sub", label("sub_centres", lang), "schematic", "point",
                      sym.CENTRE_STYLES["_"],
                      [seats[plan.resolve(c.township).code] for c in plan.sub_centres],
                      ("seats",)))
    return items, []


def _placed_shapes(places: Iterable[PlaceRef], points: dict[str, Point],
                   areas: dict[str, BaseGeometry]) -> tuple[list[Point], list[BaseGeometry]]:
    """Where plan places are drawn: village centre points, and the townships of the rest."""
    at_village, in_township = [], []
    for place in places:
        where = locate(place, points)
        if where.point is not None:
            at_village.append(where.point)
        else:
            in_township.append(areas[where.township_code])
    return at_village, in_township


def ecology(lang: str, plan: Plan) -> Drawn:
    """The red line (only when an admin has loaded it), the 湘江, and 五库/多区 at their
    village's centre point or over their township."""
    items = []
    if datastore.has_layer(REDLINE_LAYER):
        items.append(data_item(REDLINE_LAYER, lang, "area", sym.REDLINE_STYLE,
                               list(web_frame(REDLINE_LAYER).geometry)))
    items.append(data_item("xiangjiang", lang, "line", sym.RIVER_STYLE,
                           list(web_frame("xiangjiang").geometry)))
    points, areas = village_points(), township_shapes()
    for group in ECO_POINT_GROUPS:
        at_village, in_township = _placed_shapes(
            (place for f in plan.ecology_features if f.group == group for place in f.places),
            points, areas)
        items.append(Item(f"eco_area:{group}", label("eco_area", lang, group=group),
                          "schematic", "area", sym.ECO_AREA_STYLES[group], in_township,
                          ("townships",)))
        items.append(Item(f"eco_point:{group}", label("eco_point", lang, group=group),
                          "approximate", "point", sym.ECO_POINT_STYLES[group], at_village,
                          ("villages",)))
    return items, []


def industry(lang: str, plan: Plan, industry_id: str | None) -> Drawn:
    """The parks where the plan locates them, and the industry's townships shaded."""
    items = []
    if industry_id:
        areas = township_shapes()
        shades = industry_shades(plan, industry_id)
        for shade in ("centred", "radiating"):
            items.append(Item(f"highlight:{shade}", label(shade, lang), "approximate", "area",
                              sym.HIGHLIGHT_STYLES[shade],
                              [areas[c] for c, s in sorted(shades.items()) if s == shade],
                              ("townships",)))
    points, areas = village_points(), township_shapes()
    at_village, in_township = _placed_shapes(
        (place for park in plan.parks for place in park.places), points, areas)
    items.append(Item("parks_area", label("parks_area", lang), "schematic", "area",
                      sym.PARK_STYLES["_"], in_township, ("townships",)))
    items.append(Item("parks_point", label("parks_point", lang), "schematic", "point",
                      sym.PARK_STYLES["point"], at_village, ("villages",)))
    return items, []


def tourism(lang: str, plan: Plan) -> Drawn:
    """Each route's located stops in the plan's order (village centre, else township seat)."""
    points, seats = village_points(), seat_points()
    items, labels = [], []
    for route in plan.routes:
        stops = []
        for position, stop in enumerate(route.stops, start=1):
            places = plan.stop_places(stop)
            if not places:
                continue
            where = locate(places[0], points)
            point = where.point if where.point is not None else seats[where.township_code]
            stops.append(point)
            labels.append(Label(f"{route.number}-{position}", point, "stop"))
        lines = [LineString(stops)] if len(stops) >= 2 else []
        items.append(Item(f"route:{route.number}",
                          label("route", lang, number=route.number,
                                name=pick(lang, route.name, route.name_en)),
                          "schematic", "line", sym.route_line_style(route.number), lines,
                          ("villages", "seats")))
        items.append(Item(f"route_stops:{route.number}", "", "schematic", "point",
                          sym.route_stop_style(route.number), stops,
                          part_of=f"route:{route.number}"))
    return items, labels


def infrastructure(lang: str, plan: Plan) -> Drawn:
    """Roads through their towns, a symbol per kind and place with the kind's glyph (all
    schematic, placed by geo/project_places.py as on the web map) and 河西新区's circle
    (approximate)."""
    items, labels = [], []
    shapes = drawn_items()
    for kind in PROJECT_KINDS:
        title = f"{pick(lang, *sym.PROJECT_GLYPHS[kind])} {pick(lang, *PROJECT_KINDS[kind])}"
        points = [item.geometry for item in shapes if item.kind == kind]
        symbols = Item(f"infra:{kind}", title, "schematic", "point",
                       sym.INFRASTRUCTURE_STYLES[kind], points, ("villages", "seats"))
        if kind == "road":
            items.append(Item("infra:road", title, "schematic", "line",
                              sym.INFRASTRUCTURE_STYLES["road-line"],
                              [item.geometry for item in shapes if item.kind == "road-line"],
                              ("villages", "seats")))
            symbols = replace(symbols, key="infra:road-symbols", title="", part_of="infra:road")
        items.append(symbols)
        labels += [Label(pick(lang, *sym.PROJECT_GLYPHS[kind]), point, "glyph", symbols.key)
                   for point in points]
    for district in plan.core.districts:
        location = district_location(district)
        items.append(Item(f"infra:district:{district.id}", pick(lang, district.name,
                                                                 district.name_en),
                          "approximate", "area", sym.INFRASTRUCTURE_STYLES["district"],
                          [district_area(location)] if location else [], ("villages",)))
    return items, labels


def theme_items(theme: str, lang: str, plan: Plan, industry_id: str | None = None,
                name_townships_at_seats: bool = True) -> Drawn:
    """The items and labels of one theme; ValueError names an unknown theme."""
    if theme == "admin_areas":
        return admin_areas(lang, name_townships_at_seats)
    if theme == "town_system":
        return town_system(lang, plan)
    if theme == "ecology":
        return ecology(lang, plan)
    if theme == "industry":
        return industry(lang, plan, industry_id)
    if theme == "tourism":
        return tourism(lang, plan)
    if theme == "infrastructure":
        return infrastructure(lang, plan)
    raise ValueError(f"unknown overlay {theme!r}; one of {', '.join(THEMES)}")
