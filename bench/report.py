"""The benchmark's figures as rows (metric, ours, baseline, ratio, target) and a printed table."""

import statistics
from dataclasses import dataclass
from typing import Any

PAYLOAD_TARGET = 0.25  # our map's bytes at most a quarter of the baseline's (issue 9)
CLICK_SERVER_TARGET_S = 0.3  # township click re-run under 300 ms server time
TOGGLE_ROUND_TRIPS_TARGET = 0  # a layer toggle never re-runs the script
# issue 9: ratios to the naive app measured in the same run, and bytes per township click
OPEN_TARGET = 1.0  # page open, and bytes at page open
CLICK_BROWSER_TARGET = 1.0
PEAK_RSS_TARGET = 1.1
CLICK_WS_BYTES_TARGET = 2_000


@dataclass(frozen=True)
class Row:
    metric: str
    unit: str
    ours: float | None
    baseline: float | None = None
    target: str = ""
    met: bool | None = None
    floor: float | None = None  # the static Leaflet page (bench/floor.py), where measured

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.baseline:
            return None
        return self.ours / self.baseline

    @property
    def floor_ratio(self) -> float | None:
        if self.ours is None or not self.floor:
            return None
        return self.ours / self.floor

    def as_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "unit": self.unit,
            "ours": self.ours,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "floor": self.floor,
            "floor_ratio": self.floor_ratio,
            "target": self.target,
            "met": self.met,
        }


def median(values: list[float | None]) -> float | None:
    """Median of the values that were measured (None where a visit could not measure it)."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _below(value: float | None, limit: float) -> bool:
    return value is not None and value < limit


def _ratio_at_most(ours: float | None, baseline: float | None, limit: float) -> bool:
    return ours is not None and bool(baseline) and ours / baseline <= limit


def median_of(visits: list[dict[str, Any]], key: str) -> float | None:
    return median([visit[key] for visit in visits])


def payload_rows(payload: dict[str, dict[str, float]]) -> list[Row]:
    sent = payload["sent_bytes"]
    ratio = sent["ours"] / sent["baseline"]
    return [
        Row("map bytes as sent (ours: the map resource; naive: the map st_folium sends)", "kB",
            sent["ours"] / 1000, sent["baseline"] / 1000, f"<= {PAYLOAD_TARGET} of baseline",
            ratio <= PAYLOAD_TARGET),
        Row("map bytes as sent, gzip-compressed", "kB",
            payload["sent_gzip_bytes"]["ours"] / 1000,
            payload["sent_gzip_bytes"]["baseline"] / 1000),
        Row("map bytes, rendered standalone HTML", "kB",
            payload["html_bytes"]["ours"] / 1000, payload["html_bytes"]["baseline"] / 1000),
    ]  # fmt: skip


def server_rows(ours: list[dict[str, float]], baseline: list[dict[str, float]]) -> list[Row]:
    wall = median([run["wall_s"] for run in ours])
    return [
        Row("township click re-run, server script wall time (AppTest)", "s", wall,
            median([run["wall_s"] for run in baseline]), "< 0.3 s",
            _below(wall, CLICK_SERVER_TARGET_S)),
        Row("township click re-run, server CPU time (AppTest)", "s",
            median([run["cpu_s"] for run in ours]), median([run["cpu_s"] for run in baseline])),
    ]  # fmt: skip


def open_bytes(visits: list[dict[str, Any]]) -> float:
    """Median bytes received at page open (HTTP + websocket)."""
    return median_of(visits, "open_http_bytes") + median_of(visits, "open_ws_bytes")


def browser_rows(ours: dict[str, Any], baseline: dict[str, Any],
                 floor: dict[str, Any] | None = None) -> list[Row]:
    o, b = ours["visits"], baseline["visits"]
    f = floor["visits"] if floor else None
    round_trips = max(visit["toggle_rerun_requests"] for visit in o)
    open_s, base_open_s = median_of(o, "open_s"), median_of(b, "open_s")
    click_s, base_click_s = median_of(o, "click_browser_s"), median_of(b, "click_browser_s")
    click_bytes = median_of(o, "click_ws_bytes")
    rss, base_rss = ours["peak_rss_bytes"] / 1e6, baseline["peak_rss_bytes"] / 1e6
    return [
        Row("page open -> 17 townships drawn", "s", open_s, base_open_s,
            f"<= {OPEN_TARGET}x baseline", _ratio_at_most(open_s, base_open_s, OPEN_TARGET),
            floor=median_of(f, "open_s") if f else None),
        Row("bytes received at page open (HTTP + websocket)", "kB", open_bytes(o) / 1000,
            open_bytes(b) / 1000, f"<= {OPEN_TARGET}x baseline",
            _ratio_at_most(open_bytes(o), open_bytes(b), OPEN_TARGET),
            floor=open_bytes(f) / 1000 if f else None),
        Row("township click -> panel updated (browser)", "s", click_s, base_click_s,
            f"<= {CLICK_BROWSER_TARGET}x baseline",
            _ratio_at_most(click_s, base_click_s, CLICK_BROWSER_TARGET)),
        Row("township click re-run, script time the server reports (page profile)", "s",
            median_of(o, "click_script_s"), median_of(b, "click_script_s"), "< 0.3 s",
            _below(median_of(o, "click_script_s"), CLICK_SERVER_TARGET_S)),
        Row("township click re-run seen at the websocket (Chromium on the same CPUs)", "s",
            median_of(o, "click_server_s"), median_of(b, "click_server_s")),
        Row("websocket bytes received per township click (whole re-run)", "kB",
            click_bytes / 1000, median_of(b, "click_ws_bytes") / 1000,
            f"<= {CLICK_WS_BYTES_TARGET / 1000:g} kB", click_bytes <= CLICK_WS_BYTES_TARGET),
        Row("  of which the map component's message (its arguments)", "kB",
            median_of(o, "click_map_ws_bytes") / 1000,
            median_of(b, "click_map_ws_bytes") / 1000),
        Row("layer toggle off -> townships gone", "s",
            median_of(o, "toggle_s"), median_of(b, "toggle_s")),
        Row("round trips per layer toggle off+on (max over visits)", "count",
            round_trips, max(visit["toggle_rerun_requests"] for visit in b), "0",
            round_trips == TOGGLE_ROUND_TRIPS_TARGET),
        Row("peak RSS of the Streamlit process tree", "MB", rss, base_rss,
            f"<= {PEAK_RSS_TARGET}x baseline", _ratio_at_most(rss, base_rss, PEAK_RSS_TARGET)),
    ]  # fmt: skip


def summary(payload: dict[str, dict[str, float]], ours: dict[str, Any],
            baseline: dict[str, Any], floor: dict[str, Any]) -> dict[str, float | None]:
    """The figures issue 9 asks for, machine-readable (ratios: ours / naive app, or / floor)."""
    o, b, f = ours["visits"], baseline["visits"], floor["visits"]

    def ratio(ours_value: float | None, other: float | None) -> float | None:
        return ours_value / other if ours_value is not None and other else None

    return {
        "open_s_ratio": ratio(median_of(o, "open_s"), median_of(b, "open_s")),
        "open_bytes_ratio": ratio(open_bytes(o), open_bytes(b)),
        "open_s_floor_ratio": ratio(median_of(o, "open_s"), median_of(f, "open_s")),
        "open_bytes_floor_ratio": ratio(open_bytes(o), open_bytes(f)),
        "click_ws_bytes": median_of(o, "click_ws_bytes"),
        "click_map_ws_bytes": median_of(o, "click_map_ws_bytes"),
        "click_browser_s_ratio": ratio(median_of(o, "click_browser_s"),
                                       median_of(b, "click_browser_s")),
        "peak_rss_ratio": ratio(ours["peak_rss_bytes"], baseline["peak_rss_bytes"]),
        "map_bytes_ratio": payload["sent_bytes"]["ratio"],
    }


def _cell(value: float | None, digits: int = 3) -> str:
    if value is None:
        return "-"
    if float(value).is_integer() or abs(value) >= 10**digits:
        return f"{value:.0f}"
    return f"{value:.{digits}g}"


HEADER = ("metric", "unit", "ours", "baseline", "ratio", "floor", "ours/floor", "target", "met")


def _cells(rows: list[Row]) -> list[tuple[str, ...]]:
    return [
        (
            row.metric,
            row.unit,
            _cell(row.ours),
            _cell(row.baseline),
            _cell(row.ratio, 2),
            _cell(row.floor),
            _cell(row.floor_ratio, 2),
            row.target,
            "" if row.met is None else ("yes" if row.met else "NO"),
        )
        for row in rows
    ]


def table(rows: list[Row]) -> str:
    """Plain-text table: metric, unit, ours, baseline, ratio, floor, ours/floor, target, met."""
    body = _cells(rows)
    widths = [max(len(line[i]) for line in (HEADER, *body)) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
             for line in (HEADER, *body)]  # fmt: skip
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(rows: list[Row]) -> str:
    """The same table in Markdown, for docs/benchmark.md."""
    lines = [HEADER, tuple("---" for _ in HEADER), *_cells(rows)]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)
