"""Is this checkout able to serve the viewer? The pieces it needs, and the command that fixes each.

- browser assets: static/vendor/ (Leaflet, copied from node_modules by scripts/setup.sh) and the
  map's own static/map/ files;
- data/: the manifest, every layer file it lists (present, the checksum the build recorded),
  the plan data (parses);
- the version store: readable, every served version verified (else the app serves a fallback:
  "degraded", not "broken").

`report()` is what the health route (serve.py, `/healthz`) answers; `python -m ui.health`
prints it and exits 1 when broken. app.py shows missing_pieces() instead of the pages; the
result is cached on the files' stamps, so the check costs a few stat() calls per run.
"""

import hashlib
import json
import sys
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import streamlit as st

from geo import datastore, paths
from geo.plan import PlanDataError, load_plan
from layers.assets import HD_MAP_CSS, HD_MAP_JS, LOCAL_ASSETS, STATIC_DIR, STATIC_URL
from ui.i18n import Lang, t
from ui.text import plain

VENDOR_COMMAND = "bash scripts/setup.sh\n# 或 / or: npm ci && .venv/bin/python -m layers.assets"
DATA_COMMAND = ("git checkout -- data/\n# 或重新构建 / or rebuild: "
                ".venv/bin/python -m geo.build --sources ../shared/sources --out data")


@dataclass(frozen=True)
class Missing:
    """A piece the viewer cannot work without, and the command that restores it."""

    piece: str
    zh: str
    en: str
    fix: str


def _asset_problems() -> list[Missing]:
    problems = []
    for url in (*LOCAL_ASSETS.values(), HD_MAP_JS, HD_MAP_CSS):
        relative = url.removeprefix(f"{STATIC_URL}/")
        if not (STATIC_DIR / relative).is_file():
            vendored = relative.startswith("vendor/")
            problems.append(Missing(
                f"static/{relative}",
                f"地图组件文件 static/{relative} 缺失" + ("（未运行安装脚本）" if vendored else ""),
                f"the map's browser file static/{relative} is missing"
                + (" (setup was not run)" if vendored else ""),
                VENDOR_COMMAND if vendored else "git checkout -- static/map/"))
    return problems


def _data_problems() -> list[Missing]:
    manifest = paths.MANIFEST_PATH
    try:
        layers = json.loads(manifest.read_text(encoding="utf-8"))["layers"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        reason = "missing" if isinstance(error, FileNotFoundError) else "unreadable"
        said = "缺失" if reason == "missing" else "已损坏"
        return [Missing("data/manifest.json", f"数据清单 data/manifest.json {said}",
                        f"the data manifest data/manifest.json is {reason}", DATA_COMMAND)]
    problems = []
    for layer_id, entry in layers.items():
        relative = f"data/{entry['file']}"
        try:
            data = (paths.DATA_DIR / entry["file"]).read_bytes()
        except OSError:
            problems.append(Missing(relative, f"图层文件 {relative} 缺失（{layer_id}）",
                                    f"the layer file {relative} ({layer_id}) is missing",
                                    DATA_COMMAND))
            continue
        if entry.get("sha256") and hashlib.sha256(data).hexdigest() != entry["sha256"]:
            problems.append(Missing(relative,
                                    f"图层文件 {relative} 与数据清单的校验和不符（已损坏或被改动）",
                                    f"the layer file {relative} does not match the checksum in "
                                    "the manifest (damaged or edited)", DATA_COMMAND))
    try:
        load_plan(paths.PLAN_DIR)
    except (OSError, PlanDataError, ValueError) as error:
        problems.append(Missing("data/plan/", f"规划数据 data/plan/ 无法读取（{error}）",
                                f"the plan data in data/plan/ cannot be read ({error})",
                                DATA_COMMAND))
    return problems


def _stamp(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return str(path), stat.st_mtime_ns, stat.st_size


def _watched() -> tuple:
    files = [STATIC_DIR / u.removeprefix(f"{STATIC_URL}/")
             for u in (*LOCAL_ASSETS.values(), HD_MAP_JS, HD_MAP_CSS)]
    files += [paths.MANIFEST_PATH, *sorted(paths.LAYERS_DIR.glob("*")),
              *sorted(paths.PLAN_DIR.glob("*"))]
    return tuple(_stamp(f) for f in files)


@lru_cache(maxsize=4)
def _missing_for(_stamps: tuple) -> tuple[Missing, ...]:
    return tuple(_asset_problems() + _data_problems())


def missing_pieces() -> list[Missing]:
    """Everything the viewer cannot start without (empty: it can)."""
    return list(_missing_for(_watched()))


def render_missing_pieces(missing: list[Missing], lang: Lang) -> None:
    """One message instead of the pages: each missing piece and the command that fixes it."""
    lines = [f"- {plain(m.en if lang == 'en' else m.zh)}" for m in missing]
    fixes = list(dict.fromkeys(m.fix for m in missing))
    st.error(f"**{t('missing_title', lang)}**\n\n" + "\n".join(lines))
    st.markdown(t("missing_fix", lang))
    for fix in fixes:
        st.code(fix, language="bash")


def report() -> dict[str, Any]:
    """ok / degraded (a store fallback is served) / broken (a piece is missing), with details."""
    missing = missing_pieces()
    troubles = {} if missing else datastore.store_troubles()
    status = "broken" if missing else "degraded" if troubles else "ok"
    return {
        "status": status,
        "missing": [asdict(m) for m in missing],
        "store": {layer_id: {"problem": type(trouble).__name__, "zh": trouble.zh,
                             "en": trouble.en,
                             "serving": "last good copy" if datastore.serving_last_good(layer_id)
                             else "open data"}
                  for layer_id, trouble in troubles.items()},
    }


def main() -> int:
    """Print the report as JSON; exit 1 when broken."""
    result = report()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 1 if result["status"] == "broken" else 0


if __name__ == "__main__":
    sys.exit(main())
