"""The ecological red line in figures: total, share of the county, components and types."""

import pandas as pd
import streamlit as st

from geo.plan.schema import Redline, RedlineArea
from ui.i18n import Lang, t
from ui.plan_data import citation_text, pick, plan
from ui.text import plain


def areas_frame(areas: list[RedlineArea], lang: Lang, with_location: bool) -> pd.DataFrame:
    """Name and area (km²) of each part, plus where the plan puts it when asked."""
    rows = []
    for area in areas:
        row: dict[str, object] = {
            t("col_name", lang): pick(lang, area.name, area.name_en),
            t("col_area_km2_exact", lang): area.area_km2,
        }
        if with_location:
            row[t("col_location", lang)] = pick(lang, area.location_note, area.location_note_en)
        rows.append(row)
    return pd.DataFrame(rows)


def render_redline_panel(lang: Lang) -> None:
    """Figures, a component table and a chart of the red-line types, with citations."""
    redline: Redline | None = plan().redline
    if redline is None:
        st.caption(t("none_in_plan", lang))
        return
    st.markdown(f"##### {plain(pick(lang, redline.name, redline.name_en))}")
    total_col, share_col = st.columns(2)
    total_col.metric(t("redline_total", lang), f"{redline.total_km2:.2f}")
    share_col.metric(t("redline_share", lang), f"{redline.share_pct:.2f} %")
    st.markdown(f"**{t('redline_components', lang)}**")
    st.dataframe(areas_frame(redline.components, lang, with_location=True), hide_index=True)
    st.caption(t("citation", lang, text=plain(citation_text(plan(), redline.citations, lang))))
    st.markdown(f"**{t('redline_types', lang)}**")
    types = areas_frame(redline.types, lang, with_location=False)
    st.bar_chart(types, x=t("col_name", lang), y=t("col_area_km2_exact", lang), horizontal=True)
    st.caption(t("citation", lang,
                 text=plain(citation_text(plan(), redline.types_citations, lang))))
    st.caption(t("redline_no_polygon", lang))
