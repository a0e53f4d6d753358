"""All 17 townships side by side, as a table and as a CSV download."""

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.plan import Plan
from geo.plan.schema import PROJECT_KINDS
from geo.plan.views import TownshipView
from ui.data import townships
from ui.i18n import Lang, t
from ui.plan_data import pick, plan

CENTRED_MODES = frozenset({"centred"})
RADIATING_MODES = frozenset({"radiating", "driven"})
LIST_SEPARATOR = {"zh": "、", "en": "; "}


def _names(items: Iterable[Any], lang: Lang) -> str:
    """Names of plan items, de-duplicated in order, joined for one table cell."""
    names = dict.fromkeys(pick(lang, i.name, i.name_en) for i in items)
    return LIST_SEPARATOR[lang].join(names)


def _route_names(view: TownshipView, lang: Lang) -> str:
    names = dict.fromkeys(pick(lang, r.route_name, r.route_name_en) for r in view.tourism_routes)
    return LIST_SEPARATOR[lang].join(names)


def _industries(view: TownshipView, modes: frozenset[str], lang: Lang) -> str:
    return _names([i for i in view.industries if i.mode in modes], lang)


def _row(view: TownshipView, area_km2: float, lang: Lang) -> dict[str, object]:
    return {
        t("col_name", lang): view.name,
        t("col_pinyin", lang): view.name_en,
        t("col_code", lang): view.code,
        t("kind", lang): t(f"kind_{view.kind}", lang),
        t("col_area_km2", lang): round(area_km2, 1),
        t("role", lang): _names(view.roles, lang),
        t("axes", lang): _names(view.axes, lang),
        t("col_industries_centred", lang): _industries(view, CENTRED_MODES, lang),
        t("col_industries_radiating", lang): _industries(view, RADIATING_MODES, lang),
        t("col_industries_axis", lang): _industries(
            view, frozenset({"sub_centre", "along_axis"}), lang
        ),
        t("parks", lang): _names(view.parks, lang),
        t("featured_towns", lang): _names(view.featured_towns, lang),
        t("brands", lang): _names(view.brands, lang),
        t("ecology", lang): _names(view.ecology, lang),
        t("tourism", lang): _names(view.tourism_sites, lang),
        t("col_routes", lang): _route_names(view, lang),
        **_projects_by_kind(view, lang),
    }


def _projects_by_kind(view: TownshipView, lang: Lang) -> dict[str, str]:
    """One column per kind of infrastructure and project (roads, water …)."""
    groups = view.projects_by_kind()
    columns = {
        t("col_projects_kind", lang, kind=pick(lang, *labels)): _names(groups.get(kind, []), lang)
        for kind, labels in PROJECT_KINDS.items()
    }
    columns[t("project_group_district", lang)] = _names(groups.get("district", []), lang)
    return columns


def compare_frame(plan_data: Plan, township_layer: gpd.GeoDataFrame, lang: Lang) -> pd.DataFrame:
    """One row per township (statistics-code order), one column per kind of plan fact."""
    areas = township_layer.set_index("code")["area_km2"]
    views = sorted(plan_data.township_views.values(), key=lambda v: v.code)
    return pd.DataFrame([_row(v, float(areas[v.code]), lang) for v in views])


def compare_csv(frame: pd.DataFrame) -> bytes:
    """The table as CSV with a UTF-8 byte-order mark, so Excel shows the Chinese correctly."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def render_compare_table(lang: Lang) -> None:
    """The comparison tab: table plus CSV download."""
    frame = compare_frame(plan(), townships(), lang)
    st.subheader(t("compare_title", lang))
    st.dataframe(frame, hide_index=True, key="compare_table")
    st.download_button(
        t("download_csv", lang),
        data=compare_csv(frame),
        file_name=f"hengdong_townships_{lang}.csv",
        mime="text/csv",
        key="download_compare_csv",
        on_click="ignore",
    )
