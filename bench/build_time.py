"""Wall time of the data build, `python -m geo.build`, into a throwaway directory."""

import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter

from geo.paths import PROJECT_ROOT

SOURCES = PROJECT_ROOT.parent / "shared" / "sources"


def build_seconds(sources: Path = SOURCES) -> float:
    """One full build of data/ from the raw sources (a fresh Python process, imports included)."""
    with tempfile.TemporaryDirectory() as out:
        start = perf_counter()
        subprocess.run(
            [sys.executable, "-m", "geo.build", "--sources", str(sources), "--out", out],
            cwd=PROJECT_ROOT, check=True, capture_output=True,
        )  # fmt: skip
        return perf_counter() - start
