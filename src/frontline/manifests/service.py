"""The manifest use cases: screen every traveller of a manifest as one audited event (one
entry a traveller), keep the manifest, and screen it again while its flight has not arrived,
raising only the hits it did not raise before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontline.access import Action, require
from frontline.domain.checks import CheckResult, Verdict, result_as_dict
from frontline.domain.queries import NO_CONTEXT, CheckContext, CheckRequest
from frontline.domain.users import Principal, Role
from frontline.errors import Conflict, FieldError, InvalidInput, NotFound, PayloadTooLarge
from frontline.ids import new_id
from frontline.manifests.model import ManifestWarning
from frontline.manifests.subjects import ManifestSource, TravellerItem, request_for
from frontline.screening.service import Screening
from frontline.store.manifests import ManifestStore, StoredManifest, StoredTraveller

__all__ = ["ARRIVAL_SLACK", "MAX_TRAVELLERS", "ManifestScreening", "ScreenedManifest"]

MAX_TRAVELLERS = 10_000
# PAXLST arrival times are the airport's local time, without a zone. A flight counts as not
# yet arrived until its local arrival time plus 14 hours (the largest UTC offset), so no
# flight still in the air is ever refused a re-screening.
ARRIVAL_SLACK = dt.timedelta(hours=14)


@dataclass(slots=True)
class ScreenedManifest:
    """A screening's outcome: per traveller the flight, the traveller and the result."""

    manifest_id: str
    source_format: str
    reference: str | None
    flight: dict[str, Any] | None
    items: list[tuple[TravellerItem, CheckResult | None]]
    warnings: tuple[ManifestWarning, ...] = ()
    rescreen: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[dict[str, Any]]:
        """One JSON object a traveller: the check result with traveller and flight added."""
        return [self.line(item, result) for item, result in self.items]

    def line(self, item: TravellerItem, result: CheckResult | None) -> dict[str, Any]:
        head = {"manifest_id": self.manifest_id, "flight": self.flight, "traveller": item.traveller}
        if result is None:
            first = item.errors[0] if item.errors else FieldError("(traveller)", "not screened")
            error = {
                "code": InvalidInput.code,
                "message": f"{first.field}: {first.message}",
                "details": [error.as_dict() for error in item.errors],
            }
            return {**head, "error": error}
        return {**head, **result_as_dict(result)}

    def summary(self) -> dict[str, Any]:
        verdicts = [result.verdict for _, result in self.items if result is not None]
        out: dict[str, Any] = {
            "manifest_id": self.manifest_id,
            "format": self.source_format,
            "reference": self.reference,
            "flight": (self.flight or {}).get("flight"),
            "travellers": len(self.items),
            "screened": len(verdicts),
            "hits": verdicts.count(Verdict.HIT),
            "possible_matches": verdicts.count(Verdict.POSSIBLE_MATCH),
            "no_hits": verdicts.count(Verdict.NO_HIT),
            "invalid": len(self.items) - len(verdicts),
            "warnings": [warning.as_dict() for warning in self.warnings],
        }
        if self.rescreen:
            out["rescreen"] = True
        return out


class ManifestScreening:
    def __init__(
        self, *, screening: Screening, store: ManifestStore, clock: Callable[[], dt.datetime]
    ) -> None:
        self.screening = screening
        self.store = store
        self.clock = clock

    def screen(
        self,
        *,
        principal: Principal,
        source: ManifestSource,
        context: CheckContext = NO_CONTEXT,
        skip_invalid: bool = False,
    ) -> ScreenedManifest:
        """Screen every traveller: all valid or nothing screened (``skip_invalid``: the
        valid ones, the others listed as not screened), one audited event, kept for later."""
        require(principal, Action.CHECK)
        if len(source.items) > MAX_TRAVELLERS:
            raise PayloadTooLarge(
                f"a manifest holds at most {MAX_TRAVELLERS} travellers; this one "
                f"has {len(source.items)}"
            )
        manifest_id = new_id("man")
        today = self.clock().date()
        requests = self._requests(manifest_id, source, today, skip_invalid)
        valid = [(item, request) for item, request in requests if request is not None]
        if not valid:
            raise InvalidInput.for_field("travellers", "the manifest has no traveller to screen")
        results = self.screening.check_batch(
            principal=principal,
            requests=[request for _, request in valid],
            context=context,
            event="manifest",
        )
        by_position = {
            item.position: result for (item, _), result in zip(valid, results, strict=True)
        }
        self._keep(manifest_id, principal, source, valid, results)
        return ScreenedManifest(
            manifest_id=manifest_id,
            source_format=source.format,
            reference=source.reference,
            flight=source.flight,
            items=[(item, by_position.get(item.position)) for item in source.items],
            warnings=source.warnings,
        )

    def _requests(
        self, manifest_id: str, source: ManifestSource, today: dt.date, skip_invalid: bool
    ) -> list[tuple[TravellerItem, CheckRequest | None]]:
        out: list[tuple[TravellerItem, CheckRequest | None]] = []
        errors: list[FieldError] = []
        for item in source.items:
            request = None
            if item.raw is not None:
                try:
                    request = request_for(item.raw, today=today, prefix=_prefix(item))
                    request.query = _query(manifest_id, source, item)
                except InvalidInput as error:
                    item = TravellerItem(
                        position=item.position,
                        traveller=item.traveller,
                        raw=None,
                        errors=tuple(error.errors),
                    )
            errors.extend(item.errors)
            out.append((item, request))
        if errors and not skip_invalid:
            raise InvalidInput(
                f"{len(errors)} bad field(s) in the manifest; nothing was screened "
                f"(first: {errors[0].field}: {errors[0].message})",
                errors=errors,
            )
        return out

    def _keep(
        self,
        manifest_id: str,
        principal: Principal,
        source: ManifestSource,
        valid: list[tuple[TravellerItem, CheckRequest]],
        results: list[CheckResult],
    ) -> None:
        manifest = StoredManifest(
            id=manifest_id,
            received_at=self.clock(),
            received_by=principal.name,
            country=principal.country,
            format=source.format,
            reference=source.reference,
            flight=source.flight,
            arrives_at=source.arrives_at,
            travellers=len(source.items),
            rescreened_at=None,
        )
        travellers = [
            StoredTraveller(
                position=item.position,
                traveller=item.traveller,
                request=item.raw or {},
                raised=frozenset(hit.record_id for hit in result.hits),
            )
            for (item, _), result in zip(valid, results, strict=True)
        ]
        self.store.add(manifest, travellers)

    def rescreen(self, *, principal: Principal, manifest_id: str) -> ScreenedManifest:
        """Screen a kept manifest again (its flight not yet arrived): each traveller's result
        holds only hits not raised before, and only those open cases."""
        require(principal, Action.CHECK)
        manifest, travellers = self.store.get(manifest_id)
        if principal.role is not Role.ADMIN and principal.country != manifest.country:
            raise NotFound(f"no manifest {manifest_id}")  # not even that it exists
        now = self.clock()
        self._require_not_arrived(manifest, now)
        source = ManifestSource(
            format=manifest.format,
            reference=manifest.reference,
            flight=manifest.flight,
            arrives_at=manifest.arrives_at,
            items=(),
        )
        items = [
            TravellerItem(position=item.position, traveller=item.traveller, raw=item.request)
            for item in travellers
        ]
        requests = []
        for item in items:
            request = request_for(item.raw or {}, today=now.date(), prefix=_prefix(item))
            request.query = {**_query(manifest_id, source, item), "rescreen": True}
            requests.append(request)
        results = self.screening.check_batch(
            principal=principal,
            requests=requests,
            event="manifest_rescreen",
            known=[item.raised for item in travellers],
        )
        raised = {
            item.position: item.raised | {hit.record_id for hit in result.hits}
            for item, result in zip(travellers, results, strict=True)
            if result.hits
        }
        self.store.record_raised(manifest_id, raised, at=now)
        return ScreenedManifest(
            manifest_id=manifest_id,
            source_format=manifest.format,
            reference=manifest.reference,
            flight=manifest.flight,
            items=list(zip(items, results, strict=True)),
            rescreen=True,
        )

    def get(self, *, principal: Principal, manifest_id: str) -> StoredManifest:
        require(principal, Action.CHECK)
        manifest, _ = self.store.get(manifest_id)
        if principal.role is not Role.ADMIN and principal.country != manifest.country:
            raise NotFound(f"no manifest {manifest_id}")
        return manifest

    @staticmethod
    def _require_not_arrived(manifest: StoredManifest, now: dt.datetime) -> None:
        if manifest.arrives_at is None:
            raise Conflict(
                f"manifest {manifest.id} gives no arrival time, so it cannot be told whether "
                "its flight has arrived; screen the travellers again as a new manifest"
            )
        utc_now = now.astimezone(dt.UTC).replace(tzinfo=None)
        if utc_now > manifest.arrives_at + ARRIVAL_SLACK:
            raise Conflict(
                f"the flight of manifest {manifest.id} arrived at "
                f"{manifest.arrives_at.isoformat()} (local time); only flights not yet "
                "arrived are screened again"
            )


def _prefix(item: TravellerItem) -> str:
    return f"travellers[{item.position}]."


def _query(manifest_id: str, source: ManifestSource, item: TravellerItem) -> dict[str, Any]:
    """What the audit keeps of one traveller's check: the manifest, the flight, the request."""
    flight = (source.flight or {}).get("flight")
    return {
        "manifest_id": manifest_id,
        "flight": flight,
        "position": item.position,
        **(item.raw or {}),
    }
