"""Assemble data/manifest.json: provenance of inputs, metadata and checksums of layers."""

import hashlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

from geo.layer_catalog import INPUTS, LAYERS

GENERATOR = "geo.build (python -m geo.build --sources <dir> --out data)"


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def build_manifest(
    source_dir: Path,
    layer_texts: dict[str, str],
    feature_counts: dict[str, int],
    extras: dict[str, Any],
) -> dict[str, Any]:
    """The manifest for written layer texts; extras adds top-level keys (e.g. rejected_points)."""
    inputs = {
        name: {"sha256": sha256_of((source_dir / name).read_bytes()), **asdict(info)}
        for name, info in INPUTS.items()
    }
    layers = {}
    for layer_id, info in LAYERS.items():
        entry = asdict(info)
        entry["inputs"] = list(info.inputs)
        entry["file"] = f"layers/{layer_id}.geojson"
        entry["feature_count"] = feature_counts[layer_id]
        entry["sha256"] = sha256_of(layer_texts[layer_id].encode("utf-8"))
        layers[layer_id] = entry
    head = {"generator": GENERATOR, "crs": "EPSG:4326", "inputs": inputs, "layers": layers}
    return {**head, **extras}
