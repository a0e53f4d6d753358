"""Login throttling with a fake clock: exponential delays, lockout after N failures in the
window, per account and per client, the same answer for a wrong name and a wrong password, a
lock an admin lifts, and the audit rows of each attempt."""


import pytest

from geo.admin.accounts import ADMIN, Accounts, Policy
from geo.store import open_store
from tests.test_admin_accounts import CHEAP, PASSWORD, FakeClock

pytestmark = pytest.mark.both_backends

POLICY = Policy(max_failures=5, window_s=15 * 60, lockout_s=15 * 60, base_delay_s=1.0)



@pytest.fixture()
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture()
def accounts(clock: FakeClock) -> Accounts:
    accounts = Accounts(open_store(), clock, POLICY, CHEAP)
    accounts.add("alice", ADMIN, PASSWORD, "cli:test", "cli")
    return accounts


def test_delays_double_after_each_failure(accounts: Accounts, clock: FakeClock) -> None:
    waits = []
    for _ in range(4):
        assert accounts.authenticate("alice", "wrong", "10.0.0.1").reason == "failed"
        early = accounts.authenticate("alice", PASSWORD, "10.0.0.1")  # too soon: not checked
        assert early.session is None and early.reason == "wait"
        waits.append(early.wait_s)
        clock.advance(early.wait_s - 0.01)
        assert accounts.authenticate("alice", PASSWORD, "10.0.0.1").reason == "wait"
        clock.advance(0.01)
    assert waits == [1.0, 2.0, 4.0, 8.0]
    assert accounts.authenticate("alice", PASSWORD, "10.0.0.1").session is not None


def test_five_failures_lock_the_account_even_for_the_right_password(
        accounts: Accounts, clock: FakeClock) -> None:
    for attempt in range(5):
        result = accounts.authenticate("alice", f"guess {attempt}", f"10.0.1.{attempt}")
        clock.advance(60)
    assert result.reason == "locked" and result.wait_s == 15 * 60
    right = accounts.authenticate("alice", PASSWORD, "10.0.2.1")  # another client
    assert right.session is None and right.reason == "locked"
    assert right.wait_s == pytest.approx(15 * 60 - 60)
    clock.advance(15 * 60 - 60 - 1)
    assert accounts.authenticate("alice", PASSWORD, "10.0.2.1").reason == "locked"
    clock.advance(1)
    assert accounts.authenticate("alice", PASSWORD, "10.0.2.1").session is not None


def test_failures_outside_the_window_do_not_count(accounts: Accounts, clock: FakeClock) -> None:
    for _ in range(4):
        accounts.authenticate("alice", "wrong", "10.0.0.1")
        clock.advance(5 * 60)  # 4 failures spread over 20 minutes: at most 3 in any window
    assert accounts.authenticate("alice", "wrong", "10.0.0.1").reason == "failed"
    clock.advance(5 * 60)
    assert accounts.authenticate("alice", PASSWORD, "10.0.0.1").session is not None


def test_a_client_guessing_many_names_is_locked(accounts: Accounts, clock: FakeClock) -> None:
    for name in ("a1", "a2", "a3", "a4", "a5"):
        accounts.authenticate(name, "wrong", "10.6.6.6")
        clock.advance(30)
    assert accounts.authenticate("alice", PASSWORD, "10.6.6.6").reason == "locked"
    assert accounts.authenticate("alice", PASSWORD, "10.0.0.2").session is not None


def test_a_wrong_name_and_a_wrong_password_get_the_same_answer(accounts: Accounts,
                                                               clock: FakeClock) -> None:
    unknown = [accounts.authenticate("nobody", "wrong", "10.0.0.1")]
    wrong = [accounts.authenticate("alice", "wrong", "10.0.0.2")]
    for _ in range(4):
        clock.advance(60)
        unknown.append(accounts.authenticate("nobody", "wrong", "10.0.0.1"))
        wrong.append(accounts.authenticate("alice", "wrong", "10.0.0.2"))
    assert unknown == wrong
    assert [r.reason for r in wrong] == ["failed"] * 4 + ["locked"]


def test_an_admin_lifts_a_lock(accounts: Accounts, clock: FakeClock) -> None:
    for _ in range(5):
        accounts.authenticate("alice", "wrong", "10.0.0.1")
        clock.advance(20)
    assert [k[:2] for k in accounts.store.locked_keys(clock())] == [("account", "alice"),
                                                                    ("client", "10.0.0.1")]
    accounts.unlock("alice", "bob", "10.0.0.9")
    accounts.unlock("client:10.0.0.1", "bob", "10.0.0.9")
    assert accounts.store.locked_keys(clock()) == []
    assert accounts.authenticate("alice", PASSWORD, "10.0.0.1").session is not None


def test_a_good_login_resets_the_account_but_not_the_client(accounts: Accounts,
                                                            clock: FakeClock) -> None:
    for _ in range(3):
        accounts.authenticate("alice", "wrong", "10.0.0.1")
        clock.advance(10)
    assert accounts.authenticate("alice", PASSWORD, "10.0.0.1").session is not None
    assert accounts.store.login_failures("account", "alice", 0) == []
    assert len(accounts.store.login_failures("client", "10.0.0.1", 0)) == 3


def test_every_attempt_is_audited(accounts: Accounts, clock: FakeClock) -> None:
    accounts.authenticate("alice", PASSWORD, "10.0.0.1")
    accounts.authenticate("alice", "wrong", "10.0.0.1")
    accounts.authenticate("alice", "wrong", "10.0.0.1")  # inside the 1 s delay
    for _ in range(4):
        clock.advance(60)
        accounts.authenticate("alice", "wrong", "10.0.0.1")
    accounts.authenticate("alice", PASSWORD, "10.0.0.1")
    rows = [(r["action"], r["outcome"], r["admin"], r["client"], r["detail"])
            for r in reversed(accounts.store.audit_entries())][1:]  # after account-add
    failed = ("login", "failed", "alice", "10.0.0.1", "wrong password")
    assert rows[:3] == [("login", "ok", "alice", "10.0.0.1", "local account"), failed,
                        ("login", "wait", "alice", "10.0.0.1", "refused for 1 s")]
    assert rows[3:7] == [failed] * 4
    assert rows[7:9] == [("lockout", "locked", "alice", "10.0.0.1", "account alice: 5 failures"),
                         ("lockout", "locked", "alice", "10.0.0.1",
                          "client 10.0.0.1: 5 failures")]
    assert rows[9] == ("login", "locked", "alice", "10.0.0.1", "refused for 900 s")
    assert len(rows) == 10
    times = [r["at"] for r in reversed(accounts.store.audit_entries())]
    assert times[-1] == "2027-01-15T08:04:00+00:00"  # the fake clock's time, in UTC


def test_policy_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_LOGIN_MAX_FAILURES", "3")
    monkeypatch.setenv("HENGDONG_LOGIN_WINDOW_MINUTES", "10")
    monkeypatch.setenv("HENGDONG_LOGIN_LOCKOUT_MINUTES", "30")
    monkeypatch.setenv("HENGDONG_LOGIN_DELAY_SECONDS", "2")
    policy = Policy.from_settings()
    assert (policy.max_failures, policy.window_s, policy.lockout_s, policy.base_delay_s) == (
        3, 600, 1800, 2)
    assert [policy.delay_after(n) for n in range(5)] == [0, 2, 4, 8, 16]
    assert Policy().max_failures == 5 and Policy().window_s == 900
