"""The facts of what was clicked or found on the map: kind, the plan's description, township,
how it is placed, data quality and citation; other features at the same spot listed."""

from geo.labels import quality_label
from layers.identify import FeatureFacts, identify
from ui.i18n import Lang, t
from ui.plan_data import citation_text, pick, plan
from ui.text import plain, to_html

LIST_SEPARATOR = {"zh": "、", "en": ", "}


def _township_names(codes: tuple[str, ...], lang: Lang) -> str:
    facts = plan()
    return LIST_SEPARATOR[lang].join(
        plain(pick(lang, facts.resolve(code).name, facts.resolve(code).name_en)) for code in codes)


def facts_lines(item: FeatureFacts, lang: Lang) -> list[str]:
    """The panel's lines for one feature (Markdown, every value from data escaped), without its
    title."""
    lines = [plain(pick(lang, item.description, item.description_en))] if item.description else []
    if item.townships:
        lines.append(t("identify_township", lang,
                       names=_township_names(item.townships, lang)))
    placement = t(f"placement_{item.placement}", lang, village=plain(item.village))
    lines.append(f"{t('identify_quality', lang, quality=quality_label(item.quality, lang))}"
                 f" · {placement}")
    if item.citations:
        cited = citation_text(plan(), list(item.citations), lang)
        lines.append(f"*{t('citation', lang, text=plain(cited))}*")
    return lines


def shown_features(ids: list[str]) -> list[str]:
    """The features among `ids` (a click's or a search result's) the panel shows, most
    specific first; none when only a township is there (its own panel answers)."""
    found = identify(ids) if ids else []
    if not found or found[0].kind == "township":
        return []
    return [f.id for f in found if f.kind != "township"]


def feature_html(item: FeatureFacts, lang: Lang) -> str:
    """The facts block of one feature as HTML (shown in the browser by ui/panel_view.py)."""
    title = f"**{plain(pick(lang, item.name, item.name_en))}** · {t(f'kind_{item.kind}', lang)}"
    lines = [title, *facts_lines(item, lang)]
    return "".join(f"<p>{to_html(line)}</p>" for line in lines)


def other_name(item: FeatureFacts, lang: Lang) -> str:
    """A feature as listed among the others at a spot: name and kind (text)."""
    kind = t(f"kind_{item.kind}", lang)
    return f"{item.name}（{kind}）" if lang == "zh" else f"{item.name_en} ({kind})"
