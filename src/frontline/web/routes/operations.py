"""/operations: the operations, one with its live statistics and charts, and its report.

Officers, bureaus, coordinators and admins see operations (their window, border points and
databases); the statistics, charts and report are shown to those who may read them (the
host country's coordinators, admins), the same rule as the API's.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from frontline.errors import PermissionDenied
from frontline.operations.report import REPORT_TYPES, case_line, notable_cases, render_report
from frontline.operations.statistics import Statistics
from frontline.web.console import VisitDep, respond, wants_json

router = APIRouter(include_in_schema=False)


@router.get("/operations")
def operations_page(visit: VisitDep) -> Response:
    now = visit.services.clock()
    items = visit.services.operations.list_operations(principal=visit.principal)
    return respond(
        visit, visit.request, "operations.html", {"items": [i.as_dict(now) for i in items]}
    )


@router.get("/operations/{operation_id}")
def operation_page(operation_id: str, visit: VisitDep) -> Response:
    services = visit.services
    operation = services.operations.get(principal=visit.principal, operation_id=operation_id)
    stats = _statistics_if_allowed(visit, operation_id)
    data: dict[str, Any] = {
        "operation": operation.as_dict(services.clock()),
        "statistics": stats.as_dict() if stats else None,
    }
    context: dict[str, Any] = {"charts": {}, "cases": []}
    if stats is not None and not wants_json(visit.request):
        from frontline.operations.charts import chart_images

        context = {
            "charts": chart_images(stats),
            "cases": [case_line(case) for case in notable_cases(stats)],
        }
    return respond(visit, visit.request, "operation.html", data, **context)


@router.get("/operations/{operation_id}/report")
def operation_report(
    operation_id: str,
    visit: VisitDep,
    format: Annotated[str, Query(pattern="^(html|pdf|csv)$")] = "html",
) -> Response:
    stats = visit.services.operations.statistics(
        principal=visit.principal, operation_id=operation_id
    )
    disposition = "inline" if format == "html" else "attachment"
    return Response(
        render_report(stats, format),
        media_type=REPORT_TYPES[format],
        headers={"Content-Disposition": f'{disposition}; filename="{operation_id}.{format}"'},
    )


def _statistics_if_allowed(visit: Any, operation_id: str) -> Statistics | None:
    try:
        stats: Statistics = visit.services.operations.statistics(
            principal=visit.principal, operation_id=operation_id
        )
    except PermissionDenied:
        return None
    return stats
