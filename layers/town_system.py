"""城镇体系 一核两副三轴: the core circle, the two sub-centres with the townships they lead and
the three axes through the towns in the plan's order (the G4 main axis heavier). Schematic."""

import folium
from shapely.geometry import LineString

from geo.labels import field_text, label
from geo.plan.current import plan
from geo.symbology import AXIS_STYLES, CENTRE_STYLES
from geo.symbology import TOWN_SYSTEM_AREA_STYLES as AREA_STYLES
from geo.web_geometry import web_frame
from layers import geojson
from layers.elements import GeoJsonOverlay, TownshipShapes, layer_class
from layers.identify import centre_id, circle_id, led_id
from layers.theme import LegendEntry, MapContext, cite, overlay_group

LAYER_ID = "town_system"
DATA_LAYERS = ("seats",)



def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return label("map_town_system_one_core", lang)


def _seat_points() -> dict[str, object]:
    seats = web_frame("seats")
    return dict(zip(seats["code"].astype(str), seats.geometry, strict=True))


def _areas(lang: str) -> list[tuple[str, str, str]]:
    facts = plan()
    core = facts.core
    rows = [
        (facts.resolve(place.township).code, "core_circle",
         f"{field_text(core, 'name', lang)}: {field_text(core.circle, 'note', lang)}")
        for place in core.circle.places
    ]
    for centre in facts.sub_centres:
        centre_name = field_text(facts.resolve(centre.township), "name", lang)
        led = label("map_led_by_sub_centre", lang, centre=centre_name)
        rows += [(facts.resolve(place.township).code, "led", led) for place in centre.leads]
    return rows


def _axes(lang: str, basemap: str) -> dict:
    facts, seats = plan(), _seat_points()
    features = []
    for axis in facts.axes:
        towns = [facts.resolve(place.township) for place in axis.towns]
        order = " → ".join(field_text(town, "name", lang) for town in towns)
        tip = f"{field_text(axis, 'name', lang)} · {field_text(axis, 'role', lang)}: {order}"
        line = LineString([seats[town.code] for town in towns])
        features.append(geojson.feature(
            line, {"id": axis.id, "s": "main" if axis.is_main else "_", "tip": tip}, basemap
        ))
    return geojson.collection(features)


def _centres(lang: str, basemap: str) -> dict:
    facts, seats = plan(), _seat_points()
    core = facts.core
    core_code = facts.resolve(core.seat.township).code
    features = [geojson.feature(
        seats[core_code],
        {"id": centre_id(core.id), "code": core_code, "s": "core",
         "tip": f"{field_text(core, 'name', lang)} — {field_text(core, 'summary', lang)}"},
        basemap,
    )]
    for centre in facts.sub_centres:
        code = facts.resolve(centre.township).code
        functions = "; ".join(field_text(function, "name", lang) for function in centre.functions)
        features.append(geojson.feature(
            seats[code], {"id": centre_id(centre.id), "code": code, "s": "_",
                          "tip": f"{field_text(centre, 'name', lang)}: {functions}"}, basemap,
        ))
    return geojson.collection(features)


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 城镇体系 overlay."""
    css = layer_class(LAYER_ID)
    group = overlay_group(LAYER_ID, title(ctx.lang))
    areas = _areas(ctx.lang)
    ids = [circle_id(code) if style == "core_circle" else led_id(code) for code, style, _ in areas]
    TownshipShapes(areas, css, AREA_STYLES, ids=ids).add_to(group)
    GeoJsonOverlay(_axes(ctx.lang, ctx.basemap), css, AXIS_STYLES).add_to(group)
    GeoJsonOverlay(_centres(ctx.lang, ctx.basemap), css, CENTRE_STYLES).add_to(group)
    return group


def legend_entries(lang: str) -> list[LegendEntry]:
    """Legend lines: all schematic (plan roles drawn on the derived township areas and seats)."""
    facts = plan()
    main = facts.main_axis
    others = [axis for axis in facts.axes if not axis.is_main]
    open_list = label("map_open_list_the_plan", lang)
    in_order = label("placement_seats_in_order", lang)

    def entry(title_: str, swatch: dict, citations: list, notes: tuple[str, ...] = ()):
        return LegendEntry(LAYER_ID, title_, swatch, "schematic", cite(citations, lang), notes)

    return [
        entry(field_text(facts.core, "name", lang), CENTRE_STYLES["core"],
              facts.core.seat_citations),
        entry(label("sheet.core_circle", lang), AREA_STYLES["core_circle"],
              facts.core.citations, (open_list,) if facts.core.circle.open_list else ()),
        entry(label("map_sub_centres_and_the", lang),
              AREA_STYLES["led"], facts.sub_centres[0].citations),
        entry(f"{field_text(main, 'name', lang)} ({label('map_axis_main', lang)})",
              AXIS_STYLES["main"], main.citations, (in_order,)),
        *[entry(field_text(axis, "name", lang), AXIS_STYLES["_"], axis.citations,
                (open_list,) if axis.open_list else ()) for axis in others],
    ]
