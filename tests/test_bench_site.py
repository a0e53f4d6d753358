"""The benchmark's site-check part: a real 1 000-vertex polygon across two townships, timed."""

import shapely

from bench.site_time import SITE_VERTICES, site_check_row, site_check_seconds, site_polygon
from geo.site.check import check_site
from geo.site.inputs import drawn


def test_the_benchmark_site_has_1000_vertices_and_crosses_two_townships() -> None:
    polygon = site_polygon()
    assert shapely.get_num_coordinates(polygon) == SITE_VERTICES + 1 and polygon.is_valid
    names = {i["name"] for i in check_site(drawn(polygon))["townships"]["items"]}
    assert {"洣水镇", "吴集镇"} <= names


def test_the_row_reports_the_median_and_the_target() -> None:
    times = site_check_seconds(3)
    assert len(times) == 3 and all(t > 0 for t in times)
    row = site_check_row([0.2, 0.1, 0.3])
    assert row.ours == 0.2 and row.met is True and row.unit == "s"
    assert site_check_row([2.0]).met is False
