"""Server time of one site check (issue 15): a 1 000-vertex polygon across two townships, the
whole report (townships, villages, red line, plan, distances), JSON-ready; median of runs after
one warm-up (layers and the plan are loaded once per process, as in the app)."""

import math
from time import perf_counter

import shapely

from bench.report import Row, median
from geo import datastore
from geo.site.check import check_site
from geo.site.inputs import drawn

SITE_VERTICES = 1_000
SITE_CHECK_TARGET_S = 1.0  # a planner waits for the report under a second (server side)


def site_polygon(vertices: int = SITE_VERTICES) -> shapely.Polygon:
    """A wavy ring of `vertices` points (about 2 km across) on the 洣水镇 / 吴集镇 border."""
    townships = datastore.load_layer("townships").set_index("name")
    border = townships.loc["洣水镇"].geometry.boundary.intersection(
        townships.loc["吴集镇"].geometry.boundary)
    centre = max(shapely.get_parts(shapely.line_merge(border)), key=lambda g: g.length)
    centre = centre.interpolate(0.5, normalized=True)
    ring = []
    for i in range(vertices):
        angle = 2 * math.pi * i / vertices
        radius = 0.01 * (1 + 0.15 * math.sin(7 * angle))
        ring.append((centre.x + radius * math.cos(angle), centre.y + radius * math.sin(angle)))
    return shapely.Polygon(ring)


def site_check_seconds(runs: int) -> list[float]:
    """Wall time of `runs` checks of the same site (after one warm-up check)."""
    site = drawn(site_polygon())
    check_site(site)
    times = []
    for _ in range(runs):
        start = perf_counter()
        check_site(site)
        times.append(perf_counter() - start)
    return times


def site_check_row(times: list[float]) -> Row:
    """The benchmark table's row: median check time against the target."""
    value = median(times)
    return Row(f"site check, {SITE_VERTICES}-vertex polygon (median)", "s", value,
               target=f"< {SITE_CHECK_TARGET_S:g} s",
               met=value is not None and value < SITE_CHECK_TARGET_S)
