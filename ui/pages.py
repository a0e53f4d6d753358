"""The app's pages: the map viewer, the data administration page and the login."""

from ui.login import login_page as render_login_page
from ui.sidebar import current_lang
from ui.viewer import render_viewer_page


def viewer_page() -> None:
    """The map with its township panel, comparison table and downloads."""
    render_viewer_page(current_lang())


def admin_page() -> None:
    """Layer replacement by an administrator (ui/admin_page.py, owned by the admin module).

    Imported here, on first use: the import code (pyogrio/GDAL, pyproj transforms) stays out
    of a process that only serves the viewer."""
    from ui.admin_page import render_admin_page

    render_admin_page(current_lang())


def login_page() -> None:
    """The login, the only page when HENGDONG_REQUIRE_LOGIN=1 and nobody is logged in."""
    render_login_page(current_lang())
