"""Shared by the geodata tests: where the raw sources are and how to build into a directory."""

from pathlib import Path

from geo.build import main
from geo.paths import PROJECT_ROOT

SOURCES_DIR = PROJECT_ROOT.parent / "shared" / "sources"
LAYER_IDS = ("county", "neighbours", "townships", "seats", "villages", "xiangjiang")


def build_into(out_dir: Path, sources: Path = SOURCES_DIR) -> int:
    """Run the build command; returns its exit status."""
    return main(["--sources", str(sources), "--out", str(out_dir)])


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file below directory (relative path -> bytes), to compare before/after."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }
