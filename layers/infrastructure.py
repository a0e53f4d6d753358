"""基础设施与重点项目: the plan's roads, water, energy, logistics, trade, urban and school
projects, drawn schematically (示意) where geo/project_places.py places them (the rule the
printed sheets use too): a road through its towns as a dashed line, every other located
project as a symbol of its kind. Projects the texts do not locate are listed in the legend,
not drawn.
"""

import folium

from geo.districts import district_area, district_location
from geo.labels import field_text, label, pick
from geo.plan.citations import citations_text
from geo.plan.current import plan
from geo.plan.schema import PROJECT_KINDS, Project
from geo.project_places import LAYER_ID, drawn_items, unlocated
from geo.symbology import INFRASTRUCTURE_STYLES as STYLES
from geo.symbology import PROJECT_GLYPHS
from layers import geojson
from layers.elements import GeoJsonOverlay, Labels, layer_class
from layers.theme import LegendEntry, MapContext, cite, overlay_group

DATA_LAYERS = ("villages", "seats")


def title(lang: str) -> str:
    """The theme's name in the layer control and legend."""
    return label("projects", lang)


def kind_name(kind: str, lang: str) -> str:
    zh, en = PROJECT_KINDS[kind]
    return pick(lang, zh, en)


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


def features(lang: str, basemap: str) -> tuple[list[dict], list[tuple[float, float, str]]]:
    """Road lines first, then one symbol per (place, kind) with every fact there in its tip;
    and the glyph labels of the symbols."""
    lines, points, labels = [], [], []
    for item in drawn_items():
        if item.kind == "road-line":
            project = item.projects[0]
            tip = "\n".join([
                f"{kind_name('road', lang)} · {label('map_schematic_link', lang)}",
                *_fact_lines(project, lang),
                " → ".join(pick(lang, a.how_zh, a.how_en) for a in item.anchors),
            ])
            lines.append(geojson.feature(
                item.geometry,
                {"id": item.id, "s": "road-line", "tip": tip, "facts": [project.id]}, basemap))
            continue
        where, projects, point = item.anchors[0], item.projects, item.geometry
        tip = "\n".join([
            f"{kind_name(item.kind, lang)} · {pick(lang, where.how_zh, where.how_en)}",
            *(_brief_line(p, lang) if len(projects) >= BRIEF_FROM
              else "\n".join(_fact_lines(p, lang)) for p in projects),
        ])
        points.append(geojson.feature(
            point, {"id": item.id, "s": item.kind, "tip": tip,
                    "facts": [p.id for p in projects]}, basemap))
        labels.append((*geojson.display_latlon(point.y, point.x, basemap),
                       pick(lang, *PROJECT_GLYPHS[item.kind])))
    return lines + points, labels


def _district_feature(lang: str, basemap: str) -> list[dict]:
    out = []
    for district in plan().core.districts:
        location = district_location(district)
        if location is None:
            continue
        tip = "\n".join([
            f"{field_text(district, 'name', lang)} · "
            f"{label('map_approximate_location', lang)}",
            field_text(district.places[0], "note", lang) if district.places else "",
            label("map_source", lang)
            + citations_text(district.citations, lang, "full", plan().documents),
        ]).strip()
        out.append(geojson.feature(district_area(location),
                                   {"id": f"{LAYER_ID}:district:{district.id}",
                                                    "s": "district", "tip": tip,
                                                    "facts": [district.id]}, basemap))
    return out


def overlay(ctx: MapContext) -> folium.FeatureGroup:
    """The 基础设施与重点项目 overlay (off at start, like the other busy one)."""
    group = overlay_group(LAYER_ID, title(ctx.lang), show=False)
    drawn, labels = features(ctx.lang, ctx.basemap)
    collection = geojson.collection([*_district_feature(ctx.lang, ctx.basemap), *drawn])
    GeoJsonOverlay(collection, layer_class(LAYER_ID), STYLES).add_to(group)
    Labels(labels, "hd-label hd-label-infra").add_to(group)
    return group


def legend_entries(lang: str) -> list[LegendEntry]:
    """A line per kind (schematic) with how many of its projects are located, and 河西新区
    (approximate)."""
    entries = []
    for kind in PROJECT_KINDS:
        projects = [p for p in plan().projects if p.kind == kind]
        located = [p for p in projects if p.places]
        missing = [field_text(p, "name", lang) for p in unlocated(kind)]
        swatch = STYLES["road-line"] if kind == "road" else STYLES[kind]
        note = label("map_projects_located", lang, located=len(located), total=len(projects))
        method = (label("map_not_located", lang) + label("map_list_separator", lang).join(missing)
                  if missing else "")
        glyph = pick(lang, *PROJECT_GLYPHS[kind])
        entries.append(LegendEntry(
            LAYER_ID, f"{glyph} {kind_name(kind, lang)}", swatch, "schematic",
            cite([c for p in projects for c in p.citations], lang), (note,), method))
    for district in plan().core.districts:
        entries.append(LegendEntry(
            LAYER_ID, field_text(district, "name", lang), STYLES["district"], "approximate",
            cite(district.citations, lang),
            (label("map_district_from_villages", lang, zone=district.zone),)))
    return entries
