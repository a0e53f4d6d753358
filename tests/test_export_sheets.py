"""`python -m geo.export map|atlas`: files written, names checked, offline, atlas pages."""

from __future__ import annotations

import ipaddress
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from geo.export import main
from geo.paths import PROJECT_ROOT
from geo.plan.current import plan


def _is_local(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else str(address)
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every connection to anything but this machine fails, as on an intranet without internet."""
    blocked: list[object] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        if not _is_local(address):
            blocked.append(address)
            raise OSError(f"blocked by the test: {address}")
        real_connect(self, address)

    def getaddrinfo(host: str, *args: object, **kwargs: object) -> list:
        if not _is_local((host,)):
            blocked.append(host)
            raise socket.gaierror(f"blocked by the test: {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return blocked


def test_sheet_is_printed_with_every_outside_request_blocked(
    tmp_path: Path, offline: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "county.pdf"
    assert main(["map", "--view", "county", "--dpi", "50", "--date", "2026-01-02",
                 "--tiles", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                 "--tiles-credit", "© OpenStreetMap contributors", "--out", str(out)]) == 0
    assert offline, "the basemap should have tried (and failed) to reach the tile server"
    text = PdfReader(out).pages[0].extract_text()
    assert "底图瓦片无法获取" in text and "2026-01-02" in text
    assert "basemap not drawn" in capsys.readouterr().err


def test_png_at_the_chosen_dpi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    out = tmp_path / "t.png"
    assert main(["map", "--view", "township", "--township", "荣桓镇", "--dpi", "40",
                 "--orientation", "landscape", "--title", "荣桓镇测试", "--out", str(out)]) == 0
    width, height = Image.open(out).size
    assert width == pytest.approx(297 / 25.4 * 40, abs=1)  # matplotlib truncates
    assert height == pytest.approx(210 / 25.4 * 40, abs=1)
    assert "荣桓镇测试" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "named"),
    [(["--view", "township", "--township", "荣恒镇"], "荣桓镇"),
     (["--view", "industry", "--industry", "柑橘"], "柑桔"),
     (["--view", "township"], "--township")],
)
def test_unknown_names_exit_non_zero_naming_the_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], named: str
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["map", *args, "--out", str(out)]) != 0
    assert named in capsys.readouterr().err
    assert not out.exists()


def test_overlays_option_prints_the_overlays_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "infra.pdf"
    assert main(["map", "--view", "county", "--dpi", "40", "--overlays",
                 "admin_areas,infrastructure", "--out", str(out)]) == 0
    text = PdfReader(out).pages[0].extract_text().replace("\n", "")
    assert "水 水利供水（示意）" in text and "河西新区（近似）" in text
    assert "城镇体系" not in text and "半小时核心发展圈" not in text  # town_system not asked
    with pytest.raises(SystemExit) as exit_info:
        main(["map", "--overlays", "admin_areas,roads", "--out", str(tmp_path / "x.pdf")])
    assert exit_info.value.code != 0
    error = capsys.readouterr().err
    assert "unknown overlay roads" in error and "infrastructure" in error
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("command", ["map", "atlas"])
def test_an_output_folder_that_does_not_exist_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    out = tmp_path / "no-such-folder" / "x.pdf"
    assert main([command, "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert "no folder" in error and str(out.parent) in error
    assert not out.parent.exists()


def test_printing_imports_matplotlib_only_when_drawing() -> None:
    code = ("import sys, geo.export, geo.sheets.sheet, geo.sheets.atlas, ui.print_dialog; "
            "print('matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.fixture(scope="module")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    out = tmp_path_factory.mktemp("atlas") / "衡东县乡镇图集.pdf"
    assert main(["atlas", "--paper", "A4", "--date", "2026-02-03", "--out", str(out)]) == 0
    return PdfReader(out)


def test_atlas_has_a_cover_contents_and_a_sheet_per_township(atlas: PdfReader) -> None:
    townships = sorted(plan().townships, key=lambda t: t.code)
    pages = [page.extract_text() for page in atlas.pages]
    assert len(pages) == 1 + 1 + len(townships) == 19  # 18 sheets and the contents
    assert "衡东县乡镇图集" in pages[0] and "图例" in pages[0]
    contents = pages[1]
    assert "目录" in contents
    for number, township in enumerate(townships, start=3):
        assert township.name in contents
        page = pages[number - 1]
        assert f"{township.name}规划要素图" in page
        assert f"第 {number} 页" in page
        assert "乡镇概况" in page and "出处" in page and "[1]" in page
        assert "比例尺" in page and "2026-02-03" in page
    for page in atlas.pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.5)
