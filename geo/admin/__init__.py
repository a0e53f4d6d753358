"""Admin updates: replace a layer with official data, validated, versioned and reversible.

Entry points: `geo.admin.service` (validate / import / rollback / history, used by the CLI
`python -m geo.admin` and the admin page `ui/admin_page.py`) and `geo.admin.store` (the SQLite
version store that `geo.datastore` reads).
"""
