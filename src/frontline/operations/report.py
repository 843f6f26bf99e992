"""The one-page operation report, for a minister: HTML (inline SVG charts), PDF (one A4
page) or CSV (the same figures as rows).

It carries counts and, for notable cases, the record id, database, notice type, border
point, day, state and outcome: never a traveller's name, birth date or document number
(cases keep those in ``subject``, which the report does not read).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from frontline.errors import InvalidInput
from frontline.operations.statistics import Statistics, Tally
from frontline.store.operation_stats import CaseRow

__all__ = ["REPORT_TYPES", "notable_cases", "render_report", "report_rows"]

REPORT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
}
MAX_NOTABLE = 10

_OUTCOME_RANK = {"detained": 0, "document_seized": 1, "vehicle_seized": 1, "referred": 2}
_STATE_RANK = {"confirmed": 0, "closed": 1, "confirming": 2, "potential": 3, "not_confirmed": 4}


def render_report(stats: Statistics, format: str) -> bytes:
    if format == "html":
        return render_html(stats).encode()
    if format == "pdf":
        from frontline.operations.pdf import render_pdf

        return render_pdf(stats)
    if format == "csv":
        return render_csv(stats).encode()
    raise InvalidInput.for_field("format", "must be html, pdf or csv")


def notable_cases(stats: Statistics) -> list[CaseRow]:
    """Confirmed hits first, the weightiest outcomes first (detained, seized), then the
    rest; false hits never."""

    def rank(case: CaseRow) -> tuple[int, int, int, str]:
        return (
            0 if case.was_confirmed else 1,
            _OUTCOME_RANK.get(case.outcome or "", 5),
            _STATE_RANK.get(case.state, 9),
            case.day,
        )

    chosen = sorted((case for case in stats.cases if case.outcome != "false_hit"), key=rank)
    return chosen[:MAX_NOTABLE]


def case_line(case: CaseRow) -> dict[str, str]:
    return {
        "day": case.day,
        "border_point": case.border_point or "-",
        "database": case.database,
        "notice_type": case.status,
        "record_id": case.record_id,
        "state": case.state,
        "confirmed": "yes" if case.was_confirmed else "no",
        "outcome": case.outcome or "-",
    }


def headline(stats: Statistics) -> str:
    """ "55 hits in 3,000 checks, 42 on lost or stolen travel documents" in the report's own
    numbers."""
    totals = stats.totals
    sltd = stats.by_database.get("SLTD")
    text = f"{totals.hits:,} hits in {totals.checks:,} checks"
    if sltd and sltd.hits:
        text += f", {sltd.hits:,} on lost or stolen travel documents"
    return f"{text}; {totals.confirmed:,} confirmed by the record owners."


def report_rows(stats: Statistics) -> Iterator[list[Any]]:
    """(section, key, metric, value): every figure of the report, one a row."""
    yield ["operation", stats.operation.id, "name", stats.operation.name]
    yield ["operation", stats.operation.id, "starts_at", stats.operation.starts_at.isoformat()]
    yield ["operation", stats.operation.id, "ends_at", stats.operation.ends_at.isoformat()]
    yield ["operation", stats.operation.id, "generated_at", stats.generated_at.isoformat()]
    yield from _tally_rows("totals", "all", stats.totals, with_checks=True)
    for section, breakdown, with_checks in (
        ("border_point", stats.by_border_point, True),
        ("database", stats.by_database, False),
        ("notice_type", stats.by_notice_type, False),
        ("day", stats.by_day, True),
    ):
        for key, tally in sorted(breakdown.items()):
            yield from _tally_rows(section, key, tally, with_checks=with_checks)


def _tally_rows(section: str, key: str, tally: Tally, *, with_checks: bool) -> Iterator[list[Any]]:
    if with_checks:
        yield [section, key, "checks", tally.checks]
    yield [section, key, "hits", tally.hits]
    yield [section, key, "certain_hits", tally.certain_hits]
    yield [section, key, "possible_hits", tally.possible_hits]
    yield [section, key, "confirmed", tally.confirmed]
    for outcome, count in sorted(tally.outcomes.items()):
        yield [section, key, f"outcome:{outcome}", count]


def render_csv(stats: Statistics) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "key", "metric", "value"])
    writer.writerows(report_rows(stats))
    return buffer.getvalue()


def render_html(stats: Statistics) -> str:
    from frontline.operations.charts import chart_svgs

    operation = stats.operation
    return _TEMPLATE.render(
        operation=operation,
        stats=stats,
        headline=headline(stats),
        charts=chart_svgs(stats),
        points={point.code: point for point in operation.border_points},
        outcomes=sorted(stats.totals.outcomes.items()),
        cases=[case_line(case) for case in notable_cases(stats)],
    )


_TEMPLATE = Environment(autoescape=True).from_string(
    """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{{ operation.name }}: operation report</title>
<style>
body{font-family:system-ui,sans-serif;color:#1a1a1a;max-width:60rem;margin:1.5rem auto;
padding:0 1rem;line-height:1.4}
h1{font-size:1.5rem;margin:0}.meta{color:#444;margin:.2rem 0 1rem}
.totals{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.totals div{border:1px solid #ccc;border-radius:.3rem;padding:.4rem .8rem}
.totals b{display:block;font-size:1.4rem}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}
.charts figure{margin:0}.charts svg{width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #ddd;padding:.2rem .4rem;text-align:left}
@media print{body{margin:0}}
</style></head><body>
<h1>{{ operation.name }}</h1>
<p class="meta">Hosted by {{ operation.host_country }} &middot;
{{ operation.starts_at.strftime('%Y-%m-%d %H:%M') }} to
{{ operation.ends_at.strftime('%Y-%m-%d %H:%M') }} UTC &middot;
{{ operation.border_points|length }} border points &middot; databases opened:
{{ operation.databases|sort|join(', ') }}{% if operation.crime_areas %} &middot; targets:
{{ operation.crime_areas|join(', ') }}{% endif %}</p>
<p><strong>{{ headline }}</strong></p>
<div class="totals">
<div><b>{{ '{:,}'.format(stats.totals.checks) }}</b>checks</div>
<div><b>{{ '{:,}'.format(stats.totals.hits) }}</b>hits</div>
<div><b>{{ '{:,}'.format(stats.totals.confirmed) }}</b>confirmed</div>
{% for outcome, count in outcomes %}<div><b>{{ count }}</b>{{ outcome|replace('_', ' ') }}</div>
{% endfor %}</div>
<div class="charts">
<figure id="chart-by-database">{{ charts.by_database|safe }}</figure>
<figure id="chart-by-border-point">{{ charts.by_border_point|safe }}</figure>
<figure id="chart-by-day">{{ charts.by_day|safe }}</figure>
<figure><table><thead><tr><th>Border point</th><th>Type</th><th>Checks</th><th>Hits</th>
<th>Confirmed</th></tr></thead><tbody>
{% for code, tally in stats.by_border_point|dictsort %}<tr><td>{{ code }}
{% if points[code] %}({{ points[code].name }}){% endif %}</td>
<td>{{ points[code].type.value if points[code] else '' }}</td>
<td>{{ '{:,}'.format(tally.checks) }}</td>
<td>{{ tally.hits }}</td><td>{{ tally.confirmed }}</td></tr>
{% endfor %}</tbody></table></figure>
</div>
<h2>Notable cases</h2>
{% if cases %}<table><thead><tr><th>Day</th><th>Border point</th><th>Database</th>
<th>Notice / status</th><th>Record</th><th>Confirmed</th><th>State</th><th>Outcome</th></tr>
</thead><tbody>
{% for case in cases %}<tr><td>{{ case.day }}</td><td>{{ case.border_point }}</td>
<td>{{ case.database }}</td><td>{{ case.notice_type }}</td><td>{{ case.record_id }}</td>
<td>{{ case.confirmed }}</td><td>{{ case.state }}</td><td>{{ case.outcome }}</td></tr>
{% endfor %}</tbody></table>{% else %}<p>No cases yet.</p>{% endif %}
<p class="meta">Generated {{ stats.generated_at.strftime('%Y-%m-%d %H:%M') }} UTC from the
audit log ({{ operation.id }}). No traveller names or document numbers appear here.</p>
</body></html>
"""
)
