"""The map and facts resources over our own route (serve.py): `GET /resources/maps/<name>`
answers with `Cache-Control: public, max-age=31536000, immutable` (the name is the version:
its content hash) and a strong ETag, and a revalidation (`If-None-Match`) costs a 304 without
the body. Streamlit's static serving (what `streamlit run app.py` uses) sends neither.
Compression: Streamlit's gzip middleware does not wrap the routes st.App adds, so this route
gzips itself, once per name (the content of a name never changes)."""

import gzip
import re
from functools import lru_cache
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ui import map_resource

ROUTE_PATH = f"{map_resource.ROUTE_URL}/{{name}}"
IMMUTABLE = "public, max-age=31536000, immutable"
_NAME = re.compile(r"^[a-z_]+-[a-z]{2}-([0-9a-f]{16})\.(js|json)$")
_MEDIA_TYPES = {"js": "application/javascript", "json": "application/json"}


def _matches(if_none_match: str, etag: str) -> bool:
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


@lru_cache(maxsize=16)
def _gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


async def serve_resource(request: Request) -> Response:
    """One resource by its content-addressed name; 404 for any other name."""
    name = request.path_params["name"]
    found = _NAME.match(name)
    path = map_resource.MAPS_DIR / name
    if not found or not path.is_file():
        return Response("not found", status_code=404, media_type="text/plain")
    etag = f'"{found[1]}"'
    headers = {"ETag": etag, "Cache-Control": IMMUTABLE, "X-Content-Type-Options": "nosniff",
               "Vary": "Accept-Encoding"}
    if _matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        body = await run_in_threadpool(_gzipped, path)
        headers["Content-Encoding"] = "gzip"
    else:
        body = await run_in_threadpool(path.read_bytes)
    return Response(body, media_type=_MEDIA_TYPES[found[2]], headers=headers)
