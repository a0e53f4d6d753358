"""选址初审 / Site check panel: upload, paste or draw a site, see the report, download it.

The check runs in the button's callback (before the script), so the map drawn in the same run
already outlines the site. Nothing is stored: the report lives in this session only.
"""

import json

import pandas as pd
import shapely
import streamlit as st

from geo.basemaps import is_gcj02
from geo.coords import geometry_gcj02_to_wgs84
from geo.labels import quality_label
from geo.site.check import check_site
from geo.site.coordinates import parse_coordinates
from geo.site.inputs import SiteInput, drawn
from geo.site.limits import DEFAULT_NEARBY_M
from geo.site.markdown import fmt_area, fmt_km, fmt_share, render_markdown
from geo.site.problems import SiteRejected
from geo.site.zones import ZONES
from layers.geojson import display_geometry
from ui.i18n import Lang, t
from ui.plan_data import pick
from ui.text import plain

REPORT_KEY = "site_report"
PROBLEMS_KEY = "site_problems"
MODE_KEY = "site_mode"
UPLOAD_KEY = "site_upload"
CRS_KEY = "site_crs"
TEXT_KEY = "site_text"
ZONE_KEY = "site_zone"
LINE_KEY = "site_as_line"
BUFFER_KEY = "site_buffer"
NEARBY_KEY = "site_nearby"
DRAWN_KEY = "site_drawn"  # the last geometry drawn on the map (basemap coordinates)
DRAW_SEQ_KEY = "site_draw_seq"  # seq of the last draw event taken
UPLOAD_TYPES = ["geojson", "json", "zip", "gpkg", "kml", "dxf", "txt", "csv"]
MODES = ("upload", "paste", "draw")
CRS_CHOICES = ("auto", "gcj02", "EPSG:4526", "EPSG:4547", "EPSG:4497", "EPSG:4508",
               "EPSG:4490")


def site_report() -> dict | None:
    """The report of this session's last check (None before the first one)."""
    return st.session_state.get(REPORT_KEY)


def site_geometry() -> dict | None:
    """The checked geometry of the last report, for the map outline."""
    report = site_report()
    return report["site"]["checked_geometry"] if report else None


def site_draw_state(basemap: str, lang: Lang) -> dict:
    """The `draw` state for the map (static/map/hd-draw.js): the checked site to outline, in
    the basemap's coordinates (absent when there is none: the state is sent on every click),
    and the language of the drawing tools."""
    geometry = site_geometry()
    if not geometry:
        return {"lang": lang}
    shown = display_geometry(shapely.geometry.shape(geometry), basemap)
    return {"site": shapely.geometry.mapping(shown), "lang": lang}


def take_drawn_site(event: dict | None, basemap: str) -> bool:
    """A new {type: "draw"} event from the map: keep the drawing and check it at once.
    True when something changed (the caller re-runs so the map outlines the result)."""
    state = st.session_state
    if not event or event.get("type") != "draw" or event.get("seq") == state.get(DRAW_SEQ_KEY):
        return False
    state[DRAW_SEQ_KEY] = event.get("seq")
    state[DRAWN_KEY] = event.get("geojson")
    if not state[DRAWN_KEY]:
        state[REPORT_KEY] = None
        return True
    state[MODE_KEY] = "draw"
    run_check(basemap)
    return True


def drawn_site(geometry: dict, basemap: str) -> SiteInput:
    """A geometry drawn on the map (basemap coordinates: GCJ-02 under 高德) as a WGS84 site."""
    shape = shapely.geometry.shape(geometry)
    return drawn(geometry_gcj02_to_wgs84(shape) if is_gcj02(basemap) else shape)


def _site_from_widgets(mode: str, basemap: str) -> SiteInput | None:
    state = st.session_state
    if mode == "upload":
        upload = state.get(UPLOAD_KEY)
        if upload is None:
            return None
        crs = state.get(CRS_KEY, "auto")
        from geo.site.load import site_from_upload  # GDAL (pyogrio) only once a file comes

        return site_from_upload(upload.name, upload.getvalue(), None if crs == "auto" else crs,
                                state.get(ZONE_KEY, "3-38"))
    if mode == "paste":
        return parse_coordinates(state.get(TEXT_KEY, ""), state.get(ZONE_KEY, "3-38"),
                                 bool(state.get(LINE_KEY)))
    geometry = state.get(DRAWN_KEY)
    return drawn_site(geometry, basemap) if geometry else None


def run_check(basemap: str) -> None:
    """Button callback: check the site given in the widgets; keep the report or the problems."""
    state = st.session_state
    state[PROBLEMS_KEY] = None
    try:
        site = _site_from_widgets(state.get(MODE_KEY, "upload"), basemap)
        if site is None:
            state[PROBLEMS_KEY] = ["nothing"]
            return
        buffer = float(state.get(BUFFER_KEY) or 0) or None
        state[REPORT_KEY] = check_site(site, buffer, float(state.get(NEARBY_KEY)
                                                           or DEFAULT_NEARBY_M))
    except SiteRejected as rejected:
        state[PROBLEMS_KEY] = [(p.text("zh"), p.text("en")) for p in rejected.problems]
        state[REPORT_KEY] = None


def _inputs(lang: Lang, basemap: str) -> None:
    mode = st.radio(t("site_mode", lang), MODES, key=MODE_KEY, horizontal=True,
                    format_func=lambda m: t(f"site_mode_{m}", lang))
    if mode == "upload":
        st.file_uploader(t("site_upload", lang), type=UPLOAD_TYPES, key=UPLOAD_KEY,
                         help=t("site_upload_help", lang))
        st.selectbox(t("site_crs", lang), CRS_CHOICES, key=CRS_KEY,
                     format_func=lambda c: t(f"site_crs_{c}", lang) if c in ("auto", "gcj02")
                     else c, help=t("site_crs_help", lang))
    elif mode == "paste":
        st.text_area(t("site_paste", lang), key=TEXT_KEY, height=140,
                     placeholder="3001234.56 38402345.67\n3001234.56 38403345.67\n…",
                     help=t("site_paste_help", lang))
        st.checkbox(t("site_as_line", lang), key=LINE_KEY)
    else:
        st.caption(t("site_draw_help", lang))
    if mode != "draw":
        st.radio(t("site_zone", lang), list(ZONES), key=ZONE_KEY, horizontal=True,
                 format_func=lambda z: t(f"site_zone_{z}", lang), help=t("site_zone_help", lang))
    left, right = st.columns(2)
    left.number_input(t("site_buffer", lang), min_value=0.0, max_value=5000.0, value=0.0,
                      step=10.0, key=BUFFER_KEY, help=t("site_buffer_help", lang))
    right.number_input(t("site_nearby", lang), min_value=100.0, max_value=20000.0,
                       value=DEFAULT_NEARBY_M, step=500.0, key=NEARBY_KEY)
    st.button(t("site_run", lang), type="primary", key="site_run", on_click=run_check,
              args=(basemap,), use_container_width=True)


def _problems(lang: Lang) -> None:
    problems = st.session_state.get(PROBLEMS_KEY)
    if not problems:
        return
    if problems == ["nothing"]:
        st.info(t("site_nothing", lang))
        return
    st.error(t("site_rejected", lang) + "\n\n" + "\n\n".join(
        f"- {plain(en if lang == 'en' else zh)}" for zh, en in problems))


def _redline_notice(report: dict, lang: Lang) -> None:
    red = report["redline"]
    text = plain(pick(lang, red["message_zh"], red["message_en"]))
    if red["status"] == "not_loaded":
        st.warning(f"**{t('site_redline', lang)}**：{text}" if lang == "zh"
                   else f"**{t('site_redline', lang)}**: {text}", icon="⚠️")
    elif red["flag"]:
        st.error(f"**{text}** — {fmt_share(red['share'])}"
                 + (f" · {fmt_area(red['area_m2'])}" if red.get("area_m2") else ""),
                 icon="🚩")
        st.dataframe(pd.DataFrame([{"#": p["index"], t("site_col_share", lang):
                                    fmt_share(p["share"]),
                                    t("site_col_attributes", lang): json.dumps(
                                        p["attributes"], ensure_ascii=False)}
                                   for p in red["parts"]]), hide_index=True)
    else:
        st.success(text)


def _townships(report: dict, lang: Lang) -> None:
    section = report["townships"]
    st.markdown(f"**{t('site_townships', lang)}** · "
                f"{plain(pick(lang, section['label_zh'], section['label_en']))}")
    rows = []
    for item in section["items"]:
        row = {t("township", lang): pick(lang, item["name"], item["name_en"]),
               t("site_col_share", lang): ("≈" if section["basis"] != "exact" else "")
               + fmt_share(item["share"])}
        if "area_m2" in item:
            row[t("site_col_mu", lang)] = f"{item['area_mu']:,.2f}"
        elif "length_m" in item:
            row[t("site_col_length", lang)] = f"{item['length_m']:,.0f}"
        row[t("site_col_villages", lang)] = "、".join(
            f"{v['name']} {fmt_km(v['distance_m'])}" for v in item["villages"])
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True)


def _plan(report: dict, lang: Lang) -> None:
    for town in report["plan"]["townships"]:
        with st.expander(f"{t('site_plan_of', lang)} "
                         f"{plain(pick(lang, town['name'], town['name_en']))}"):
            lines = [f"- {plain(pick(lang, r['name'], r['name_en']))}" for r in town["roles"]]
            lines += [f"- {plain(pick(lang, a['name'], a['name_en']))} ({a['position']}/{a['of']})"
                      for a in town["axes"]]
            for industries in town["industries"].values():
                mode = pick(lang, industries[0]["mode_name"], industries[0]["mode_name_en"])
                names = "、".join(pick(lang, i["name"], i["name_en"]) for i in industries)
                lines.append(f"- {plain(t('industries', lang))}（{plain(mode)}）：{plain(names)}")
            lines += [f"- {plain(t('parks', lang))}：{plain(pick(lang, p['name'], p['name_en']))}"
                      for p in town["parks"]]
            lines += [f"- {plain(t('featured_towns', lang))}："
                      f"{plain(pick(lang, f['name'], f['name_en']))}"
                      for f in town["featured_towns"]]
            st.markdown("\n".join(lines) or t("none_in_plan", lang))
    near = report["plan"]["nearby"]
    km = f"{near['within_m'] / 1000:g}"
    st.markdown(f"**{t('site_nearby_title', lang, km=km)}**")
    if near["items"]:
        st.dataframe(pd.DataFrame([{
            t("col_name", lang): pick(lang, i["name"], i["name_en"]),
            t("site_col_where", lang): i["township"] + (i["village"] or ""),
            t("site_col_distance", lang): fmt_km(i["distance_m"]),
            t("site_col_located", lang): t(f"site_located_{i['located_by']}", lang),
            t("site_col_citation", lang): "；".join(i["citations"]),
        } for i in near["items"]]), hide_index=True)
    else:
        st.caption(t("none_in_plan", lang))


def _report(report: dict, lang: Lang) -> None:
    site = report["site"]
    _redline_notice(report, lang)
    if site["area_m2"]:
        st.markdown(f"**{t('site_area', lang)}**：{site['area_m2']:,.0f} m² · "
                    f"**{site['area_mu']:,.2f} 亩**")
    else:
        st.markdown(f"**{t('site_length_m', lang)}**：{site['length_m'] or 0:,.0f}")
    lon, lat = site["centroid"]
    crs = report["input"]["crs"]
    st.caption(t("site_summary", lang, kind=site["geometry_type"], lon=f"{lon:.6f}",
                 lat=f"{lat:.6f}", km2=f"{site['area_km2']:.4f}", crs=plain(crs["name"])))
    notes = [pick(lang, n["zh"], n["en"]) for n in report["input"]["notes"]]
    if crs["assumed"] and crs["note_zh"]:
        notes.insert(0, pick(lang, crs["note_zh"], crs["note_en"]))
    if notes:
        st.info("\n\n".join(f"- {plain(n)}" for n in notes))
    _townships(report, lang)
    _plan(report, lang)
    st.markdown(f"**{t('site_distances', lang)}**")
    st.dataframe(pd.DataFrame([{
        t("col_name", lang): pick(lang, d["name"], d["name_en"]),
        t("site_col_distance", lang): fmt_km(d["distance_m"]),
        t("quality", lang): quality_label(d["quality"], lang),
    } for d in report["distances"].values()]), hide_index=True)
    _downloads(report, lang)
    st.caption(f"{report['disclaimer']['zh']} / {report['disclaimer']['en']} · "
               f"{report['generated_at']}")


def _pdf(report: dict, lang: Lang) -> bytes:
    from geo.site.pdf import render_pdf  # matplotlib only when a PDF is asked for

    return render_pdf(report, lang)


def _downloads(report: dict, lang: Lang) -> None:
    json_col, md_col, pdf_col = st.columns(3)
    json_col.download_button(
        "JSON", data=json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8"),
        file_name="site_check.json", mime="application/json", key="site_json",
        on_click="ignore")
    md_col.download_button(
        "Markdown", data=render_markdown(report, lang).encode("utf-8"),
        file_name="site_check.md", mime="text/markdown", key="site_md", on_click="ignore")
    pdf_col.download_button(
        "PDF", data=lambda: _pdf(report, lang), file_name="site_check.pdf",
        mime="application/pdf", key="site_pdf", on_click="ignore")


def render_site_check(lang: Lang, basemap: str) -> None:
    """The whole panel: inputs, problems or the report, downloads."""
    st.caption(t("site_intro", lang))
    report = site_report()
    with st.expander(t("site_inputs", lang), expanded=report is None):
        _inputs(lang, basemap)
    _problems(lang)
    if report and not st.session_state.get(PROBLEMS_KEY):
        _report(report, lang)
