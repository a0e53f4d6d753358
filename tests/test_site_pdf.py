"""The PDF report: a real PDF with the map page and the report text (pdftotext reads it back);
matplotlib is not imported for JSON and Markdown."""

import subprocess
import sys
from pathlib import Path

from geo.paths import PROJECT_ROOT
from geo.site.check import check_site
from geo.site.inputs import drawn
from geo.site.pdf import render_pdf
from tests.site_support import border_point, square


def test_pdf_has_the_map_page_and_the_report_text(tmp_path: Path) -> None:
    lon, lat = border_point("洣水镇", "吴集镇")
    data = render_pdf(check_site(drawn(square(lon, lat, 600))))
    assert data.startswith(b"%PDF")
    path = tmp_path / "site.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("选址初审报告", "洣水镇", "吴集镇", "无法核查", "初审参考，不作为审批依据",
                     "1 km"):
        assert expected in text
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                           check=True).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines()
                    if line.startswith("Pages:"))) >= 2


def test_json_and_markdown_do_not_import_matplotlib() -> None:
    code = ("import sys, geo.site.__main__, geo.site.check, geo.site.markdown; "
            "assert 'matplotlib' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True)
