"""One entry for every way a site arrives: a file path, pasted text, or bytes uploaded."""

import tempfile
from pathlib import Path, PurePath

from geo.site.coordinates import PASTED, parse_coordinates
from geo.site.files import read_site_file
from geo.site.inputs import SiteInput
from geo.site.zones import DEFAULT_ZONE


def site_from_path(path: Path, crs: str | None = None, zone_key: str = DEFAULT_ZONE,
                   as_line: bool = False) -> SiteInput:
    """A site file, or a text file of coordinates (.txt, .csv)."""
    if path.suffix.lower() in (".txt", ".csv"):
        return parse_coordinates(path.read_text(encoding="utf-8-sig"), zone_key, as_line,
                                 source=path.name)
    return read_site_file(path, path.name, crs, zone_key)


def site_from_upload(name: str, data: bytes, crs: str | None = None,
                     zone_key: str = DEFAULT_ZONE) -> SiteInput:
    """An uploaded file, read from a private temporary copy that is deleted afterwards."""
    suffix = PurePath(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="hengdong-site-") as folder:
        path = Path(folder) / f"site{suffix}"
        path.write_bytes(data)
        if suffix in (".txt", ".csv"):
            return parse_coordinates(data.decode("utf-8-sig", errors="replace"), zone_key,
                                     source=name)
        return read_site_file(path, name, crs, zone_key)


def site_from_text(text: str, zone_key: str = DEFAULT_ZONE, as_line: bool = False,
                   source: str = PASTED) -> SiteInput:
    """Pasted coordinates."""
    return parse_coordinates(text, zone_key, as_line, source)
