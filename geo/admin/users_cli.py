"""`python -m geo.admin users …`: create and manage the accounts of the app (docs/admin.md)."""

import argparse
import getpass
import sys

from geo.admin.accounts import ROLES, AccountError, Accounts
from geo.store import open_store

CLI_CLIENT = "cli"


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The `users` command and its sub-commands."""
    users = commands.add_parser("users", help="accounts of the app: add, list, passwd, …")
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="create an account (password from a prompt or stdin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--layers", help="editors: comma-separated layer ids (default: all)")
    add.add_argument("--oidc", action="store_true",
                     help="no local password: logs in through the identity provider only")
    actions.add_parser("list", help="every account with its role and state")
    for name, text in (("passwd", "set a new password (ends the account's sessions)"),
                       ("disable", "stop an account from logging in (ends its sessions)"),
                       ("enable", "let a disabled account log in again"),
                       ("remove", "delete an account (its audit rows stay)"),
                       ("unlock", "lift a lockout: an account name, or client:ADDRESS")):
        actions.add_parser(name, help=text).add_argument("name")
    role = actions.add_parser("role", help="change an account's role (ends its sessions)")
    role.add_argument("name")
    role.add_argument("--role", required=True, choices=ROLES)
    role.add_argument("--layers", help="editors: comma-separated layer ids (default: all)")


def read_password(prompt: str = "密码 Password: ") -> str:
    """A password from the terminal (asked twice), or the first line of stdin when piped."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("再次输入 Again: ") != first:
        raise AccountError("两次输入的密码不一致 / the passwords differ")
    return first


def _layers(text: str | None) -> tuple[str, ...] | None:
    return tuple(p.strip() for p in text.split(",") if p.strip()) if text else None


def run(args: argparse.Namespace) -> int:
    """Run one `users` sub-command."""
    accounts = Accounts(open_store())
    actor = f"cli:{getpass.getuser()}"
    name = getattr(args, "name", "")
    try:
        match args.users_command:
            case "add":
                accounts.check_new(name, args.role, _layers(args.layers))  # before the prompt
                password = None if args.oidc else read_password()
                account = accounts.add(name, args.role, password, actor, CLI_CLIENT,
                                       _layers(args.layers))
                print(f"已创建 CREATED {account.name} ({account.role}, layers "
                      f"{','.join(account.layers)})")
            case "list":
                _list(accounts)
            case "passwd":
                accounts.set_password(name, read_password("新密码 New password: "), actor,
                                      CLI_CLIENT)
                print(f"已更改 PASSWORD CHANGED for {name}; its sessions end")
            case "disable" | "enable":
                accounts.set_disabled(name, args.users_command == "disable", actor, CLI_CLIENT)
                print(f"{args.users_command}d {name}")
            case "remove":
                accounts.remove(name, actor, CLI_CLIENT)
                print(f"已删除 REMOVED {name}")
            case "unlock":
                accounts.unlock(name, actor, CLI_CLIENT)
                print(f"已解锁 UNLOCKED {name}")
            case "role":
                account = accounts.set_role(name, args.role, actor, CLI_CLIENT,
                                            _layers(args.layers))
                print(f"{account.name}: {account.role}, layers {','.join(account.layers)}")
    except AccountError as refused:
        print(f"错误 ERROR: {refused}")
        return 1
    return 0


def _list(accounts: Accounts) -> None:
    locked = {key for kind, key, _ in accounts.store.locked_keys(accounts.clock())
              if kind == "account"}
    for account in accounts.store.accounts():
        state = ["disabled" if account.disabled else "enabled"]
        state += ["locked"] if account.name in locked else []
        state += ["identity provider"] if account.password_hash is None else []
        print(f"{account.name}\t{account.role}\t{','.join(account.layers)}\t"
              f"{' '.join(state)}\tsince {account.created_at}")
