"""Accounts: argon2 hashes (never the clear password), roles, the CLI, private store files,
session invalidation and the audit rows of account changes."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from geo.admin.accounts import (
    ADMIN,
    EDITOR,
    IMPORT,
    MANAGE_ACCOUNTS,
    READ_AUDIT,
    ROLLBACK,
    VIEWER,
    AccountError,
    Accounts,
    Policy,
    may,
)
from geo.paths import PROJECT_ROOT
from geo.store import open_store
from tests.store_support import change_audit_directly, everything_stored

pytestmark = pytest.mark.both_backends
PASSWORD = "Tr0ub4dor&3-horse-staple"
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # fast, same code path



class FakeClock:
    """Epoch seconds that move only when a test says so."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _accounts(clock: FakeClock | None = None) -> Accounts:
    return Accounts(open_store(), clock or FakeClock(), Policy(), CHEAP)


def test_passwords_are_stored_as_argon2_hashes_only(admin_dir: Path) -> None:
    clock = FakeClock()
    accounts = _accounts(clock)
    accounts.add("王工", EDITOR, PASSWORD, "cli:test", "cli", ("townships",))
    accounts.set_password("王工", PASSWORD + "-2", "cli:test", "cli")
    assert accounts.authenticate("王工", PASSWORD, "10.0.0.9").reason == "failed"  # the old one
    clock.advance(1)
    stored = accounts.store.account("王工")
    assert stored.password_hash.startswith("$argon2id$")
    assert accounts.authenticate("王工", PASSWORD + "-2", "10.0.0.9").session is not None
    everything = everything_stored(admin_dir)
    assert PASSWORD.encode() not in everything and "王工".encode() in everything
    for row in accounts.store.audit_entries():
        assert PASSWORD not in " ".join(str(v) for v in row.values())


@pytest.mark.sqlite_only
def test_store_files_are_private(admin_dir: Path) -> None:
    _accounts().add("alice", ADMIN, PASSWORD, "cli:test", "cli")
    files = [p for p in admin_dir.iterdir() if p.name.startswith("versions.sqlite")]
    assert files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o027 == 0, path
    assert stat.S_IMODE(admin_dir.stat().st_mode) & 0o077 == 0


@pytest.mark.sqlite_only
def test_an_older_world_readable_store_is_made_private(admin_dir: Path) -> None:
    admin_dir.mkdir()
    path = admin_dir / "versions.sqlite"
    path.touch()
    os.chmod(path, 0o644)
    _accounts().add("alice", ADMIN, PASSWORD, "cli:test", "cli")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("password, problem", [
    ("short", "at least 12"), ("alice-and-more-chars", "account name"), ("x" * 2000, "at most"),
])
def test_password_rules(password: str, problem: str) -> None:
    with pytest.raises(AccountError, match=problem):
        _accounts().add("alice", ADMIN, password, "cli:test", "cli")
    assert _accounts().store.account("alice") is None


def test_account_names_roles_and_layers_are_checked() -> None:
    accounts = _accounts()
    for name, role, layers, problem in (("a b", ADMIN, None, "without spaces"),
                                        ("bob", "root", None, "role must be"),
                                        ("bob", EDITOR, ("roads",), "unknown layers")):
        with pytest.raises(AccountError, match=problem):
            accounts.add(name, role, PASSWORD, "cli:test", "cli", layers)
    accounts.add("bob", EDITOR, PASSWORD, "cli:test", "cli")
    with pytest.raises(AccountError, match="exists"):
        accounts.add("bob", VIEWER, PASSWORD, "cli:test", "cli")


def test_what_each_role_may_do() -> None:
    for action in (IMPORT, ROLLBACK, MANAGE_ACCOUNTS, READ_AUDIT):
        assert may(ADMIN, ("*",), action, "redline")
        assert not may(VIEWER, ("*",), action, "redline")
    assert may(EDITOR, ("*",), IMPORT, "redline") and may(EDITOR, ("*",), ROLLBACK, "county")
    assert may(EDITOR, ("townships",), IMPORT, "townships")
    assert not may(EDITOR, ("townships",), IMPORT, "redline")
    assert not may(EDITOR, ("townships",), ROLLBACK, "redline")
    assert not may(EDITOR, ("*",), MANAGE_ACCOUNTS) and not may(EDITOR, ("*",), READ_AUDIT)


def test_a_new_password_or_disabling_ends_the_other_sessions() -> None:
    accounts = _accounts()
    accounts.add("alice", ADMIN, PASSWORD, "cli:test", "cli")
    phone = accounts.authenticate("alice", PASSWORD, "10.0.0.1").session
    desk = accounts.authenticate("alice", PASSWORD, "10.0.0.2").session
    assert accounts.current(phone) == phone and accounts.current(desk) == desk

    accounts.set_password("alice", PASSWORD + "!", "alice", "10.0.0.2")
    desk = accounts.renewed(desk)  # the session that changed it stays in
    assert accounts.current(phone) is None
    assert accounts.current(desk) == desk

    accounts.set_disabled("alice", True, "cli:test", "cli")
    assert accounts.current(desk) is None
    assert accounts.authenticate("alice", PASSWORD + "!", "10.0.0.2").reason == "failed"
    accounts.clock.advance(1)
    accounts.set_disabled("alice", False, "cli:test", "cli")
    assert accounts.current(desk) is None  # an ended session stays ended
    assert accounts.authenticate("alice", PASSWORD + "!", "10.0.0.2").session is not None


def test_role_change_and_removal_end_sessions() -> None:
    accounts = _accounts()
    accounts.add("bob", EDITOR, PASSWORD, "cli:test", "cli")
    session = accounts.authenticate("bob", PASSWORD, "10.0.0.1").session
    accounts.set_role("bob", VIEWER, "cli:test", "cli")
    assert accounts.current(session) is None
    session = accounts.authenticate("bob", PASSWORD, "10.0.0.1").session
    assert session.role == VIEWER
    accounts.remove("bob", "cli:test", "cli")
    assert accounts.current(session) is None


def test_the_shared_password_works_only_until_the_first_account() -> None:
    accounts = _accounts()
    session = accounts.authenticate_bootstrap("shared-secret", "shared-secret", "10.0.0.1").session
    assert session is not None and session.role == ADMIN and session.name == "bootstrap"
    assert accounts.authenticate_bootstrap("nope", "shared-secret", "10.0.0.1").session is None
    accounts.clock.advance(2)
    accounts.add("alice", ADMIN, PASSWORD, "bootstrap", "10.0.0.1")
    assert accounts.current(session) is None
    assert accounts.authenticate_bootstrap("shared-secret", "shared-secret",
                                           "10.0.0.3").session is None


def test_account_changes_are_audited() -> None:
    accounts = _accounts()
    accounts.add("bob", EDITOR, PASSWORD, "alice", "10.0.0.7", ("townships",))
    accounts.set_password("bob", PASSWORD + "2", "alice", "10.0.0.7")
    accounts.set_disabled("bob", True, "alice", "10.0.0.7")
    accounts.set_disabled("bob", False, "alice", "10.0.0.7")
    accounts.unlock("bob", "alice", "10.0.0.7")
    accounts.remove("bob", "alice", "10.0.0.7")
    rows = list(reversed(accounts.store.audit_entries()))
    assert [r["action"] for r in rows] == ["account-add", "account-passwd", "account-disable",
                                           "account-enable", "unlock", "account-remove"]
    assert {(r["admin"], r["client"], r["outcome"]) for r in rows} == {("alice", "10.0.0.7",
                                                                        "ok")}
    assert rows[0]["detail"] == "bob: role editor, layers townships"
    assert all(r["at"].endswith("+00:00") for r in rows)


def test_the_audit_log_is_append_only() -> None:
    accounts = _accounts()
    accounts.add("alice", ADMIN, PASSWORD, "cli:test", "cli")
    for statement in ("UPDATE audit SET admin = 'mallory'", "DELETE FROM audit"):
        with pytest.raises(Exception, match="append-only"):
            change_audit_directly(statement)
    assert accounts.store.audit_entries()[0]["admin"] == "cli:test"


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo.admin", "users", *args], input=stdin,
                          capture_output=True, text=True, cwd=PROJECT_ROOT, env=os.environ,
                          timeout=120)


def test_cli_manages_accounts_with_the_password_from_stdin(admin_dir: Path) -> None:
    added = _cli("add", "alice", "--role", "admin", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stdout + added.stderr
    assert "CREATED alice (admin" in added.stdout and PASSWORD not in added.stdout
    assert _cli("add", "bob", "--role", "editor", "--layers", "townships,redline",
                stdin=PASSWORD + "\n").returncode == 0
    assert _cli("add", "carol", "--role", "viewer", stdin="short\n").returncode == 1
    refused = _cli("add", "dave", "--role", "editor", "--layers", "roads")  # no password given
    assert refused.returncode == 1 and "unknown layers" in refused.stdout
    assert _cli("disable", "bob").returncode == 0
    listed = _cli("list").stdout.splitlines()
    assert listed[0].startswith("alice\tadmin\t*\tenabled")
    assert listed[1].startswith("bob\teditor\tredline,townships\tdisabled")
    assert len(listed) == 2
    assert _cli("passwd", "alice", stdin=PASSWORD + "-new\n").returncode == 0
    assert _cli("remove", "bob").returncode == 0
    assert _cli("remove", "bob").stdout.startswith("错误 ERROR: 没有账号 bob")
    accounts = _accounts()
    assert accounts.authenticate("alice", PASSWORD + "-new", "cli").session is not None
    assert PASSWORD.encode() not in everything_stored(admin_dir)
    actors = {r["admin"] for r in accounts.store.audit_entries()
              if r["action"] not in ("login", "account-rehash")}  # rehash: CHEAP parameters
    assert len(actors) == 1 and actors.pop().startswith("cli:")
