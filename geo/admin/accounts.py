"""The account rules: roles and what they may do, passwords, login throttling, sessions.

Everything is stored through the version store (`geo.store`), so accounts and the
audit trail move with it. Time comes from an injected clock (epoch seconds), so throttling and
lockout can be tested without sleeping.
"""

import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from geo.admin import settings
from geo.store.model import Account, AuditEntry
from geo.store.rules import RULES

if TYPE_CHECKING:
    from geo.store import Store

VIEWER, EDITOR, ADMIN = "viewer", "editor", "admin"
ROLES = (VIEWER, EDITOR, ADMIN)
ALL_LAYERS = ("*",)
IMPORT, ROLLBACK, MANAGE_ACCOUNTS, READ_AUDIT = "import", "rollback", "accounts", "audit"
LAYER_ACTIONS = (IMPORT, ROLLBACK)
BOOTSTRAP_NAME = "bootstrap"  # the actor of the deprecated shared password
MAX_PASSWORD_LENGTH = 1024  # hashing a megabyte on every guess would be a denial of service
MAX_DELAY_S = 300.0
Clock = Callable[[], float]


class AccountError(ValueError):
    """A refused account change; the message is in Chinese and English."""


@dataclass(frozen=True)
class Policy:
    """Throttling and password settings (docs/admin.md "Lockout")."""

    max_failures: int = 5
    window_s: float = 15 * 60
    lockout_s: float = 15 * 60
    base_delay_s: float = 1.0
    min_password_length: int = 12

    @classmethod
    def from_settings(cls) -> "Policy":
        """The deployment's policy (HENGDONG_LOGIN_* environment variables)."""
        limit = settings.login_limit
        return cls(int(limit("max_failures")), limit("window_s"), limit("lockout_s"),
                   limit("base_delay_s"), int(limit("min_password_length")))

    def delay_after(self, failures: int) -> float:
        """Seconds to wait before the next attempt after `failures` recent failures."""
        if failures <= 0:
            return 0.0
        return min(self.base_delay_s * 2 ** (failures - 1), MAX_DELAY_S)


@dataclass(frozen=True)
class Session:
    """What a logged-in browser session holds; checked against the store at every action."""

    name: str
    role: str
    layers: tuple[str, ...]
    epoch: int
    via: str  # "local", "oidc" or "bootstrap"


@dataclass(frozen=True)
class LoginResult:
    """A login attempt's outcome: a session, or why not (one generic reason for a wrong name
    and a wrong password) and how long to wait."""

    session: Session | None
    reason: str = ""  # "", "failed", "wait", "locked"
    wait_s: float = 0.0


def may(role: str, layers: tuple[str, ...], action: str, layer_id: str | None = None) -> bool:
    """Whether an account with `role` (and, for editors, `layers`) may do `action`."""
    if role == ADMIN:
        return True
    if role == EDITOR and action in LAYER_ACTIONS:
        return layers == ALL_LAYERS or layer_id in layers
    return False


def iso(at: float) -> str:
    """Epoch seconds as an ISO timestamp, UTC, to the second."""
    return datetime.fromtimestamp(at, UTC).replace(microsecond=0).isoformat()


def _name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() or c == "," or ord(c) < 32 for c in name):
        raise AccountError(f"账号名须为 1–64 个字符，不含空格和逗号：{name!r} / an account name "
                           f"is 1–64 characters without spaces or commas: {name!r}")
    return name


def _layers(role: str, layers: tuple[str, ...] | None) -> tuple[str, ...]:
    if role != EDITOR or not layers or tuple(layers) == ALL_LAYERS:
        return ALL_LAYERS
    unknown = sorted(set(layers) - set(RULES))
    if unknown:
        raise AccountError(f"未知图层 {', '.join(unknown)} / unknown layers; layer ids: "
                           f"{', '.join(RULES)}")
    return tuple(sorted(set(layers)))


class Accounts:
    """The account rules applied to one store, with a clock and a throttling policy."""

    def __init__(self, store: "Store", clock: Clock = time.time,
                 policy: Policy | None = None, hasher: PasswordHasher | None = None) -> None:
        self.store = store
        self.clock = clock
        self.policy = policy or Policy.from_settings()
        self.hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None

    # --- account changes (admins, or the CLI) -------------------------------------------

    def check_password(self, name: str, password: str) -> None:
        """Refuse a password that is too short, too long or contains the account name."""
        minimum = self.policy.min_password_length
        if len(password) < minimum:
            raise AccountError(f"密码至少 {minimum} 个字符 / a password has at least {minimum} "
                               "characters")
        if len(password) > MAX_PASSWORD_LENGTH:
            raise AccountError(f"密码最多 {MAX_PASSWORD_LENGTH} 个字符 / a password has at most "
                               f"{MAX_PASSWORD_LENGTH} characters")
        if name.casefold() in password.casefold():
            raise AccountError("密码不能包含账号名 / a password must not contain the account name")

    def check_new(self, name: str, role: str,
                  layers: tuple[str, ...] | None) -> tuple[str, tuple[str, ...]]:
        """(name, layers) of a new account, or AccountError before any password is asked."""
        name = _name(name)
        if role not in ROLES:
            raise AccountError(f"角色须为 {'、'.join(ROLES)} 之一 / role must be one of "
                               f"{', '.join(ROLES)}")
        if self.store.account(name) is not None:
            raise AccountError(f"账号 {name} 已存在 / account {name} exists")
        return name, _layers(role, layers)

    def add(self, name: str, role: str, password: str | None, actor: str, client: str,
            layers: tuple[str, ...] | None = None) -> Account:
        """Create an account; `password` None makes an identity-provider (OIDC) only account."""
        name, layers = self.check_new(name, role, layers)
        if password is not None:
            self.check_password(name, password)
        at = iso(self.clock())
        account = Account(name, role, layers,
                          None if password is None else self.hasher.hash(password),
                          False, 0, at, at)
        detail = f"role {role}, layers {','.join(account.layers)}" + (
            "" if password is not None else ", identity provider only")
        self.store.put_account(account, AuditEntry(at, actor, "account-add", "ok", client,
                                                   detail=f"{name}: {detail}"))
        return account

    def _existing(self, name: str) -> Account:
        account = self.store.account(name.strip())
        if account is None:
            raise AccountError(f"没有账号 {name} / no account {name}")
        return account

    def _change(self, account: Account, action: str, actor: str, client: str, detail: str,
                **changes) -> Account:
        at = iso(self.clock())
        changed = replace(account, updated_at=at, **changes)
        self.store.put_account(changed, AuditEntry(at, actor, action, "ok", client,
                                                   detail=f"{account.name}: {detail}"))
        return changed

    def set_password(self, name: str, password: str, actor: str, client: str) -> Account:
        """Give an account a new password; its other sessions end at their next action."""
        account = self._existing(name)
        self.check_password(account.name, password)
        return self._change(account, "account-passwd", actor, client, "password changed",
                            password_hash=self.hasher.hash(password),
                            session_epoch=account.session_epoch + 1)

    def set_role(self, name: str, role: str, actor: str, client: str,
                 layers: tuple[str, ...] | None = None) -> Account:
        """Change an account's role (and an editor's layers); its sessions end."""
        account = self._existing(name)
        if role not in ROLES:
            raise AccountError(f"角色须为 {'、'.join(ROLES)} 之一 / role must be one of "
                               f"{', '.join(ROLES)}")
        layers = _layers(role, layers)
        return self._change(account, "account-role", actor, client,
                            f"role {role}, layers {','.join(layers)}", role=role,
                            layers=layers, session_epoch=account.session_epoch + 1)

    def set_disabled(self, name: str, disabled: bool, actor: str, client: str) -> Account:
        """Disable (its sessions end at their next action) or enable an account."""
        account = self._existing(name)
        action = "account-disable" if disabled else "account-enable"
        return self._change(account, action, actor, client,
                            "disabled" if disabled else "enabled", disabled=disabled,
                            session_epoch=account.session_epoch + 1)

    def remove(self, name: str, actor: str, client: str) -> None:
        """Delete an account; its audit rows stay."""
        account = self._existing(name)
        self.store.delete_account(account.name, AuditEntry(
            iso(self.clock()), actor, "account-remove", "ok", client, detail=account.name))

    def unlock(self, name: str, actor: str, client: str) -> None:
        """Lift the lock and forget the failures of an account name (and of a client address
        when `name` is one: `client:ADDRESS`)."""
        kind, key = ("client", name[7:]) if name.startswith("client:") else ("account",
                                                                             name.strip())
        self.store.clear_failures({kind: key}, AuditEntry(
            iso(self.clock()), actor, "unlock", "ok", client, detail=f"{kind} {key}"))

    # --- logins ---------------------------------------------------------------------------

    def _throttle(self, keys: dict[str, str], now: float) -> LoginResult | None:
        """A refusal when a key is locked or still inside its delay, else None."""
        wait = 0.0
        for kind, key in keys.items():
            until = self.store.lock_until(kind, key)
            if until is not None and until > now:
                return LoginResult(None, "locked", until - now)
            failures = self.store.login_failures(kind, key, now - self.policy.window_s)
            if failures:
                wait = max(wait, failures[-1] + self.policy.delay_after(len(failures)) - now)
        return LoginResult(None, "wait", wait) if wait > 0 else None

    def _fail(self, keys: dict[str, str], now: float, detail: str) -> LoginResult:
        at, client = iso(now), keys["client"]
        entries = [AuditEntry(at, keys["account"], "login", "failed", client, detail=detail)]
        locks = {}
        for kind, key in keys.items():
            count = len(self.store.login_failures(kind, key, now - self.policy.window_s)) + 1
            if count >= self.policy.max_failures:
                locks[kind] = now + self.policy.lockout_s
                entries.append(AuditEntry(at, keys["account"], "lockout", "locked", client,
                                          detail=f"{kind} {key}: {count} failures"))
        self.store.record_failure(keys, now, locks, entries)
        if locks:
            return LoginResult(None, "locked", self.policy.lockout_s)
        return LoginResult(None, "failed")

    def _refused(self, name: str, client: str, now: float, result: LoginResult) -> LoginResult:
        self.store.record_audit(AuditEntry(iso(now), name, "login", result.reason, client,
                                           detail=f"refused for {result.wait_s:.0f} s"))
        return result

    def _verify(self, password_hash: str | None, password: str) -> bool:
        """Argon2 check; runs even for an unknown name so that both take as long."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash("not a password of anyone")
        try:
            return self.hasher.verify(password_hash or self._dummy_hash, password) and bool(
                password_hash)
        except (VerificationError, InvalidHashError):
            return False

    def authenticate(self, name: str, password: str, client: str) -> LoginResult:
        """Check a local account's name and password, with delays and lockout."""
        name, now = name.strip(), self.clock()
        keys = {"account": name, "client": client}
        refusal = self._throttle(keys, now)
        if refusal is not None:
            return self._refused(name, client, now, refusal)
        account = self.store.account(name)
        good = self._verify(account.password_hash if account else None,
                            password[:MAX_PASSWORD_LENGTH])
        if account is None or not good or account.disabled:
            why = ("unknown account" if account is None else "account disabled"
                   if good else "wrong password")
            return self._fail(keys, now, why)
        if self.hasher.check_needs_rehash(account.password_hash):
            account = replace(account, password_hash=self.hasher.hash(password))
            self.store.put_account(account, AuditEntry(iso(now), name, "account-rehash",
                                                       "ok", client, detail=name))
        self.store.clear_failures({"account": name}, AuditEntry(
            iso(now), name, "login", "ok", client, detail="local account"))
        return LoginResult(Session(name, account.role, account.layers, account.session_epoch,
                                   "local"))

    def authenticate_identity(self, identity: str, client: str) -> LoginResult:
        """A login proven by the identity provider (st.user): the account must exist here,
        enabled, and its role comes from here."""
        now = self.clock()
        account = self.store.account(identity)
        if account is None or account.disabled:
            self.store.record_audit(AuditEntry(iso(now), identity, "login", "failed", client,
                                               detail="identity provider: no enabled account"))
            return LoginResult(None, "failed")
        self.store.record_audit(AuditEntry(iso(now), identity, "login", "ok", client,
                                           detail="identity provider"))
        return LoginResult(Session(identity, account.role, account.layers,
                                   account.session_epoch, "oidc"))

    def bootstrap_enabled(self) -> bool:
        """The deprecated shared password works only until the first account exists."""
        return not self.store.accounts()

    def authenticate_bootstrap(self, given: str, expected: str, client: str) -> LoginResult:
        """The deprecated shared admin password, throttled like an account named bootstrap."""
        now = self.clock()
        keys = {"account": BOOTSTRAP_NAME, "client": client}
        refusal = self._throttle(keys, now)
        if refusal is not None:
            return self._refused(BOOTSTRAP_NAME, client, now, refusal)
        if not (expected and self.bootstrap_enabled()
                and hmac.compare_digest(given.encode(), expected.encode())):
            return self._fail(keys, now, "shared password")
        self.store.clear_failures({"account": BOOTSTRAP_NAME}, AuditEntry(
            iso(now), BOOTSTRAP_NAME, "login", "ok", client, detail="deprecated shared password"))
        return LoginResult(Session(BOOTSTRAP_NAME, ADMIN, ALL_LAYERS, -1, "bootstrap"))

    def current(self, session: Session | None) -> Session | None:
        """The session as the store sees it now: None once its account was disabled, removed,
        or given a new password or role (or, for the shared password, once accounts exist)."""
        if session is None:
            return None
        if session.via == "bootstrap":
            return session if self.bootstrap_enabled() else None
        account = self.store.account(session.name)
        if account is None or account.disabled or account.session_epoch != session.epoch:
            return None
        return replace(session, role=account.role, layers=account.layers)  # as stored

    def renewed(self, session: Session) -> Session:
        """The session of the account after its own change (a new password keeps the session
        that made it)."""
        account = self._existing(session.name)
        return replace(session, role=account.role, layers=account.layers,
                       epoch=account.session_epoch)

    def record(self, session: Session | None, action: str, outcome: str, client: str,
               layer_id: str = "", detail: str = "") -> None:
        """Audit an action of a session (a logout, a refusal, an ended session)."""
        name = session.name if session else ""
        self.store.record_audit(AuditEntry(iso(self.clock()), name, action, outcome, client,
                                           layer_id, detail=detail))
