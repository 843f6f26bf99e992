"""Specimen and alert use cases: load (import), list and show; who may do each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Literal

import orjson

from frontline.access import Action, require, require_owner
from frontline.domain.specimens import Alert, Specimen, parse_alert, parse_specimen
from frontline.domain.users import Principal, Role
from frontline.errors import FieldError, ImportRefused, InvalidInput, PayloadTooLarge
from frontline.identifiers.countries import canonical_country
from frontline.references.catalogue import Catalogue
from frontline.store.specimens import SpecimenStore

__all__ = ["MAX_ITEMS", "References"]

Kind = Literal["specimens", "alerts"]
MAX_ITEMS = 10_000


class References:
    def __init__(
        self, *, store: SpecimenStore, catalogue: Catalogue, clock: Callable[[], dt.datetime]
    ) -> None:
        self.store = store
        self.catalogue = catalogue
        self.clock = clock

    def load(self, *, principal: Principal, kind: Kind, raws: list[Any]) -> int:
        """Write specimens or alerts, all or nothing: a bad item refuses the whole load,
        naming each bad item and field. An item may be replaced only by its owner."""
        require(principal, Action.WRITE_RECORDS)
        if not raws:
            raise InvalidInput.for_field("items", "give at least one item")
        if len(raws) > MAX_ITEMS:
            raise PayloadTooLarge(f"at most {MAX_ITEMS} items at once")
        items, errors = self._read(principal, kind, raws)
        if errors:
            raise ImportRefused(
                f"{len({e.line for e in errors})} bad item(s), nothing written: "
                f"item {errors[0].line}: {errors[0].field}: {errors[0].message}",
                errors=errors,
            )
        for item in items:
            require_owner(principal, item.owner)
        ids = [item.id for item in items]
        for owner in self.store.owners(kind, ids).values():
            require_owner(principal, owner)
        written = sum(self.store.write(items, now=self.clock()))
        self.catalogue.reload()
        return written

    def load_lines(self, *, principal: Principal, kind: Kind, lines: Iterable[bytes]) -> int:
        """``load`` from JSON lines (blank lines skipped); a corrupt line is a bad item."""
        raws: list[Any] = []
        errors: list[FieldError] = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                raws.append(orjson.loads(line))
            except orjson.JSONDecodeError as error:
                errors.append(FieldError("(line)", f"not JSON: {error}", line=number))
                raws.append(None)
        if errors:
            raise ImportRefused(
                f"line {errors[0].line}: {errors[0].message}; nothing written", errors=errors
            )
        return self.load(principal=principal, kind=kind, raws=raws)

    def _read(
        self, principal: Principal, kind: Kind, raws: list[Any]
    ) -> tuple[list[Specimen | Alert], list[FieldError]]:
        items: list[Specimen | Alert] = []
        errors: list[FieldError] = []
        seen: set[str] = set()
        parse = parse_specimen if kind == "specimens" else parse_alert
        for number, raw in enumerate(raws, start=1):
            try:
                item = parse(raw, owner=_default_owner(principal, raw))
            except InvalidInput as error:
                errors.extend(FieldError(e.field, e.message, line=number) for e in error.errors)
                continue
            if item.id in seen:
                errors.append(FieldError("id", f"{item.id} appears twice", line=number))
            seen.add(item.id)
            items.append(item)
        return items, errors

    def specimens(
        self, *, principal: Principal, country: str | None = None, document_type: str | None = None
    ) -> list[Specimen]:
        require(principal, Action.READ_RECORDS)
        code = canonical_country(country, field="country") if country else None
        return self.store.specimens(country=code, document_type=document_type)

    def specimen(self, *, principal: Principal, specimen_id: str) -> tuple[Specimen, list[Alert]]:
        """A specimen and the alerts that apply to its series, newest first."""
        require(principal, Action.READ_RECORDS)
        specimen = self.store.specimen(specimen_id)
        alerts = self.store.alerts(
            country=specimen.country, document_type=specimen.document_type.value
        )
        applying = [alert for alert in alerts if alert.applies_to(specimen)]
        return specimen, sorted(applying, key=lambda alert: alert.issued_on, reverse=True)

    def alerts(
        self, *, principal: Principal, country: str | None = None, document_type: str | None = None
    ) -> list[Alert]:
        require(principal, Action.READ_RECORDS)
        code = canonical_country(country, field="country") if country else None
        found = self.store.alerts(country=code, document_type=document_type)
        return sorted(found, key=lambda alert: alert.issued_on, reverse=True)

    def alert(self, *, principal: Principal, alert_id: str) -> Alert:
        require(principal, Action.READ_RECORDS)
        return self.store.alert(alert_id)


def _default_owner(principal: Principal, raw: Any) -> str:
    """A bureau owns what it loads; an administrator (or the CLI) loading an item naming no
    owner loads it for the item's issuing country."""
    if principal.role is Role.ADMIN and isinstance(raw, dict):
        try:
            return canonical_country(str(raw.get("country", "")), field="country")
        except InvalidInput:
            pass
    return principal.country
