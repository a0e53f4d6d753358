"""deploy/nginx.conf as harness.nginx fills it in: Debian's nginx accepts it, each instance
has its upstream with the others as backups, and the route cookie names the one that answered."""

import subprocess
from pathlib import Path

import pytest

from harness.nginx import NGINX, SLOT, Upstream, render
from harness.topology import main

INSTANCES = [Upstream("a", "127.0.0.1", 8741), Upstream("b", "127.0.0.1", 8742)]


def test_nginx_accepts_the_filled_in_config(tmp_path: Path) -> None:
    if not NGINX.exists():
        pytest.skip("nginx missing: bash scripts/setup.sh --dev installs it")
    config = tmp_path / "nginx.conf"
    config.write_text(render(INSTANCES, "127.0.0.1:8740", tmp_path))
    checked = subprocess.run([str(NGINX), "-t", "-p", str(tmp_path), "-c", str(config)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_each_instance_falls_back_on_the_others() -> None:
    text = render(INSTANCES, "80", Path("/srv/nginx"))
    assert not SLOT.search(text)
    block_a = text[text.index("upstream hengdong_a {"):text.index("upstream hengdong_b {")]
    assert "server 127.0.0.1:8741 max_fails=1" in block_a
    assert "server 127.0.0.1:8742 backup;" in block_a
    assert "        b hengdong_b;" in text
    assert '127\\.0\\.0\\.1:8742$" "hengdong_route=b; Path=/; HttpOnly; SameSite=Lax";' in text
    assert "pid /srv/nginx/nginx.pid;" in text
    assert "client_max_body_size 101m;" in text


def test_instance_names_must_be_distinct_and_plain() -> None:
    with pytest.raises(ValueError, match="distinct names"):
        render([INSTANCES[0], Upstream("a", "127.0.0.1", 8742)], "80", Path("/x"))
    with pytest.raises(ValueError, match="distinct names"):
        render([Upstream("a;b", "127.0.0.1", 8741)], "80", Path("/x"))


def test_config_command_prints_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    main(["config", "--listen", "8080", "--instance", "a=10.0.0.5:8501",
          "--instance", "b=10.0.0.6:8501", "--prefix", "/var/lib/hengdong-nginx"])
    printed = capsys.readouterr().out
    assert "listen 8080;" in printed
    assert "server 10.0.0.6:8501 backup;" in printed
