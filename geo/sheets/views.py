"""The five sheet views: what each one frames, which themes it shows by default, its title
and its side-panel blocks (plan facts with their citations as footnotes)."""

from __future__ import annotations

from geo import datastore
from geo import symbology as sym
from geo.plan import Plan
from geo.plan.schema import PROJECT_KINDS
from geo.plan.shades import industry_shades
from geo.project_places import unlocated
from geo.sheets.content import Block, Content, Footnotes, Item, Label
from geo.sheets.labels import label, pick
from geo.sheets.overlays import REDLINE_LAYER, theme_items, township_shapes
from geo.web_geometry import web_frame

VIEWS = ("county", "township", "industry", "town-system", "ecology")
DEFAULT_OVERLAYS: dict[str, tuple[str, ...]] = {
    "county": ("admin_areas", "town_system", "ecology", "industry"),  # the web map at start
    "township": ("admin_areas",),
    "industry": ("admin_areas", "industry"),
    "town-system": ("admin_areas", "town_system"),
    "ecology": ("admin_areas", "ecology"),
}
LIST_SEPARATOR = {"zh": "、", "en": ", "}
NAME_SEPARATOR = {"zh": "、", "en": "; "}  # between names that may hold commas


def footnotes_for(plan: Plan, lang: str) -> Footnotes:
    """Citation numbering with the documents named by their short names."""
    return Footnotes(list(plan.documents), lang)


def default_title(view: str, lang: str, plan: Plan, township: str | None = None,
                  industry: str | None = None) -> str:
    """The sheet's title when the user gives none."""
    if view == "township" and township:
        t = next(t for t in plan.townships if t.code == township)
        return label("title_township", lang, name=pick(lang, t.name, t.name_en))
    if view == "industry" and industry:
        i = plan.industry(industry)
        return label("title_industry", lang, name=pick(lang, i.name, i.name_en))
    return label(f"title_{view.replace('-', '_')}", lang)


def build(view: str, plan: Plan, lang: str = "zh", township: str | None = None,
          industry: str | None = None, overlays: tuple[str, ...] | None = None,
          title: str | None = None) -> Content:
    """The content of one sheet; township is a code, industry an id (see choices.py)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    if view == "township" and not township:
        raise ValueError("the township view needs a township")
    if view == "industry" and not industry:
        raise ValueError("the industry view needs an industry")
    overlays = DEFAULT_OVERLAYS[view] if overlays is None else overlays
    if industry and "industry" not in overlays:
        overlays = (*overlays, "industry")
    county = web_frame("county").geometry.union_all()
    content = Content(title or default_title(view, lang, plan, township, industry), county)
    for theme in overlays:
        items, labels = theme_items(theme, lang, plan, industry,
                                    name_townships_at_seats=view != "township")
        content.items += items
        content.labels += labels
    notes = footnotes_for(plan, lang)
    if view == "township":
        _township(content, plan, lang, township, notes)
    elif view == "industry":
        _industry(content, plan, lang, industry)
    elif view == "town-system":
        _town_system(content, plan, lang, notes)
    elif view == "ecology":
        _ecology(content, plan, lang, notes)
    if "ecology" in overlays and not any(i.key == REDLINE_LAYER for i in content.items):
        content.notes.append(label("redline_missing", lang))
    if "infrastructure" in overlays:
        content.notes.append(infrastructure_note(plan, lang))
    content.footnotes = [f"[{n}] {text}" for n, text in enumerate(notes.texts, start=1)]
    return content


def infrastructure_note(plan: Plan, lang: str) -> str:
    """How many of the plan's projects are located; the others named (they are not drawn)."""
    missing = [pick(lang, p.name, p.name_en) for kind in PROJECT_KINDS for p in unlocated(kind)]
    return label("infra_unlocated", lang, located=len(plan.projects) - len(missing),
                 total=len(plan.projects), names=NAME_SEPARATOR[lang].join(missing))


def _township(content: Content, plan: Plan, lang: str, code: str, notes: Footnotes) -> None:
    """Zoomed on the township, outlined, every township named inside its area."""
    areas = township_shapes()
    content.focus = areas[code]
    content.items.append(Item("this_township", label("this_township", lang),
                              _quality_of("townships"), "line", sym.SELECTION_STYLE,
                              [areas[code].boundary], ("townships",)))
    for t in plan.townships:
        content.labels.append(Label(pick(lang, t.name, t.name_en), areas[t.code],
                                    "focus" if t.code == code else "township"))
    content.blocks.append(township_facts(plan, lang, code, notes))


def _quality_of(layer_id: str) -> str:
    return str(datastore.layer_info(layer_id)["quality"])


def township_facts(plan: Plan, lang: str, code: str, notes: Footnotes) -> Block:
    """The fact box of a township: role, axes, main industries, parks, each with its
    citations as footnote numbers."""
    view = plan.township_views[code]
    sep = LIST_SEPARATOR[lang]
    lines = []
    for role in view.roles:
        lines.append(label("field", lang, name=label("role", lang),
                           value=pick(lang, role.name, role.name_en)) + notes.refs(role.citations))
    for axis in view.axes:
        name = pick(lang, axis.name, axis.name_en)
        lines.append(label("axis_stop", lang, axis=name, position=axis.position, of=axis.of)
                     + notes.refs(axis.citations))
    by_mode: dict[str, list] = {}
    for industry in view.industries:
        by_mode.setdefault(industry.mode_name if lang == "zh" else industry.mode_name_en,
                           []).append(industry)
    for mode, industries in by_mode.items():
        names = sep.join(dict.fromkeys(pick(lang, i.name, i.name_en) for i in industries))
        refs = notes.refs([c for i in industries for c in i.citations])
        title = label("paren", lang, text=label("industries", lang), note=mode)
        lines.append(label("field", lang, name=title, value=names) + refs)
    for park in view.parks:
        lines.append(label("field", lang, name=label("parks", lang),
                           value=pick(lang, park.name, park.name_en)) + notes.refs(park.citations))
    if not lines:
        lines.append(label("none", lang))
    return Block(label("facts", lang), lines)


def _industry(content: Content, plan: Plan, lang: str, industry: str) -> None:
    shades = industry_shades(plan, industry)
    names = {t.code: pick(lang, t.name, t.name_en) for t in plan.townships}
    lines = []
    for shade in ("centred", "radiating"):
        codes = sorted(c for c, s in shades.items() if s == shade)
        if codes:
            listed = LIST_SEPARATOR[lang].join(names[c] for c in codes)
            title = label("paren", lang, text=label(shade, lang), note=len(codes))
            lines.append(label("field", lang, name=title, value=listed))
    content.blocks.append(Block(label("industry_townships", lang), lines))


def _town_system(content: Content, plan: Plan, lang: str, notes: Footnotes) -> None:
    core = plan.core
    sep = LIST_SEPARATOR[lang]
    lines = [pick(lang, core.name, core.name_en) + notes.refs(core.citations)]
    for centre in plan.sub_centres:
        township = plan.resolve(centre.township)
        functions = sep.join(pick(lang, f.name, f.name_en) for f in centre.functions)
        lines.append(label("sub_centre", lang, name=pick(lang, township.name, township.name_en),
                           functions=functions) + notes.refs(centre.citations))
    for number, axis in enumerate(plan.axes, start=1):
        towns = " → ".join(pick(lang, plan.resolve(p.township).name,
                                plan.resolve(p.township).name_en) for p in axis.towns)
        name = pick(lang, axis.name, axis.name_en)
        if axis.is_main:
            name += label("main_axis", lang)
        open_list = label("open_list", lang) if axis.open_list else ""
        lines.append(f"{number}. " + label("axis_line", lang, name=name, towns=towns)
                     + open_list + notes.refs(axis.citations))
    content.blocks.append(Block(label("town_system", lang), lines))


def _ecology(content: Content, plan: Plan, lang: str, notes: Footnotes) -> None:
    redline = plan.redline
    if redline is None:
        return
    lines = [label("redline_total", lang, km2=redline.total_km2, pct=redline.share_pct)
             + notes.refs(redline.citations), label("components", lang)]
    lines += [f"{pick(lang, c.name, c.name_en)}\t{c.area_km2:g} km²" for c in redline.components]
    lines.append(label("types", lang) + notes.refs(redline.types_citations))
    lines += [f"{pick(lang, t.name, t.name_en)}\t{t.area_km2:g} km²" for t in redline.types]
    content.blocks.append(Block(label("redline_figures", lang), lines))
