"""The data version: what identifies the layers served and the plan files, the one key every
cache of derived data (parsed layers, web geometry, map resource, search index, site check)
is kept on. A new admin import, a rollback or a plan edit gives a new version."""

from collections.abc import Callable, Hashable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

from geo import datastore, paths

P = ParamSpec("P")
R = TypeVar("R")


def layer_version(layer_id: str) -> str:
    """'<admin version>:<sha256>' of the layer's served version ('' for a layer not served):
    the key the datastore caches its parse on."""
    return datastore.version_of(layer_id)


def layers_version(layer_ids: tuple[str, ...] | None = None) -> str:
    """The versions of these layers (all served layers by default) as one string."""
    ids = datastore.layer_ids() if layer_ids is None else layer_ids
    return "|".join(f"{layer_id}={layer_version(layer_id)}" for layer_id in ids)


def plan_version() -> str:
    """The plan files data/plan/*.yaml: names, modification times and sizes (a few stat()s)."""
    files = sorted(paths.PLAN_DIR.glob("*.yaml"))
    return ";".join(f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in files)


def data_version() -> str:
    """Every served layer and the plan files as one string (a key for the whole map)."""
    return f"{layers_version()}|plan={plan_version()}"


def per_version(version: Callable[P, Hashable], maxsize: int = 8
                ) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function on its arguments and on version(*arguments): computed once per data
    version (shared: callers must not modify what it returns)."""
    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @lru_cache(maxsize=maxsize)
        def cached(key: tuple) -> R:
            _, args = key
            return function(*args)

        @wraps(function)
        def wrapper(*args: P.args) -> R:
            return cached((version(*args), args))

        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return wrapper

    return decorate
