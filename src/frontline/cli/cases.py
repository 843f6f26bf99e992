"""``frontline cases|webhooks|outbox ...``: the hit workflow from the command line."""

from __future__ import annotations

import threading
from typing import Annotated

import typer

from frontline.cli.common import console, guarded, local_operator, print_json, services_for
from frontline.domain.cases import Case, CaseState
from frontline.store.cases import CaseFilter
from frontline.store.outbox import DeliveryState

cases_app = typer.Typer(help="Cases: what each hit became, and its answer.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Where each bureau's notifications go.", no_args_is_help=True)
outbox_app = typer.Typer(
    help="Owner notifications: delivery and dead letters.", no_args_is_help=True
)

AsJson = Annotated[bool, typer.Option("--json")]


@cases_app.command("list")
def list_cases(
    owner: Annotated[str | None, typer.Option("--owner", help="The record's country.")] = None,
    state: Annotated[CaseState | None, typer.Option("--state")] = None,
    operation: Annotated[str | None, typer.Option("--operation")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 100,
    as_json: AsJson = False,
) -> None:
    """Cases newest first."""
    where = CaseFilter(
        owner=owner.upper() if owner else None, state=state, operation_id=operation, limit=limit
    )
    with services_for(use_index=False) as services:
        found = guarded(lambda: services.cases.find(principal=local_operator(), where=where))
    if as_json:
        print_json([case.as_dict() for _, case in found])
        return
    for _, case in found:
        print(_line(case))


@cases_app.command("show")
def show_case(
    case_id: Annotated[str, typer.Argument(help="case_...")], as_json: AsJson = False
) -> None:
    """One case with its history."""
    operator = local_operator()
    with services_for(use_index=False) as services:
        case = guarded(lambda: services.cases.get(principal=operator, case_id=case_id))
        history = services.cases.history(principal=operator, case_id=case_id)
    if as_json:
        print_json({**case.as_dict(), "history": [event.as_dict() for event in history]})
        return
    print(_line(case))
    for event in history:
        was = event.from_state.value if event.from_state else "-"
        outcome = f" ({event.outcome.value})" if event.outcome else ""
        print(
            f"  {event.at.isoformat()}\t{event.actor}\t{was} -> {event.to_state.value}"
            f"{outcome}\t{event.reason}"
        )


@cases_app.command("move")
def move_case(
    case_id: Annotated[str, typer.Argument(help="case_...")],
    to: Annotated[CaseState, typer.Option("--to")],
    reason: Annotated[str, typer.Option("--reason", help="Why: kept in the history.")],
    outcome: Annotated[str | None, typer.Option("--outcome", help="When closing.")] = None,
    as_json: AsJson = False,
) -> None:
    """Move a case one step (as the local operator, an admin)."""
    with services_for(use_index=False) as services:
        case = guarded(
            lambda: services.cases.transition(
                principal=local_operator(), case_id=case_id, to=to, reason=reason, outcome=outcome
            )
        )
    if as_json:
        print_json(case.as_dict())
        return
    console.print(f"{case.id} is {case.state.value}", highlight=False, markup=False)


@cases_app.command("escalate")
def escalate_cases(as_json: AsJson = False) -> None:
    """Escalate every open case past its reply deadline (the dispatcher does it too)."""
    with services_for(use_index=False) as services:
        escalated = guarded(services.cases.escalate_overdue)
    if as_json:
        print_json([case.as_dict() for case in escalated])
        return
    console.print(f"escalated {len(escalated)} case(s)", highlight=False)


@webhooks_app.command("set")
def set_webhook(
    country: Annotated[str, typer.Argument(help="The bureau's country (alpha-3).")],
    url: Annotated[str, typer.Argument(help="https:// (http only to loopback).")],
    as_json: AsJson = False,
) -> None:
    """Register (or replace) a bureau's webhook; prints its signing secret, this once."""
    with services_for(use_index=False) as services:
        hook = guarded(
            lambda: services.notifications.set_webhook(
                principal=local_operator(), country=country, url=url
            )
        )
    if as_json:
        print_json({**hook.as_dict(), "secret": hook.secret})
        return
    console.print(
        f"{hook.country} -> {hook.url}\nsecret (shown once): {hook.secret}",
        highlight=False,
        markup=False,
    )


@webhooks_app.command("list")
def list_webhooks(as_json: AsJson = False) -> None:
    with services_for(use_index=False) as services:
        hooks = guarded(lambda: services.notifications.webhooks(principal=local_operator()))
    if as_json:
        print_json([hook.as_dict() for hook in hooks])
        return
    for hook in hooks:
        print(f"{hook.country}\t{hook.url}\t{hook.created_by}\t{hook.created_at.isoformat()}")


@webhooks_app.command("remove")
def remove_webhook(country: Annotated[str, typer.Argument()]) -> None:
    """Stop deliveries to a bureau; its events wait in the outbox (and its feed)."""
    with services_for(use_index=False) as services:
        guarded(
            lambda: services.notifications.remove_webhook(
                principal=local_operator(), country=country
            )
        )
    console.print(f"removed {country.upper()}'s webhook", highlight=False)


@outbox_app.command("list")
def list_outbox(
    state: Annotated[DeliveryState, typer.Option("--state")] = DeliveryState.DEAD,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 100,
    as_json: AsJson = False,
) -> None:
    """Notifications in one delivery state (default: dead), oldest first."""
    operator = local_operator()
    with services_for(use_index=False) as services:
        events = guarded(
            lambda: services.notifications.undelivered(principal=operator, state=state, limit=limit)
        )
        counts = services.notifications.counts(principal=operator)
    if as_json:
        print_json({"items": [event.as_dict() for event in events], "counts": counts})
        return
    for event in events:
        print(
            f"{event.event_id}\t{event.receiver}\t{event.event_type}\t{event.attempts}\t"
            f"{event.last_error or ''}"
        )
    console.print(", ".join(f"{count} {name}" for name, count in counts.items()), highlight=False)


@outbox_app.command("retry")
def retry_event(event_id: Annotated[str, typer.Argument(help="evt_...")]) -> None:
    """Send a dead notification again, from its first attempt."""
    with services_for(use_index=False) as services:
        event = guarded(
            lambda: services.notifications.resend(principal=local_operator(), event_id=event_id)
        )
    console.print(f"{event.event_id} to {event.receiver} is pending again", highlight=False)


@outbox_app.command("deliver")
def deliver(
    forever: Annotated[
        bool, typer.Option("--forever", help="Keep delivering until stopped.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Send due notifications: until none is due (default), or --forever (beside a server
    run with FRONTLINE_DELIVER_NOTIFICATIONS=false, or as its own process)."""
    with services_for(use_index=False) as services:
        dispatcher = services.dispatcher()
        try:
            if forever:
                dispatcher.drain(stop=threading.Event())
                return
            totals: dict[str, int] = {}
            while True:
                report = guarded(dispatcher.run_once)
                for name, count in report.as_dict().items():
                    totals[name] = totals.get(name, 0) + count
                if report.attempted == 0:
                    break
        finally:
            dispatcher.close()
    if as_json:
        print_json(totals)
        return
    console.print(", ".join(f"{count} {name}" for name, count in totals.items()), highlight=False)


def _line(case: Case) -> str:
    outcome = case.outcome.value if case.outcome else ""
    return (
        f"{case.id}\t{case.state.value}\t{case.database}\t{case.record_owner}/{case.record_id}\t"
        f"{case.status}\t{case.checking_country}\t{case.created_at.isoformat()}\t{outcome}"
    )
