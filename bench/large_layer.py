"""A deterministic synthetic official red line (生态保护红线) of ~20 000 parcels, ~40 MB GeoJSON,
for the tests and the benchmark's "large official layer" scenario. It is not real data: each
parcel is a star-shaped polygon (88 vertices, radius wobbling by a seeded noise) inside one cell
of a regular grid laid over the county (the committed open-source outline), so the parcels are
valid, never touch each other, and all lie inside the county.

    python -m bench.large_layer OUT.geojson [--parcels N]    # writes the file, prints its size

Never committed: generated into a temporary directory where it is needed.
"""

import argparse
import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo import datastore

PARCELS = 20_000
VERTICES = 88  # about 2 kB of GeoJSON per parcel: 20 000 parcels are ~40 MB
SEED = 16  # issue 16
METRIC_CRS = "EPSG:4547"  # CGCS2000 3-degree Gauss-Krüger CM 114E, the county's zone
FILL = 0.42  # parcel radius as a share of the cell size (the cells never touch)
KINDS = ("水源涵养", "生物多样性维护", "水土保持", "水土流失")


def _cells(county: shapely.Geometry, parcels: int) -> tuple[np.ndarray, float]:
    """Centres of grid cells wholly inside the county (row by row, south to north), and the
    cell size, chosen so that at least `parcels` cells fit."""
    size = math.sqrt(county.area / parcels)
    while True:
        west, south, east, north = county.bounds
        xs = np.arange(west + size / 2, east, size)
        ys = np.arange(south + size / 2, north, size)
        grid = np.array([(x, y) for y in ys for x in xs])
        squares = shapely.box(grid[:, 0] - size / 2, grid[:, 1] - size / 2,
                              grid[:, 0] + size / 2, grid[:, 1] + size / 2)
        shapely.prepare(county)
        inside = grid[shapely.contains(county, squares)]
        if len(inside) >= parcels:
            return inside[:parcels], size
        size *= 0.98


def parcels(count: int = PARCELS, seed: int = SEED) -> gpd.GeoDataFrame:
    """The synthetic red line as a frame in EPSG:4326, coordinates rounded to 6 decimals."""
    county_wgs84 = datastore.committed_layer("county").union_all()
    county = gpd.GeoSeries([county_wgs84], crs=4326).to_crs(METRIC_CRS).iloc[0]
    centres, size = _cells(county, count)
    rng = np.random.default_rng(seed)
    angles = np.linspace(0, 2 * np.pi, VERTICES, endpoint=False)
    # a smooth wobble per parcel: three random harmonics of the angle
    harmonics = np.arange(2, 5)
    amplitude = rng.uniform(0.02, 0.07, (count, harmonics.size))
    phase = rng.uniform(0, 2 * np.pi, (count, harmonics.size))
    wobble = (amplitude[:, :, None] * np.sin(harmonics[None, :, None] * angles[None, None, :]
                                             + phase[:, :, None])).sum(axis=1)
    radius = FILL * size * (1 + wobble)  # > 0: star-shaped rings are simple
    xs = centres[:, :1] + radius * np.cos(angles)
    ys = centres[:, 1:] + radius * np.sin(angles)
    rings = np.stack([xs, ys], axis=2)
    rings = np.concatenate([rings, rings[:, :1]], axis=1)  # closed
    metric = shapely.polygons(rings)
    geometries = gpd.GeoSeries(metric, crs=METRIC_CRS).to_crs(4326).values
    geometries = shapely.set_precision(geometries, 1e-6)
    kinds = rng.integers(0, len(KINDS), count)
    return gpd.GeoDataFrame({
        "code": [f"430424HX{i + 1:05d}" for i in range(count)],
        "type": [KINDS[k] for k in kinds],
    }, geometry=geometries, crs=4326)


def write(path: Path, count: int = PARCELS, seed: int = SEED) -> Path:
    """Write the synthetic red line as GeoJSON at `path` (the same bytes for the same
    arguments)."""
    frame = parcels(count, seed)
    features = [
        {"type": "Feature", "properties": {"code": code, "type": kind},
         "geometry": shapely.geometry.mapping(geometry)}
        for code, kind, geometry in zip(frame["code"], frame["type"], frame.geometry,
                                        strict=True)
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.large_layer", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--parcels", type=int, default=PARCELS)
    args = parser.parse_args()
    path = write(args.out, args.parcels)
    print(f"{path}: {args.parcels} parcels, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
