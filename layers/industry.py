"""乡镇产业: the three industrial parks where the plan locates them (overlay), and the highlight of
the townships assigned to one industry (a separate feature group, so picking an industry does
not rebuild the map; it reuses the township polygons already in the browser)."""

from functools import lru_cache

import folium

from geo.plan.schema import MODE_LABELS
from layers import geojson
from layers.assets import localize_assets
from layers.elements import GeoJsonOverlay, TownshipShapes, layer_class, stable_ids
from layers.identify import area_id, highlight_id
from layers.places import locate, point_feature, village_points
from layers.plan_data import plan, stamp
from layers.theme import LegendEntry, MapContext, cite, overlay_group, pick, text

LAYER_ID = "industry"
DATA_LAYERS: tuple[str, ...] = ()

# How a township is tied to an industry -> how it is shaded. A township tied in several ways
# gets the strongest: the plan naming it a focus (centred, or a sub-centre function) wins.
SHADE_OF_MODE = {
    "centred": "centred",
    "sub_centre": "centred",
    "radiating": "radiating",
    "driven": "radiating",
    "along_axis": "radiating",
}
HIGHLIGHT_STYLES = {
    "centred": {"color": "#e65100", "weight": 2.5, "fillColor": "#ff9800", "fillOpacity": 0.55,
                "className": "hd-highlight-centred"},
    "radiating": {"color": "#f9a825", "weight": 2, "dashArray": "5 4", "fillColor": "#fff176",
                  "fillOpacity": 0.45, "className": "hd-highlight-radiating"},
}
HIGHLIGHT_CLASS = "hd-highlight"
PARK_STYLES = {
    "_": {"color": "#4e342e", "weight": 3, "dashArray": "8 4", "fillColor": "#8d6e63",
          "fillOpacity": 0.15, "className": "hd-park"},
    "point": {"radius": 8, "color": "#4e342e", "weight": 2, "fillColor": "#a1887f",
              "fillOpacity": 0.9, "className": "hd-park"},
}


def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return pick(lang, "乡镇产业", "Township industries")


def industry_ids() -> list[str]:
    """Every industry in the plan data, in its order."""
    return [industry.id for industry in plan().industries]


def assigned_townships(industry_id: str) -> dict[str, str]:
    """Township code -> "centred" or "radiating" for every township the industry is put in."""
    entry = next((e for e in plan().industry_index() if e.id == industry_id), None)
    if entry is None:
        raise KeyError(f"no industry {industry_id!r} in data/plan/industries.yaml")
    shades: dict[str, str] = {}
    for place in entry.townships:
        shade = SHADE_OF_MODE[place.mode]
        if shades.get(place.code) != "centred":
            shades[place.code] = shade
    return shades


@lru_cache(maxsize=256)
def _highlight_rows(
    industry_id: str, lang: str, plan_stamp: tuple[tuple[str, int], ...]
) -> tuple[tuple[str, str, str], ...]:
    """(code, shade, tooltip) per highlighted township; cached per plan version (a re-run
    that picks an industry costs a dictionary lookup)."""
    del plan_stamp  # only the cache key
    shades = assigned_townships(industry_id)  # KeyError naming an unknown industry
    facts = plan()
    industry = facts.industry(industry_id)
    entry = next(e for e in facts.industry_index() if e.id == industry_id)
    modes: dict[str, list[str]] = {}
    for place in entry.townships:
        zh, en = MODE_LABELS[place.mode]
        modes.setdefault(place.code, []).append(pick(lang, zh, en))
    rows = []
    for code, shade in shades.items():
        township = facts.resolve(code)
        how = "、".join(dict.fromkeys(modes[code]))
        rows.append((code, shade, f"{text(industry, 'name', lang)} · "
                                  f"{text(township, 'name', lang)}: {how}"))
    return tuple(rows)


def highlight_group(industry: str | None, lang: str, basemap: str) -> folium.FeatureGroup:
    """Shaded copies of exactly the townships assigned to `industry` (none for None), for
    st_folium(feature_group_to_add=...). While the group is on the map the copies sit in the
    乡镇产业 overlay, so its checkbox shows and hides them. basemap needs no shift: the copies
    follow the drawn township polygons."""
    del basemap
    group = folium.FeatureGroup(name="industry-highlight", control=False)
    if industry:
        rows = list(_highlight_rows(industry, lang, stamp()))
        TownshipShapes(rows, HIGHLIGHT_CLASS, HIGHLIGHT_STYLES, into=LAYER_ID,
                       ids=[highlight_id(industry, code) for code, _, _ in rows]).add_to(group)
    localize_assets(group)
    stable_ids(group, "hl")
    return group


def _parks(lang: str, basemap: str) -> tuple[dict, list[tuple[str, str, str]], list[str]]:
    points = village_points()
    features, rows, ids = [], [], []
    for park in plan().parks:
        for place in park.places:
            where = locate(place, points)
            name = text(park, "name", lang)
            if where.point is not None:
                tip = name + pick(lang, f"：按{where.village}中心点示意",
                                  f": shown at the centre of {where.village} village")
                features.append(point_feature(where, {"id": park.id, "s": "point", "tip": tip},
                                              basemap))
            else:
                tip = name + pick(lang, f"：位于{where.township_name}，园区范围规划未给出",
                                  f": in {where.township_name}; the plan gives no boundary")
                rows.append((where.township_code, "_", tip))
                ids.append(area_id(park.id, where.township_code))
    return geojson.collection(features), rows, ids


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 乡镇产业 overlay: the parks the plan locates (the highlight is a separate group)."""
    css = layer_class(LAYER_ID)
    group = overlay_group(LAYER_ID, title(ctx.lang))
    points, rows, ids = _parks(ctx.lang, ctx.basemap)
    TownshipShapes(rows, css, PARK_STYLES, ids=ids).add_to(group)
    GeoJsonOverlay(points, css, PARK_STYLES).add_to(group)
    return group


def legend_entries(lang: str) -> list[LegendEntry]:
    """Legend lines: the two highlight shades and the parks (unlocated ones named)."""
    facts = plan()
    citations = [c for i in facts.industries for a in i.assignments for c in a.citations]
    unlocated = "、".join(text(p, "name", lang) for p in facts.parks if not p.places)
    park_notes = (pick(lang, "仅知所在乡镇，虚线为该乡镇范围", "only the township is known: "
                       "the dashed outline is that township"),)
    if unlocated:
        park_notes += (pick(lang, f"未定位：{unlocated}", f"Not located: {unlocated}"),)
    on_pick = pick(lang, "在侧栏选择产业后显示", "shown after picking an industry")
    return [
        LegendEntry(LAYER_ID, pick(lang, "重点乡镇（重点/副中心）", "Centred (focus / sub-centre)"),
                    HIGHLIGHT_STYLES["centred"], "approximate", cite(citations), (on_pick,)),
        LegendEntry(LAYER_ID, pick(lang, "辐射/带动/沿轴乡镇", "Radiating / driven / on an axis"),
                    HIGHLIGHT_STYLES["radiating"], "approximate", cite(citations)),
        LegendEntry(LAYER_ID, pick(lang, "产业园区", "Industrial parks"), PARK_STYLES["_"],
                    "schematic", cite([c for p in facts.parks for c in p.citations]), park_notes),
    ]
