"""Search answer time: every township, village and site name of the index as a query (in
Chinese, and its pinyin initials), timed one by one; median and 95th percentile."""

import statistics
import subprocess
import sys
from time import perf_counter

from bench.report import Row
from geo import datastore
from geo.plan import load_plan
from geo.search import SearchIndex, all_names, build_index

SEARCH_TARGET_S = 0.1  # any query answered within 100 ms


def _queries(index: SearchIndex) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # already loaded by build_index

    names = list(dict.fromkeys(all_names(index)))
    initials = ["".join(lazy_pinyin(name, style=Style.FIRST_LETTER)) for name in names]
    return names + initials


def search_seconds() -> dict[str, float]:
    """Index build time, and median / 95th percentile / max answer time over all queries."""
    start = perf_counter()
    index = build_index(load_plan(), datastore.load_layer("villages"))
    build = perf_counter() - start
    times = []
    for query in _queries(index):
        start = perf_counter()
        index.query(query)
        times.append(perf_counter() - start)
    return {
        "index_build_s": build,
        "queries": len(times),
        "median_s": statistics.median(times),
        "p95_s": statistics.quantiles(times, n=20)[-1],
        "max_s": max(times),
        "pypinyin_import_bytes": pypinyin_import_bytes(),
    }


_RSS_OF_IMPORT = """
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
before = rss()
import pypinyin.core
print(rss() - before)
"""


def pypinyin_import_bytes() -> int:
    """Resident memory that importing pypinyin adds (its dictionaries), in a fresh process."""
    out = subprocess.run([sys.executable, "-c", _RSS_OF_IMPORT], capture_output=True,
                         text=True, check=True)
    return int(out.stdout)


def search_rows(figures: dict[str, float]) -> list[Row]:
    """The search rows of the benchmark table (times in ms)."""
    n = int(figures["queries"])
    return [
        Row(f"search answer, median of {n} queries", "ms", figures["median_s"] * 1000,
            target="< 100 ms", met=figures["median_s"] < SEARCH_TARGET_S),
        Row(f"search answer, 95th percentile of {n} queries", "ms", figures["p95_s"] * 1000,
            target="< 100 ms", met=figures["p95_s"] < SEARCH_TARGET_S),
        Row("search index build (once per data version)", "s", figures["index_build_s"]),
        Row("memory of the pinyin dictionaries (pypinyin import)", "MB",
            figures["pypinyin_import_bytes"] / 1e6),
    ]


if __name__ == "__main__":
    print(search_seconds())
