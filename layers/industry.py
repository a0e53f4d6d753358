"""乡镇产业: the three industrial parks where the plan locates them (overlay), and the highlight of
the townships assigned to one industry (a table sent with the map: picking an industry sends
only its id, and the browser shades copies of the township polygons it already has)."""

from typing import Any

import folium

from geo.data_version import per_version, plan_version
from geo.labels import field_text, label, pick
from geo.plan.current import plan
from geo.plan.schema import MODE_LABELS
from geo.plan.shades import industry_shades
from geo.symbology import HIGHLIGHT_STYLES, PARK_STYLES
from layers import geojson
from layers.elements import BrowserTable, GeoJsonOverlay, TownshipShapes, layer_class
from layers.identify import area_id
from layers.places import locate, point_feature, village_points
from layers.theme import LegendEntry, MapContext, cite, overlay_group

LAYER_ID = "industry"
DATA_LAYERS: tuple[str, ...] = ()

HIGHLIGHT_CLASS = "hd-highlight"



def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return label("map_township_industries", lang)


def industry_ids() -> list[str]:
    """Every industry in the plan data, in its order."""
    return [industry.id for industry in plan().industries]


def assigned_townships(industry_id: str) -> dict[str, str]:
    """Township code -> "centred" or "radiating" for every township the industry is put in."""
    return industry_shades(plan(), industry_id)


@per_version(lambda _lang: plan_version())
def highlight_table(lang: str) -> dict[str, Any]:
    """What the browser needs to shade the townships of any industry (HD.tables
    .industry_highlight, sent once with the map; static/map/hd-map.js draws the shades for the
    state's `industry`): per industry its name and rows [township index into "codes", shade
    index, mode label indexes...]. Cached per plan version."""
    facts = plan()
    shades = ["centred", "radiating"]
    modes = list(dict.fromkeys(pick(lang, zh, en) for zh, en in MODE_LABELS.values()))
    entries = {e.id: e for e in facts.industry_index()}
    codes = sorted({place.code for entry in entries.values() for place in entry.townships})
    industries = {}
    for industry_id in industry_ids():
        how: dict[str, list[int]] = {}
        for place in entries[industry_id].townships:
            label = modes.index(pick(lang, *MODE_LABELS[place.mode]))
            how.setdefault(place.code, [])
            if label not in how[place.code]:
                how[place.code].append(label)
        rows = [[codes.index(code), shades.index(shade), *how[code]]
                for code, shade in assigned_townships(industry_id).items()]
        industries[industry_id] = [field_text(facts.industry(industry_id), "name", lang), rows]
    return {"className": HIGHLIGHT_CLASS, "styles": HIGHLIGHT_STYLES, "interactive": True,
            "into": LAYER_ID, "codes": codes, "shades": shades, "modes": modes,
            "industries": industries}


def _parks(lang: str, basemap: str) -> tuple[dict, list[tuple[str, str, str]], list[str]]:
    points = village_points()
    features, rows, ids = [], [], []
    for park in plan().parks:
        for place in park.places:
            where = locate(place, points)
            name = field_text(park, "name", lang)
            if where.point is not None:
                tip = name + label("map_at_village_centre", lang, village=where.village)
                features.append(point_feature(where, {"id": park.id, "s": "point", "tip": tip},
                                              basemap))
            else:
                tip = name + label("map_park_in_township", lang, township=where.township_name)
                rows.append((where.township_code, "_", tip))
                ids.append(area_id(park.id, where.township_code))
    return geojson.collection(features), rows, ids


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 乡镇产业 overlay: the parks the plan locates, and the highlight table."""
    css = layer_class(LAYER_ID)
    group = overlay_group(LAYER_ID, title(ctx.lang))
    points, rows, ids = _parks(ctx.lang, ctx.basemap)
    TownshipShapes(rows, css, PARK_STYLES, ids=ids).add_to(group)
    GeoJsonOverlay(points, css, PARK_STYLES).add_to(group)
    BrowserTable("industry_highlight", highlight_table(ctx.lang)).add_to(group)
    return group


def legend_entries(lang: str) -> list[LegendEntry]:
    """Legend lines: the two highlight shades and the parks (unlocated ones named)."""
    facts = plan()
    citations = [c for i in facts.industries for a in i.assignments for c in a.citations]
    unlocated = label("map_list_separator", lang).join(
        field_text(p, "name", lang) for p in facts.parks if not p.places)
    park_notes = (label("map_park_township_only", lang),)
    if unlocated:
        park_notes += (label("map_park_not_located", lang, names=unlocated),)
    on_pick = label("map_shown_after_picking_an", lang)
    return [
        LegendEntry(LAYER_ID, label("sheet.centred", lang),
                    HIGHLIGHT_STYLES["centred"], "approximate", cite(citations, lang), (on_pick,)),
        LegendEntry(LAYER_ID, label("sheet.radiating", lang),
                    HIGHLIGHT_STYLES["radiating"], "approximate", cite(citations, lang)),
        LegendEntry(LAYER_ID, label("parks", lang), PARK_STYLES["_"],
                    "schematic", cite([c for p in facts.parks for c in p.citations], lang),
                    park_notes),
    ]
