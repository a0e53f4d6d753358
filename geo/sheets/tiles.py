"""A tile basemap under the sheet: XYZ tiles (Web Mercator) fetched at the sheet's resolution
and resampled into the sheet's projection; when they cannot be fetched the sheet says so."""

from __future__ import annotations

import io
import math
import urllib.error
import urllib.request
from dataclasses import dataclass

import numpy as np
from pyproj import Transformer

from geo.basemaps import TileSource
from geo.coords import wgs84_to_gcj02

TILE_PX = 256
MAX_TILES = 400  # per layer; the zoom is lowered until the frame needs no more
TIMEOUT_S = 4.0
MERCATOR_M_PER_PX_Z0 = 2 * math.pi * 6378137 / TILE_PX


@dataclass
class Basemap:
    """What came of fetching: the resampled image (None when nothing could be drawn)."""

    image: np.ndarray | None
    total: int
    missing: int
    reason: str = ""


def zoom_for(m_per_px: float, lat: float, max_zoom: int) -> int:
    """The lowest zoom whose tiles are at least as fine as the sheet's pixels."""
    z = math.ceil(math.log2(MERCATOR_M_PER_PX_Z0 * math.cos(math.radians(lat)) / m_per_px))
    return max(0, min(max_zoom, z))


def _mercator_px(lon: np.ndarray, lat: np.ndarray, zoom: int) -> tuple[np.ndarray, np.ndarray]:
    n = TILE_PX * 2**zoom
    x = (lon + 180.0) / 360.0 * n
    rad = np.radians(lat)
    y = (1.0 - np.log(np.tan(rad) + 1.0 / np.cos(rad)) / math.pi) / 2.0 * n
    return x, y


def _url(source: TileSource, z: int, x: int, y: int) -> str:
    sub = source.subdomains[(x + y) % len(source.subdomains)] if source.subdomains else ""
    return (source.url.replace("{s}", sub).replace("{z}", str(z)).replace("{x}", str(x))
            .replace("{y}", str(y)))


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "hengdong-sheets/1"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        return response.read()


def _layer(source: TileSource, lon: np.ndarray, lat: np.ndarray, m_per_px: float
           ) -> tuple[np.ndarray | None, int, int, str]:
    """The layer sampled at (lon, lat) per output pixel: RGBA array, tiles, missing, reason."""
    from PIL import Image

    if source.gcj02:
        lon, lat = wgs84_to_gcj02(lon, lat)
    zoom = zoom_for(m_per_px, float(np.mean(lat)), source.max_zoom)
    while True:
        px, py = _mercator_px(lon, lat, zoom)
        x0, x1 = int(px.min() // TILE_PX), int(px.max() // TILE_PX)
        y0, y1 = int(py.min() // TILE_PX), int(py.max() // TILE_PX)
        if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES or zoom == 0:
            break
        zoom -= 1
    mosaic = Image.new("RGBA", ((x1 - x0 + 1) * TILE_PX, (y1 - y0 + 1) * TILE_PX))
    total, missing = (x1 - x0 + 1) * (y1 - y0 + 1), 0
    for ty in range(y0, y1 + 1):
        for tx in range(x0, x1 + 1):
            try:
                tile = Image.open(io.BytesIO(_fetch(_url(source, zoom, tx, ty)))).convert("RGBA")
            except urllib.error.HTTPError:
                missing += 1  # the server is there but has no such tile
                continue
            except (OSError, ValueError) as exc:  # no route, refused, timeout, not an image
                reason = getattr(exc, "reason", exc)
                return None, total, total, f"{type(exc).__name__}: {reason}"
            mosaic.paste(tile, ((tx - x0) * TILE_PX, (ty - y0) * TILE_PX))
    pixels = np.asarray(mosaic)
    cols = np.clip((px - x0 * TILE_PX).astype(int), 0, pixels.shape[1] - 1)
    rows = np.clip((py - y0 * TILE_PX).astype(int), 0, pixels.shape[0] - 1)
    return pixels[rows, cols], total, missing, ""


def fetch_basemap(sources: list[TileSource], crs: str, xlim: tuple[float, float],
                  ylim: tuple[float, float], size_px: tuple[int, int]) -> Basemap:
    """The basemap for a map frame (sheet CRS limits, output pixels), layers composited
    bottom first."""
    width, height = size_px
    xs = xlim[0] + (np.arange(width) + 0.5) * (xlim[1] - xlim[0]) / width
    ys = ylim[1] - (np.arange(height) + 0.5) * (ylim[1] - ylim[0]) / height  # top row first
    gx, gy = np.meshgrid(xs, ys)
    lon, lat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(gx, gy)
    m_per_px = (xlim[1] - xlim[0]) / width
    image = np.full((height, width, 4), 255, dtype=np.uint8)
    total = missing = 0
    for source in sources:
        layer, n, lost, reason = _layer(source, lon, lat, m_per_px)
        total, missing = total + n, missing + lost
        if layer is None:
            return Basemap(None, total, missing, reason)
        alpha = layer[..., 3:4].astype(np.float32) / 255
        image[..., :3] = (layer[..., :3] * alpha + image[..., :3] * (1 - alpha)).astype(np.uint8)
    if missing == total:
        return Basemap(None, total, missing, "no tiles")
    return Basemap(image, total, missing)
