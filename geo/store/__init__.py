"""The version store: every imported version of every layer, the current pointer, accounts and
the audit log, behind one interface. The viewer's read path (geo.datastore) and the admin tools
(geo.admin) both depend on this package, never on each other.

`open_store()` is the one way in: it returns the deployment's store.
"""

from geo.store.settings import store_path
from geo.store.sqlite import VersionStore


def open_store() -> VersionStore:
    """The deployment's version store."""
    return VersionStore(store_path())
