"""The township panel: what the plan says about one township, each line with its citation."""

from dataclasses import dataclass, field
from html import escape

from geo.plan import Plan
from geo.plan.schema import BASIS_LABELS, PROJECT_KINDS
from geo.plan.views import FactView, IndustryView, TownshipView
from ui.data import townships
from ui.i18n import Lang, t
from ui.plan_data import citation_text, pick, plan
from ui.text import plain, to_html

LIST_SEPARATOR = {"zh": "、", "en": ", "}
FACT_SECTIONS = ("featured_towns", "brands", "ecology", "parks", "recognitions")


@dataclass(frozen=True)
class PanelLine:
    """One fact: its text, where the plan says it, and an optional sub-heading it belongs to."""

    text: str
    citation: str
    group: str | None = None


@dataclass(frozen=True)
class PanelSection:
    """A heading (role, axes, industries …) and its lines; no lines means not in the plan."""

    key: str
    title: str
    lines: list[PanelLine] = field(default_factory=list)


def _fact_line(fact: FactView, plan_data: Plan, lang: Lang, group: str | None = None
               ) -> PanelLine:
    name = plain(pick(lang, fact.name, fact.name_en))
    if fact.place.village:
        name += t("paren", lang, text=plain(fact.place.village))
    summary = plain(pick(lang, fact.summary, fact.summary_en))
    text = f"**{name}**" + (f" — {summary}" if summary else "")
    if fact.items:
        text += t("paren", lang, text=LIST_SEPARATOR[lang].join(
            plain(pick(lang, i.name, i.name_en)) for i in fact.items)
            + (t("open_list_note", lang) if fact.open_list else ""))
    if fact.place.basis != "stated":  # e.g. placed here because its name is the township's
        text += t("paren", lang, text=pick(lang, *BASIS_LABELS[fact.place.basis]))
    return PanelLine(text, citation_text(plan_data, fact.citations, lang), group=group)


def _project_lines(view: TownshipView, plan_data: Plan, lang: Lang) -> list[PanelLine]:
    """Infrastructure and projects grouped by kind (roads, water …), 河西新区 last."""
    lines = []
    for kind, facts in view.projects_by_kind().items():
        group = (pick(lang, *PROJECT_KINDS[kind]) if kind in PROJECT_KINDS
                 else t("project_group_district", lang))
        lines += [_fact_line(f, plan_data, lang, group) for f in facts]
    return lines


def _industry_line(industry: IndustryView, plan_data: Plan, lang: Lang) -> PanelLine:
    mode = plain(pick(lang, industry.mode_name, industry.mode_name_en))
    text = f"**{plain(pick(lang, industry.name, industry.name_en))}** · {mode}"
    if industry.village:
        text += t("paren", lang, text=plain(industry.village))
    note = plain(pick(lang, industry.note, industry.note_en))
    if note:
        text += f" — {note}"
    return PanelLine(
        text,
        citation_text(plan_data, industry.citations, lang),
        group=pick(lang, industry.category_name, industry.category_name_en),
    )


def _role_lines(view: TownshipView, plan_data: Plan, lang: Lang) -> list[PanelLine]:
    lines = []
    for role in view.roles:
        detail = plain(pick(lang, role.detail, role.detail_en))
        text = f"**{plain(pick(lang, role.name, role.name_en))}**" + (
            f" — {detail}" if detail else "")
        lines.append(PanelLine(text, citation_text(plan_data, role.citations, lang)))
    return lines


def _axis_lines(view: TownshipView, plan_data: Plan, lang: Lang) -> list[PanelLine]:
    lines = []
    for axis in view.axes:
        text = f"**{plain(pick(lang, axis.name, axis.name_en))}**"
        if axis.is_main:
            text += t("main_axis", lang)
        text += " — " + t("axis_position", lang, position=axis.position, of=axis.of)
        segment = plain(pick(lang, axis.segment_name, axis.segment_name_en))
        if segment:
            text += f" · {segment}"
        lines.append(PanelLine(text, citation_text(plan_data, axis.citations, lang)))
    return lines


def _tourism_lines(view: TownshipView, plan_data: Plan, lang: Lang) -> list[PanelLine]:
    lines = [_fact_line(site, plan_data, lang) for site in view.tourism_sites]
    for stop in view.tourism_routes:
        text = f"**{plain(pick(lang, stop.route_name, stop.route_name_en))}** — " + t(
            "route_stop", lang, position=stop.position, of=stop.of,
            stop=plain(pick(lang, stop.stop, stop.stop_en)),
        )
        lines.append(PanelLine(text, citation_text(plan_data, stop.citations, lang)))
    return lines


def panel_sections(view: TownshipView, plan_data: Plan, lang: Lang) -> list[PanelSection]:
    """The panel's sections for one township, in display order."""
    sections = [
        PanelSection("role", t("role", lang), _role_lines(view, plan_data, lang)),
        PanelSection("axes", t("axes", lang), _axis_lines(view, plan_data, lang)),
        PanelSection(
            "industries",
            t("industries", lang),
            [_industry_line(i, plan_data, lang) for group in view.industries_by_category().values()
             for i in group],
        ),
        PanelSection("tourism", t("tourism", lang), _tourism_lines(view, plan_data, lang)),
        PanelSection("projects", t("projects", lang), _project_lines(view, plan_data, lang)),
    ]
    for key in FACT_SECTIONS:
        facts = getattr(view, key)
        sections.append(
            PanelSection(key, t(key, lang), [_fact_line(f, plan_data, lang) for f in facts])
        )
    order = ["role", "axes", "industries", "parks", "featured_towns", "brands", "ecology",
             "tourism", "projects", "recognitions"]
    return sorted(sections, key=lambda s: order.index(s.key))


def _section_html(section: PanelSection, lang: Lang) -> str:
    parts = [f"<h5>{escape(section.title)}</h5>"]
    if not section.lines:
        return parts[0] + f'<p class="hd-caption">{escape(t("none_in_plan", lang))}</p>'
    group, items = None, []
    for line in section.lines:
        if line.group and line.group != group:
            if items:
                parts.append(f"<ul>{''.join(items)}</ul>")
                items = []
            group = line.group
            parts.append(f'<p class="hd-group"><em>{escape(group)}</em></p>')
        citation = t("citation", lang, text=line.citation)
        items.append(f'<li>{to_html(line.text)}<br><span class="hd-cite">{escape(citation)}'
                     "</span></li>")
    parts.append(f"<ul>{''.join(items)}</ul>")
    return "".join(parts)


def township_html(code: str, lang: Lang) -> str:
    """The panel of one township as HTML (shown in the browser by ui/panel_view.py)."""
    view = plan().township_views[code]
    area = townships().set_index("code").loc[code, "area_km2"]
    kind_area = t("kind_area", lang, kind=t(f"kind_{view.kind}", lang),
                  area=t("area_value", lang, value=float(area)))
    head = (f'<h3>{escape(view.name)} · {escape(view.name_en)}</h3>'
            f'<p title="{escape(t("area_note", lang))}">{to_html(kind_area)}'
            ' <span class="hd-help">ⓘ</span></p>')
    body = "".join(_section_html(section, lang) for section in panel_sections(view, plan(), lang))
    return f'<div class="hd-township-panel">{head}{body}</div>'
