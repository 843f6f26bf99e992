"""Document checks that also give each document's genuine reference and its warnings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontline.domain.checks import CheckResult
from frontline.domain.queries import CheckRequest
from frontline.references.catalogue import Catalogue
from frontline.screening.service import Screening

__all__ = ["ReferencedScreening"]


class ReferencedScreening(Screening):
    """The check use case, plus the specimen and counterfeit alerts of every document
    checked and the consistency warnings (in the result's ``warnings``, so the audit, the
    console and every client see them where they already look)."""

    def __init__(self, *, catalogue: Catalogue, **parts: Any) -> None:
        super().__init__(**parts)
        self.catalogue = catalogue

    def evaluate(self, request: CheckRequest, *, now: dt.datetime) -> CheckResult:
        result = super().evaluate(request, now=now)
        found = self.catalogue.references(request) if request.documents else None
        if found is not None:
            result.references = found[0]
            if found[1]:
                result.warnings = (*result.warnings, *found[1])
        return result
