"""生态空间 三水五库多区 and the ecological red line, each drawn only as precisely as the data
locates it: the real 湘江 line; 五库/多区 at their village's centre point or over their township;
the red line only when an admin has imported the official polygons (no open data has them)."""

import folium

from geo import datastore, web_tiles
from geo.basemaps import is_gcj02
from geo.labels import field_text, label, pick
from geo.plan.current import plan
from geo.plan.schema import EcoFeature
from geo.symbology import ECO_AREA_STYLES as AREA_STYLES
from geo.symbology import ECO_POINT_STYLES as FEATURE_STYLES
from geo.symbology import REDLINE_STYLE, RIVER_STYLE
from geo.web_geometry import web_frame
from layers import geojson
from layers.elements import GeoJsonOverlay, TiledOverlay, TownshipShapes, layer_class
from layers.identify import REDLINE_PREFIX, area_id, redline_id, river_id
from layers.places import Location, locate, point_feature, village_points
from layers.theme import (
    LegendEntry,
    MapContext,
    cite,
    data_layer_entry,
    overlay_group,
)

LAYER_ID = "ecology"
DATA_LAYERS = ("xiangjiang", "villages")
REDLINE_LAYER = "redline"  # admin-importable (geo/store/rules.py)
POINT_GROUPS = ("五库", "多区")  # the 三水 rivers are lines: only the 湘江 has one

GROUP_TITLES = {"三水": ("三水", "Three waters"), "五库": ("五库", "Five reservoirs"),
                "多区": ("多区", "Protected areas")}


def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return label("map_ecological_space", lang)


def _features(group: str) -> list[EcoFeature]:
    return [feature for feature in plan().ecology_features if feature.group == group]


def _tooltip(feature: EcoFeature, where: Location, lang: str) -> str:
    name = f"{field_text(feature, 'name', lang)} ({field_text(feature, 'kind', lang)})"
    if where.village:
        return name + label("map_at_village_centre", lang, village=where.village)
    return name + label("map_eco_in_township", lang, township=where.township_name)


def _located(lang: str, basemap: str) -> tuple[dict, list[tuple[str, str, str]], list[str]]:
    """Village points (a FeatureCollection), township rows of the 五库/多区 features and the
    rows' feature ids."""
    points = village_points()
    features, rows, ids = [], [], []
    for group in POINT_GROUPS:
        for feature in _features(group):
            for place in feature.places:
                where = locate(place, points)
                tip = _tooltip(feature, where, lang)
                if where.point is not None:
                    features.append(point_feature(where, {"id": feature.id, "s": group,
                                                          "tip": tip}, basemap))
                else:
                    rows.append((where.township_code, group, tip))
                    ids.append(area_id(feature.id, where.township_code))
    return geojson.collection(features), rows, ids


def _river(lang: str, basemap: str) -> dict:
    facts = next((f for f in _features("三水") if f.name == "湘江"), None)
    summary = f" — {field_text(facts, 'summary', lang)}" if facts and facts.summary else ""
    return geojson.from_frame(
        web_frame("xiangjiang"),
        lambda row: {"id": river_id(str(row.name)),
                     "tip": (row.name if lang == "zh" else row.name_en) + summary},
        basemap,
    )


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 生态空间 overlay."""
    css = layer_class(LAYER_ID)
    group = overlay_group(LAYER_ID, title(ctx.lang))
    points, rows, ids = _located(ctx.lang, ctx.basemap)
    if datastore.has_layer(REDLINE_LAYER):
        _redline(ctx, css).add_to(group)
    TownshipShapes(rows, css, AREA_STYLES, ids=ids).add_to(group)
    GeoJsonOverlay(_river(ctx.lang, ctx.basemap), css, {"_": RIVER_STYLE}).add_to(group)
    GeoJsonOverlay(points, css, FEATURE_STYLES).add_to(group)
    return group


def _redline(ctx: MapContext, css: str) -> GeoJsonOverlay | TiledOverlay:
    """The imported red line: inside the map resource, or as tiles when it is large."""
    tip = title_of_redline(ctx.lang)
    if web_tiles.is_large(datastore.load_layer(REDLINE_LAYER)):
        tiles = web_tiles.tile_set(REDLINE_LAYER, is_gcj02(ctx.basemap))
        return TiledOverlay(tiles, css, REDLINE_STYLE, REDLINE_PREFIX, tip)
    redline = geojson.from_frame(web_frame(REDLINE_LAYER), lambda _row: {"tip": tip},
                                 ctx.basemap)
    for index, feature in enumerate(redline["features"]):
        feature["properties"]["id"] = redline_id(index)
    return GeoJsonOverlay(redline, css, {"_": REDLINE_STYLE})


def title_of_redline(lang: str) -> str:
    """The red line's name in the map's language."""
    redline = plan().redline
    return field_text(redline, "name", lang) if redline else label("report.legend_redline", lang)


def _unlocated(features: list, lang: str) -> tuple[str, ...]:
    names = label("map_list_separator", lang).join(
        field_text(f, "name", lang) for f in features if not f.places)
    return (label("map_eco_not_located", lang, names=names),) if names else ()


def _redline_entry(lang: str) -> LegendEntry:
    redline = plan().redline
    source = cite(redline.citations, lang) if redline else ""
    if datastore.has_layer(REDLINE_LAYER):
        return data_layer_entry(LAYER_ID, REDLINE_LAYER, REDLINE_STYLE, lang)
    figures = (
        label("map_redline_figures", lang, km2=redline.total_km2, share=redline.share_pct),
    ) if redline else ()
    missing = label("map_redline_no_polygons", lang)
    return LegendEntry(LAYER_ID, title_of_redline(lang), {**REDLINE_STYLE, "fill": False},
                       "schematic", source, (*figures, missing))


def legend_entries(lang: str) -> list[LegendEntry]:
    """Legend lines: the 湘江 (manifest quality), 五库/多区 (village points approximate,
    township areas schematic), unlocated features named, and the red line's status."""
    entries = [data_layer_entry(LAYER_ID, "xiangjiang", RIVER_STYLE, lang,
                                _unlocated(_features("三水"), lang))]
    point_note = label("map_eco_point_note", lang)
    for group in POINT_GROUPS:
        features = _features(group)
        zh, en = GROUP_TITLES[group]
        entries.append(LegendEntry(
            LAYER_ID, pick(lang, zh, en), FEATURE_STYLES[group], "approximate",
            cite([c for f in features for c in f.citations], lang),
            (point_note, *_unlocated(features, lang)),
        ))
    entries.append(_redline_entry(lang))
    return entries
