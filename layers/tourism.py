"""旅游线路 (专栏6-2): each route's stops in the plan's order, joined where they can be located.

A stop is placed at its village's centre point when the plan data names the village, else at
its township's seat (schematic); stops with no place in the plan data are listed, not drawn.
"""

from dataclasses import dataclass

import folium
from shapely.geometry import LineString, Point

from geo.labels import field_text, label
from geo.plan.current import plan
from geo.plan.schema import PlaceRef, Route, RouteStop
from geo.symbology import route_line_style, route_stop_style
from geo.web_geometry import web_frame
from layers import geojson
from layers.elements import GeoJsonOverlay, Labels, layer_class
from layers.identify import stop_id
from layers.places import locate, village_points
from layers.theme import LegendEntry, MapContext, cite, overlay_group

LAYER_ID = "tourism"
DATA_LAYERS = ("villages", "seats")


@dataclass(frozen=True)
class PlacedStop:
    """A located stop: its position in the route, name, point and how it was placed."""

    position: int
    name: str
    point: Point
    at_village: str | None  # the village whose centre it sits at; None: the township seat


def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return label("col_routes", lang)


def _stop_places(stop: RouteStop) -> list[PlaceRef]:
    if stop.places:
        return stop.places
    site = next((s for s in plan().sites if s.id == stop.site), None) if stop.site else None
    return site.places if site else []


def placed_stops(route: Route, lang: str) -> tuple[list[PlacedStop], list[str]]:
    """The route's located stops in order, and the names of those that cannot be located."""
    villages = village_points()
    seats = web_frame("seats")
    seat_points = dict(zip(seats["code"].astype(str), seats.geometry, strict=True))
    placed, missing = [], []
    for position, stop in enumerate(route.stops, start=1):
        places = _stop_places(stop)
        name = field_text(stop, "name", lang)
        if not places:
            missing.append(name)
            continue
        where = locate(places[0], villages)
        point = where.point if where.point is not None else seat_points[where.township_code]
        placed.append(PlacedStop(position, name, point, where.village))
    return placed, missing


def _route_features(route: Route, lang: str, basemap: str) -> tuple[list[dict], list]:
    placed, missing = placed_stops(route, lang)
    route_name = f"{route.number} {field_text(route, 'name', lang)}"
    features, labels = [], []
    if len(placed) >= 2:
        order = " → ".join(stop.name for stop in placed)
        tip = f"{route_name}: {order}"
        if missing:
            tip += label("map_route_not_located", lang,
                         names=label("map_item_separator", lang).join(missing))
        features.append(geojson.feature(
            LineString([stop.point for stop in placed]),
            {"id": route.id, "s": f"line{route.number}", "tip": tip},
            basemap,
        ))
    for stop in placed:
        how = (label("map_stop_at_village", lang, village=stop.at_village)
               if stop.at_village else label("map_schematic_township_seat", lang))
        stop_at = label("map_route_stop", lang, position=stop.position, count=len(route.stops))
        tip = f"{route_name} · {stop_at}: {stop.name} ({how})"
        features.append(geojson.feature(
            stop.point, {"id": stop_id(route.id, stop.position), "s": f"stop{route.number}",
                         "tip": tip}, basemap))
        labels.append((*geojson.display_latlon(stop.point.y, stop.point.x, basemap),
                       f"{route.number}-{stop.position}"))
    return features, labels


def _styles() -> dict[str, dict]:
    styles = {}
    for route in plan().routes:
        styles[f"line{route.number}"] = route_line_style(route.number)
        styles[f"stop{route.number}"] = route_stop_style(route.number)
    styles["_"] = {"color": "#555"}
    return styles


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 旅游线路 overlay (off at start: it is busy)."""
    css = layer_class(LAYER_ID)
    group = overlay_group(LAYER_ID, title(ctx.lang), show=False)
    features, labels = [], []
    for route in plan().routes:
        route_features, route_labels = _route_features(route, ctx.lang, ctx.basemap)
        features += route_features
        labels += route_labels
    # lines first, then stops on top
    features.sort(key=lambda f: f["geometry"]["type"] != "LineString")
    GeoJsonOverlay(geojson.collection(features), css, _styles()).add_to(group)
    Labels(labels, "hd-label hd-label-stop").add_to(group)
    return group


def legend_entries(lang: str) -> list[LegendEntry]:
    """A line per route: schematic, with how many of its stops are located."""
    entries = []
    styles = _styles()
    for route in plan().routes:
        placed, missing = placed_stops(route, lang)
        located = label("map_stops_located", lang, placed=len(placed), total=len(route.stops))
        unlocated = (label("map_not_located", lang)
                     + label("map_list_separator", lang).join(missing)) if missing else ""
        entries.append(LegendEntry(
            LAYER_ID, f"{route.number} {field_text(route, 'name', lang)}",
            styles[f"line{route.number}"],
            "schematic", cite(route.citations, lang), (located,), unlocated,
        ))
    return entries
