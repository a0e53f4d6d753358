"""The version store: every imported version of every layer, the current pointer, accounts and
the audit log, behind one interface with two backends: an SQLite file under HENGDONG_ADMIN_DIR
(the default, geo.store.sqlite) and PostgreSQL + PostGIS when HENGDONG_DATABASE_URL is set
(geo.store.postgis, imported only then: psycopg and libpq cost the viewer ~25 MB). The viewer's
read path (geo.datastore) and the admin tools (geo.admin) both depend on this package, never on
each other.

`open_store()` is the one way in: it returns the deployment's store.
"""

from typing import TYPE_CHECKING

from geo.store.settings import database_url, store_path
from geo.store.sqlite import VersionStore

if TYPE_CHECKING:
    from geo.store.postgis import PostgisStore

    Store = VersionStore | PostgisStore


def open_store(url: str | None = None) -> "Store":
    """The store at `url` (postgresql://…), else the deployment's (HENGDONG_DATABASE_URL, else
    the SQLite file under HENGDONG_ADMIN_DIR)."""
    url = url or database_url()
    if url is None:
        return VersionStore(store_path())
    from geo.store.postgis import PostgisStore

    return PostgisStore(url)
