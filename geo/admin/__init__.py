"""Admin updates: replace a layer with official data, validated, versioned and reversible.

Entry points: `geo.admin.service` (validate / import / rollback / history, used by the CLI
`python -m geo.admin` and the admin page `ui/admin_page.py`). Versions are kept in the store
(`geo.store`, which `geo.datastore` reads too); this package depends on it, never the reverse.
"""
