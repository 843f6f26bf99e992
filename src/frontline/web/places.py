"""Where an officer works from the check page: no operation, or a border point of a running
operation the officer takes part in. The choice travels in the forms as ``where``
(``OPERATION|CODE``); the check's access scope decides again on every check."""

from __future__ import annotations

from frontline.domain.operations import check_context
from frontline.domain.queries import NO_CONTEXT, CheckContext
from frontline.domain.users import Principal
from frontline.errors import InvalidInput
from frontline.services import Services

__all__ = ["context_of", "places_for"]


def places_for(services: Services, principal: Principal) -> list[tuple[str, str]]:
    """(value, label) of every border point of every operation ``principal`` may check in."""
    return [
        (f"{operation.id}|{point.code}", f"{operation.name}: {point.code}, {point.name}")
        for operation in services.operations.running_for(principal=principal)
        for point in operation.border_points
    ]


def context_of(where: str) -> CheckContext:
    """The check context a form's ``where`` names (empty: none)."""
    if not where.strip():
        return NO_CONTEXT
    operation_id, bar, code = where.partition("|")
    if not bar or not operation_id.strip() or not code.strip():
        raise InvalidInput.for_field("where", "must be OPERATION|BORDER_POINT")
    return check_context(operation_id.strip(), code)
