"""行政区划: the county outline, the neighbouring counties' borders and names, the 17 townships
and their seats."""

import folium
import geopandas as gpd
import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from geo.labels import kind_word, label
from geo.symbology import (
    COUNTY_SEAT_STYLE,
    COUNTY_STYLE,
    NEIGHBOUR_STYLE,
    SEAT_STYLE,
    TOWNSHIP_STYLE,
)
from geo.web_geometry import townships_tile_county, web_frame
from layers import geojson
from layers.elements import GeoJsonOverlay, Labels, TownshipOutline, layer_class
from layers.identify import seat_id, township_id
from layers.theme import (
    LegendEntry,
    MapContext,
    data_layer_entry,
    local_name,
    overlay_group,
)

LAYER_ID = "admin_areas"
DATA_LAYERS = ("county", "neighbours", "townships", "seats")
TOWNSHIP_CLASS = "hd-township"
TOWNSHIP_REGISTRY = "townships"  # HD.townships in static/map/hd-map.js

# Neighbours are context: their borders with each other are drawn within this margin (degrees)
# around the county; the part shared with 衡东县 is the county outline itself.
NEIGHBOUR_MARGIN_DEG = 0.25
SHARED_EDGE_DEG = 1e-5  # about 1 m
CONTEXT_TOLERANCE_DEG = 4e-4  # about 40 m: context lines, under a pixel at county zoom



def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return label("map_administrative_areas", lang)


def township_tooltip(row: object, lang: str) -> str:
    """Name, kind and statistics code of a township (the code also identifies it in tests)."""
    kind = kind_word(row.kind, lang)
    if lang == "zh":
        return f"{row.name}（{kind}）{row.code}"
    return f"{local_name(row, lang)} ({kind}) {row.name} · {row.code}"


def township_properties(row: object, lang: str) -> dict[str, str]:
    """What the browser gets per township polygon."""
    return {
        "id": township_id(str(row.code)),
        "code": str(row.code),
        "name": str(row.name),
        "name_en": str(row.name_en),
        "kind": str(row.kind),
        "tip": township_tooltip(row, lang),
    }


def _surroundings(county: BaseGeometry) -> Polygon:
    """The box around the county in which the neighbours are drawn."""
    west, south, east, north = county.bounds
    margin = NEIGHBOUR_MARGIN_DEG
    return box(west - margin, south - margin, east + margin, north + margin)


def _neighbour_borders(
    neighbours: gpd.GeoDataFrame, county: gpd.GeoDataFrame, surroundings: Polygon
) -> BaseGeometry:
    """The borders between the neighbouring counties near 衡东县, each line once; their
    borders with 衡东县 are the county outline, drawn by its own layer."""
    borders = shapely.union_all(neighbours.geometry.boundary.values).intersection(surroundings)
    outside = borders.difference(county.geometry.union_all().buffer(SHARED_EDGE_DEG))
    return shapely.line_merge(outside).simplify(CONTEXT_TOLERANCE_DEG)


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 行政区划 overlay; its township polygons are registered for the other themes to reuse."""
    lang, basemap = ctx.lang, ctx.basemap
    css = layer_class(LAYER_ID)
    group = overlay_group(LAYER_ID, title(lang))

    county = web_frame("county")
    surroundings = _surroundings(county.geometry.union_all())
    neighbours = web_frame("neighbours")
    GeoJsonOverlay(
        geojson.collection([geojson.feature(_neighbour_borders(neighbours, county, surroundings),
                                            {}, basemap)]),
        css, {"_": NEIGHBOUR_STYLE}, interactive=False,
    ).add_to(group)
    townships = web_frame("townships").sort_values("code")
    GeoJsonOverlay(
        geojson.from_frame(townships, lambda row: township_properties(row, lang), basemap),
        css, {"_": TOWNSHIP_STYLE}, register=TOWNSHIP_REGISTRY,
    ).add_to(group)
    if townships_tile_county(townships.geometry.values, county.geometry.values):
        TownshipOutline(css, COUNTY_STYLE).add_to(group)  # the same edge: not sent twice
    else:  # e.g. an imported township layer that does not fill the county
        GeoJsonOverlay(
            geojson.from_frame(county, lambda row: {"code": str(row.code)}, basemap),
            css, {"_": COUNTY_STYLE}, interactive=False,
        ).add_to(group)

    seats = web_frame("seats").sort_values("code")
    GeoJsonOverlay(
        geojson.from_frame(
            seats,
            lambda row: {
                "id": seat_id(str(row.code)),
                "code": str(row.code),
                "s": "county_seat" if row.is_county_seat else "_",
                "tip": local_name(row, lang) + label("map_seat", lang),
            },
            basemap,
        ),
        css, {"_": SEAT_STYLE, "county_seat": COUNTY_SEAT_STYLE},
    ).add_to(group)

    Labels(
        [
            (*geojson.display_latlon(row.geometry.y, row.geometry.x, basemap),
             local_name(row, lang))
            for row in seats.itertuples(index=False)
        ],
        "hd-label hd-label-township",
    ).add_to(group)
    Labels(
        [
            (*geojson.display_latlon(point.y, point.x, basemap), local_name(row, lang))
            for row, point in zip(
                neighbours.itertuples(index=False),
                neighbours.geometry.intersection(surroundings).representative_point(),
                strict=True,
            )
        ],
        "hd-label hd-label-neighbour",
    ).add_to(group)
    return group


def legend_entries(lang: str) -> list[LegendEntry]:
    """Legend lines of the theme, with the quality recorded in the data manifest."""
    swatches = (COUNTY_STYLE, NEIGHBOUR_STYLE, TOWNSHIP_STYLE, SEAT_STYLE)
    return [data_layer_entry(LAYER_ID, layer_id, swatch, lang)
            for layer_id, swatch in zip(DATA_LAYERS, swatches, strict=True)]
