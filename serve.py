"""The viewer with its health route: `streamlit run serve.py` (what scripts/run.sh starts).

app.py is the Streamlit script; this wraps it in st.App to add `GET /healthz`, which answers
200 {"status": "ok"} or 200 {"status": "degraded", ...} (an imported layer is served from a
fallback: the store cannot be read or a version failed its checksum), and 503
{"status": "broken", ...} when a piece the viewer needs is missing (static/vendor, data/).
Streamlit's own /_stcore/health only says that the server is up.
It also serves the map and facts resources at /resources/maps/<name> with an immutable cache
header and 304 answers (ui/resource_route.py); under `streamlit run app.py` they come from the
static files instead.
"""

import os

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ui.health import report
from ui.map_resource import ROUTE_ENV
from ui.resource_route import ROUTE_PATH, serve_resource

HEALTH_PATH = "/healthz"


async def health(_request: Request) -> JSONResponse:
    """The viewer's state as JSON (checks read files and SQLite: off the event loop)."""
    result = await run_in_threadpool(report)
    return JSONResponse(result, status_code=503 if result["status"] == "broken" else 200)


os.environ[ROUTE_ENV] = "1"  # the app names the resources by the route below (same process)
app = st.App("app.py", routes=[Route(HEALTH_PATH, health),
                               Route(ROUTE_PATH, serve_resource, methods=["GET"])])
