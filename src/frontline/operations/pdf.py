"""The report as one A4 page of PDF, laid out on one matplotlib figure."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

from frontline.operations.charts import draw_by_database, draw_by_day, draw_by_point
from frontline.operations.report import case_line, headline, notable_cases
from frontline.operations.statistics import Statistics

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["render_pdf", "report_page"]

A4_INCHES = (8.27, 11.69)
_COLUMNS = (
    "day",
    "border_point",
    "database",
    "notice_type",
    "record_id",
    "confirmed",
    "state",
    "outcome",
)
_WIDTHS = (0.13, 0.12, 0.11, 0.12, 0.14, 0.1, 0.1, 0.18)


def render_pdf(stats: Statistics) -> bytes:
    buffer = io.BytesIO()
    report_page(stats).savefig(buffer, format="pdf", metadata={"CreationDate": None})
    return buffer.getvalue()


def report_page(stats: Statistics) -> Figure:
    """The report laid out on one A4 figure."""
    from matplotlib.figure import Figure

    operation = stats.operation
    figure = Figure(figsize=A4_INCHES)
    grid = figure.add_gridspec(
        4, 2, height_ratios=[0.9, 1.2, 1.2, 1.3], left=0.08, right=0.92, top=0.95, bottom=0.04
    )
    header = figure.add_subplot(grid[0, :])
    header.axis("off")
    window = f"{operation.starts_at:%Y-%m-%d %H:%M} to {operation.ends_at:%Y-%m-%d %H:%M} UTC"
    lines = [
        (operation.name, 15, "bold"),
        (f"Hosted by {operation.host_country}, {window}", 9, "normal"),
        (f"Databases opened: {', '.join(sorted(operation.databases))}", 9, "normal"),
        *((text, 10, "bold") for text in textwrap.wrap(headline(stats), 90)),
        *((text, 9, "normal") for text in textwrap.wrap(_totals_line(stats), 100)),
    ]
    for position, (text, size, weight) in enumerate(lines):
        header.text(0, 1 - position * 0.16, text, fontsize=size, fontweight=weight, va="top")
    draw_by_database(figure.add_subplot(grid[1, 0]), stats)
    draw_by_point(figure.add_subplot(grid[1, 1]), stats)
    draw_by_day(figure.add_subplot(grid[2, :]), stats)
    _cases_table(figure.add_subplot(grid[3, :]), stats)
    figure.text(
        0.08,
        0.015,
        f"Generated {stats.generated_at:%Y-%m-%d %H:%M} UTC from the audit log "
        f"({operation.id}). No traveller names or document numbers appear here.",
        fontsize=7,
        color="#555555",
    )
    return figure


def _totals_line(stats: Statistics) -> str:
    totals = stats.totals
    parts = [f"{totals.checks:,} checks", f"{totals.hits:,} hits", f"{totals.confirmed} confirmed"]
    parts += [
        f"{count} {name.replace('_', ' ')}" for name, count in sorted(totals.outcomes.items())
    ]
    return " | ".join(parts)


def _cases_table(axes: Axes, stats: Statistics) -> None:
    axes.axis("off")
    axes.set_title("Notable cases", fontsize=10, loc="left")
    rows = [[line[column] for column in _COLUMNS] for line in map(case_line, notable_cases(stats))]
    if not rows:
        axes.text(0, 0.9, "No cases yet.", fontsize=9)
        return
    table = axes.table(
        cellText=rows,
        colLabels=[column.replace("_", " ") for column in _COLUMNS],
        colWidths=list(_WIDTHS),
        loc="upper left",
        cellLoc="left",
    )
    table.auto_set_font_size(False)
    table.set_fontsize(7)
    table.scale(1, 1.2)
