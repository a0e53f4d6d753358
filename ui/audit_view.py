"""The audit log on the admin page: filters by account, action, outcome, layer and date, and
the filtered rows as CSV (admins only; the log itself is append-only)."""

from datetime import date

import pandas as pd
import streamlit as st

from geo.store import open_store
from ui.i18n import Lang, t

COLUMNS = {"at": "time_utc", "admin": "account", "client": "client", "action": "action",
           "layer_id": "layer", "version": "version", "outcome": "outcome", "detail": "detail"}
TITLES = {"time_utc": "audit_time", "account": "audit_account", "client": "audit_client",
          "action": "audit_action", "layer": "audit_layer", "version": "audit_version",
          "outcome": "audit_outcome", "detail": "audit_detail"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def audit_frame(entries: list[dict]) -> pd.DataFrame:
    """The audit rows, newest first, with the CSV's column names."""
    frame = pd.DataFrame(entries, columns=[*COLUMNS, "id"]).drop(columns="id")
    return frame.rename(columns=COLUMNS)


def filtered(frame: pd.DataFrame, accounts: list[str], actions: list[str],
             outcomes: list[str], layers: list[str],
             period: tuple[date, date] | None) -> pd.DataFrame:
    """The rows matching every filter given (an empty list filters nothing)."""
    keep = pd.Series(True, index=frame.index)
    for column, chosen in (("account", accounts), ("action", actions), ("outcome", outcomes),
                           ("layer", layers)):
        if chosen:
            keep &= frame[column].isin(chosen)
    if period is not None:
        day = frame["time_utc"].str[:10]
        keep &= (day >= period[0].isoformat()) & (day <= period[1].isoformat())
    return frame[keep]


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV for spreadsheets (UTF-8 with BOM); text a spreadsheet would run as a formula (a
    typed account name, say) is quoted with a leading apostrophe."""
    def safe(value: object) -> object:
        return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value

    return frame.map(safe).to_csv(index=False).encode("utf-8-sig")


def _period(lang: Lang, frame: pd.DataFrame) -> tuple[date, date] | None:
    if frame.empty:
        return None
    days = frame["time_utc"].str[:10]
    first, last = date.fromisoformat(days.min()), date.fromisoformat(days.max())
    picked = st.date_input(t("audit_period", lang), (first, last), key="audit_period")
    if isinstance(picked, tuple) and len(picked) == 2:
        return picked
    return None  # the second date is still being picked


def render(lang: Lang) -> None:
    """The filters, the table and the CSV download."""
    st.subheader(t("audit_title", lang))
    st.caption(t("audit_caption", lang))
    frame = audit_frame(open_store().audit_entries())
    choose = st.columns(4)
    chosen = []
    for column, box in zip(("account", "action", "outcome", "layer"), choose, strict=True):
        options = sorted({v for v in frame[column] if v})
        chosen.append(box.multiselect(t(TITLES[column], lang), options, key=f"audit_{column}"))
    shown = filtered(frame, *chosen, _period(lang, frame))
    st.caption(t("audit_count", lang, shown=len(shown), total=len(frame)))
    st.dataframe(shown.rename(columns={c: t(k, lang) for c, k in TITLES.items()}),
                 hide_index=True)
    st.download_button(t("audit_csv", lang), csv_bytes(shown),
                       file_name=f"audit-{date.today().isoformat()}.csv", mime="text/csv",
                       key="audit_csv")
