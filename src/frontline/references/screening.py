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
        if request.documents:
            self.catalogue.ensure_fresh()
            references, warnings = self.catalogue.references(request)
            if references:
                result.references = references
            if warnings:
                result.warnings = (*result.warnings, *warnings)
        return result
