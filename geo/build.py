"""Build the map layers and manifest from the raw sources.

    python -m geo.build --sources ../shared/sources --out data

Writes <out>/layers/<id>.geojson and <out>/manifest.json and nothing else. Everything is built
in a staging directory first; <out> changes only when the whole build succeeded.
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from geo.geojson_out import feature_collection_text, pretty_json
from geo.layer_builders import XIANG_RIVER_LEVEL, BuiltLayers, build_layers
from geo.manifest import build_manifest
from geo.partition import PartitionError
from geo.sources import (
    ADCODE_FILE,
    COUNTIES_FILE,
    RIVERS_FILE,
    SourceError,
    read_adcode_table,
    read_districts,
    read_river_lines,
)

SORT_KEYS = {
    "county": "code",
    "neighbours": "adcode",
    "townships": "code",
    "seats": "code",
    "villages": "code",
    "xiangjiang": "name",
}


def render(source_dir: Path) -> dict[str, str]:
    """File texts keyed by path relative to the output dir; raises SourceError/PartitionError."""
    districts = read_districts(source_dir / COUNTIES_FILE)
    table = read_adcode_table(source_dir / ADCODE_FILE)
    rivers = read_river_lines(source_dir / RIVERS_FILE, XIANG_RIVER_LEVEL)
    built: BuiltLayers = build_layers(source_dir, districts, table, rivers)
    layer_texts = {
        layer_id: feature_collection_text(features, SORT_KEYS[layer_id])
        for layer_id, features in built.features.items()
    }
    manifest = build_manifest(
        source_dir,
        layer_texts,
        {layer_id: len(features) for layer_id, features in built.features.items()},
        {
            "rejected_points": built.rejected_points,
            "development_zones": built.development_zones,
            "villages_without_coordinate": built.villages_without_coordinate,
        },
    )
    files = {f"layers/{layer_id}.geojson": text for layer_id, text in layer_texts.items()}
    files["manifest.json"] = pretty_json(manifest)
    return files


def _swap_into(staging: Path, out_dir: Path) -> None:
    """Replace out/layers and out/manifest.json by the staged ones, restoring on failure."""
    live_layers, backup = out_dir / "layers", staging / "previous-layers"
    if live_layers.exists():
        os.replace(live_layers, backup)
    try:
        os.replace(staging / "layers", live_layers)
        os.replace(staging / "manifest.json", out_dir / "manifest.json")
    except OSError:
        if backup.exists():
            if live_layers.exists():
                os.replace(live_layers, staging / "failed-layers")
            os.replace(backup, live_layers)
        raise


def write_atomically(files: dict[str, str], out_dir: Path) -> None:
    """Stage all files next to out_dir's content, then swap them in."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        _swap_into(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.build", description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, required=True, help="directory of raw sources")
    parser.add_argument("--out", type=Path, required=True, help="data directory to write")
    args = parser.parse_args(argv)
    try:
        files = render(args.sources)
    except (SourceError, PartitionError) as exc:
        print(f"build stopped: {exc}\nnothing in {args.out} was changed", file=sys.stderr)
        return 2
    write_atomically(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
