"""What every command shares: settings, services, JSON output and error handling."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn, TypeVar

import orjson
import typer
from pydantic import ValidationError
from rich.console import Console

from frontline.domain.removals import Removal
from frontline.domain.users import Principal, Role
from frontline.errors import FrontlineError
from frontline.services import Services, open_services
from frontline.settings import Settings

__all__ = [
    "Reason",
    "console",
    "fail",
    "guarded",
    "local_operator",
    "print_json",
    "services_for",
    "show_removals",
]

console = Console(stderr=True)
T = TypeVar("T")

Reason = Annotated[
    str,
    typer.Option(
        "--reason", help="Why (wrong person, entered wrongly, notice cancelled): audited."
    ),
]


def print_json(data: Any) -> None:
    sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")


def fail(message: str, details: list[dict[str, Any]] | None = None) -> NoReturn:
    """Print a clear message (no traceback) and exit with status 2."""
    console.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    for item in (details or [])[:50]:
        where = f"line {item['line']}: " if "line" in item else ""
        console.print(
            f"  {where}{item.get('field', '')}: {item.get('message', '')}",
            highlight=False,
            markup=False,
        )
    if details and len(details) > 50:
        console.print(f"  ... and {len(details) - 50} more", highlight=False)
    raise typer.Exit(2)


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        fail(f"bad FRONTLINE_* setting: {error.errors()[0]['loc']}: {error.errors()[0]['msg']}")


@contextmanager
def services_for(*, use_index: bool) -> Iterator[Services]:
    services = open_services(load_settings(), use_index=use_index)
    try:
        yield services
    finally:
        services.close()


def guarded(action: Callable[[], T]) -> T:
    """Run ``action``; turn Frontline's own errors into a message and exit code 2."""
    try:
        return action()
    except FrontlineError as error:
        fail(error.message, error.details())


def local_operator() -> Principal:
    """Who the CLI acts as: the operator at this machine, with full rights (audited as such)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return Principal(0, f"cli:{user}", Role.ADMIN, "XXX")


def show_removals(removals: Sequence[Removal]) -> None:
    """Print what a removal or purge took off a record, one line each."""
    if not removals:
        console.print("nothing to remove: no face or DNA profile enrolled", highlight=False)
    for removal in removals:
        what = "face enrolment" if removal.kind.value == "face" else "DNA profile"
        console.print(
            f"removed {what} {removal.item_id} from {removal.record_id} ({removal.id})",
            highlight=False,
            markup=False,
        )
