"""The facts of what was clicked or found on the map: kind, the plan's description, township,
how it is placed, data quality and citation; other features at the same spot listed."""

import streamlit as st

from geo.labels import quality_label
from layers.identify import FeatureFacts, identify
from ui.i18n import Lang, t
from ui.plan_data import citation_text, pick, plan
from ui.text import plain

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
        lines.append(f":gray[{t('citation', lang, text=plain(cited))}]")
    return lines


def render_feature_panel(ids: list[str], lang: Lang) -> bool:
    """The most specific feature among `ids` (a click's or a search result's) and the others
    there; nothing when only a township is there (its own panel answers). True if shown."""
    found = identify(ids) if ids else []
    if not found or found[0].kind == "township":
        return False
    main, others = found[0], [f for f in found[1:] if f.kind != "township"]
    with st.container(key="feature_panel", border=True):
        st.markdown(f"**{plain(pick(lang, main.name, main.name_en))}** · "
                    f"{t(f'kind_{main.kind}', lang)}")
        for line in facts_lines(main, lang):
            st.markdown(line)
        if others:
            names = LIST_SEPARATOR[lang].join(
                f"{plain(o.name)}（{t(f'kind_{o.kind}', lang)}）" if lang == "zh"
                else f"{plain(o.name_en)} ({t(f'kind_{o.kind}', lang)})" for o in others)
            st.caption(t("identify_others", lang, names=names))
    return True
