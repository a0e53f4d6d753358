"""The admin page: replace a layer with official data, see its history, roll back.

Nothing here changes data unless the session is logged in (ui/login.py) with an account whose
role allows it (geo.admin.accounts.may), checked again against the store before every change;
the audit log's actor is that account.
"""

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from geo import datastore
from geo.admin import service
from geo.admin.accounts import IMPORT, MANAGE_ACCOUNTS, READ_AUDIT, ROLLBACK, may
from geo.admin.diff import describe
from geo.admin.problems import Problem, RejectedFile
from geo.admin.serialize import to_geojson_bytes
from geo.labels import label, pick, quality_label
from geo.store import open_store
from geo.store.model import LOCK_WAIT_LIMIT_S, StoreError
from geo.store.rules import RULES
from geo.symbology import QUALITIES
from ui import accounts_panel, audit_view, login
from ui.i18n import t
from ui.store_notice import render_store_notice
from ui.text import plain

INSPECTION_KEY = "admin_inspection"
UPLOAD_TYPES = ["geojson", "json", "zip", "gpkg"]
DEFAULT_LAYER = "townships"  # the layer admins replace most
HISTORY_TITLES = {"v": "audit_version", "current": "admin_history_current",
                  "time": "audit_time", "admin": "admin_history_admin",
                  "comment": "admin_history_comment", "file": "admin_history_file",
                  "source": "admin_history_source", "sha256": "admin_history_sha256",
                  "changes": "admin_history_changes"}


def render_admin_page(lang: str) -> None:
    """Draw the admin page in `lang` ("zh" or "en")."""
    st.title(label("page_admin", lang))
    st.caption(label("admin_page_caption", lang))
    store_unreadable = render_store_notice(lang, for_admin=True)
    if store_unreadable:
        return
    current = login.session()
    if current is None:
        login.login_form(lang, "admin_login")
        return
    editable = [i for i in RULES if may(current.role, current.layers, IMPORT, i)]
    if not editable:
        st.info(t("viewer_only", lang, role=login.role_label(current.role, lang)))
        return
    admin = current.name
    layer_id = st.selectbox(
        label("audit_layer", lang), editable, key="admin_layer",
        index=editable.index(DEFAULT_LAYER) if DEFAULT_LAYER in editable else 0,
        format_func=lambda i: f"{pick(lang, RULES[i].title_zh, RULES[i].title_en)} ({i})")
    try:
        _upload_section(lang, layer_id, admin)
        _history_section(lang, layer_id, admin)
    except StoreError as trouble:  # locked too long, or damaged while the page was open
        st.error(plain(trouble.text(lang)))
    if may(current.role, current.layers, READ_AUDIT):
        audit_view.render(lang)
    if may(current.role, current.layers, MANAGE_ACCOUNTS):
        accounts_panel.render(lang)


def _writing(lang: str) -> str:
    """What a write shows while it runs (it may wait for another admin's write to finish)."""
    return label("admin_writing", lang, limit=LOCK_WAIT_LIMIT_S)


def _show_problems(lang: str, problems: list[Problem]) -> None:
    for problem in problems:
        (st.error if problem.severity == "error" else st.warning)(plain(problem.text(lang)))


def _crs_choice(lang: str) -> str | None:
    options = {"auto": label("admin_as_the_file_declares", lang),
               "gcj02": label("admin_gcj_02_amap_tencent", lang),
               "epsg": label("admin_give_an_epsg_code", lang)}
    choice = st.radio(label("report.crs", lang), list(options),
                      format_func=options.get, horizontal=True, key="admin_crs")
    if choice == "epsg":
        return st.text_input("EPSG", value="EPSG:4547", key="admin_epsg")
    return None if choice == "auto" else choice


def _saved_upload(upload, folder: str) -> Path:
    path = Path(folder) / Path(upload.name).name
    path.write_bytes(upload.getvalue())
    return path


def _upload_section(lang: str, layer_id: str, admin: str) -> None:
    st.subheader(label("admin_upload_a_new_version", lang))
    upload = st.file_uploader(label("admin_upload_formats", lang),
                              type=UPLOAD_TYPES, key="admin_upload")
    crs = _crs_choice(lang)
    if upload is None:
        return
    with tempfile.TemporaryDirectory(prefix="hengdong-admin-") as folder:
        path = _saved_upload(upload, folder)
        key = (upload.name, upload.size, layer_id, crs)
        if st.button(label("admin_validate", lang), key="admin_validate"):
            st.session_state[INSPECTION_KEY] = (key, service.inspect(path, layer_id, crs))
        stored = st.session_state.get(INSPECTION_KEY)
        if not stored or stored[0] != key:
            return
        inspection = stored[1]
        _show_problems(lang, inspection.problems)
        use_repaired = _repair_offer(lang, inspection)
        if inspection.ok:
            st.success(label("admin_valid_ready_to_import", lang))
        if inspection.ok or use_repaired:
            _import_form(lang, path, layer_id, admin, crs, use_repaired)


def _repair_offer(lang: str, inspection: service.Inspection) -> bool:
    """Offer the make_valid version of invalid geometries; True if the admin chooses it."""
    if inspection.repaired is None:
        return False
    st.info(label("admin_repair_offer", lang, features=inspection.repaired_indices))
    st.download_button(label("admin_download_the_repaired_version", lang),
                       to_geojson_bytes(inspection.repaired), file_name="repaired.geojson",
                       mime="application/geo+json", key="admin_repaired_download")
    return st.checkbox(label("admin_import_the_repaired_version", lang),
                       key="admin_use_repaired")


def _import_form(lang: str, path: Path, layer_id: str, admin: str, crs: str | None,
                 use_repaired: bool) -> None:
    source = st.text_input(label("admin_source_shown_in_the", lang),
                           key="admin_source")
    licence = st.text_input(label("admin_licence", lang), key="admin_licence")
    quality = st.selectbox(label("admin_quality", lang), QUALITIES, key="admin_quality",
                           format_func=lambda q: quality_label(q, lang))
    comment = st.text_area(label("admin_comment_required", lang), key="admin_comment")
    ready = bool(admin and comment.strip())
    if not ready:
        st.caption(label("admin_give_a_comment_to", lang))
    if not st.button(label("admin_import_as_a_new", lang), disabled=not ready,
                     key="admin_import"):
        return
    actor = login.authorised(IMPORT, layer_id)
    if actor is None:
        st.error(t("not_allowed", lang))
        return
    try:
        with st.spinner(_writing(lang)):
            meta = service.import_file(path, layer_id, actor.name, comment, crs, source or None,
                                       licence or None, quality, use_repaired,
                                       file_label=path.name, client=login.client_address())
    except RejectedFile as rejected:
        _show_problems(lang, rejected.problems)
        return
    st.session_state.pop(INSPECTION_KEY, None)
    st.success(label("admin_imported_as", lang, version=meta.version) + " "
               + plain(describe(meta.summary, lang)))


def _history_rows(lang: str, versions: list, current: int) -> pd.DataFrame:
    """One row per version, version 0 being the open-source build."""
    blank = dict.fromkeys(("time", "admin", "file", "source", "sha256", "changes"), "")
    rows = [{**blank, "v": 0, "current": current == 0,
             "comment": label("admin_built_from_open_sources", lang)}]
    rows += [{"v": m.version, "current": m.version == current, "time": m.created_at,
              "admin": m.admin, "comment": m.comment, "file": m.upload_name, "source": m.source,
              "sha256": m.sha256[:12], "changes": describe(m.summary, lang)} for m in versions]
    frame = pd.DataFrame(rows)
    return frame.rename(columns={k: label(key, lang) for k, key in HISTORY_TITLES.items()})


def _version_label(lang: str, version: int) -> str:
    return f"v{version}" + (label("admin_open_sources", lang) if version == 0 else "")


def _history_section(lang: str, layer_id: str, admin: str) -> None:
    st.subheader(label("admin_version_history", lang))
    if datastore.has_layer(layer_id):  # drawn after any import above, so it is up to date
        info = datastore.layer_info(layer_id)
        admin_name = info.get("admin")
        by = label("admin_current_by", lang, admin=plain(admin_name)) if admin_name else ""
        st.caption(label("admin_current_version", lang,
                         version=plain(info[f"version_label_{lang}"]), by=by))
    store = open_store()
    current = store.current_version(layer_id)
    versions = service.history(layer_id)
    st.dataframe(_history_rows(lang, versions, current), hide_index=True)
    target = st.selectbox(label("admin_roll_back_to_version", lang),
                          [0] + [m.version for m in versions], key="admin_rollback_version",
                          format_func=lambda v: _version_label(lang, v))
    reason = st.text_input(label("admin_reason", lang), key="admin_rollback_comment")
    if st.button(label("admin_roll_back", lang), disabled=not admin or target == current,
                 key="admin_rollback"):
        actor = login.authorised(ROLLBACK, layer_id)
        if actor is None:
            st.error(t("not_allowed", lang))
            return
        with st.spinner(_writing(lang)):
            service.rollback(layer_id, target, actor.name, reason, login.client_address())
        st.toast(label("admin_now_serving", lang, version=target))
        st.rerun()
    with st.expander(label("admin_audit_log", lang)):
        st.dataframe(pd.DataFrame(store.audit_log(layer_id)), hide_index=True)
