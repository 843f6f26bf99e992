"""The report's charts, drawn with matplotlib's object API on the Agg backend.

No pyplot: a figure made with ``Figure()`` belongs to no global state, so two requests
drawing at once in one server process do not share anything.
"""

from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from frontline.operations.statistics import Statistics

__all__ = ["chart_images", "chart_svgs", "draw_by_database", "draw_by_day", "draw_by_point"]

BLUE, RED, GREEN, GREY = "#1f4e79", "#b22222", "#2e7d32", "#555555"


def draw_by_database(axes: Axes, stats: Statistics) -> None:
    rows = sorted(stats.by_database.items())
    names = [name for name, _ in rows] or ["(no hits)"]
    hits = [tally.hits for _, tally in rows] or [0]
    confirmed = [tally.confirmed for _, tally in rows] or [0]
    positions = range(len(names))
    axes.barh(positions, hits, color=BLUE, label="hits")
    axes.barh(positions, confirmed, color=GREEN, height=0.4, label="confirmed")
    axes.set_yticks(list(positions), names)
    axes.invert_yaxis()
    axes.set_title("Hits by database", fontsize=10, loc="left")
    axes.legend(fontsize=7, loc="lower right")
    _plain(axes)


def draw_by_point(axes: Axes, stats: Statistics) -> None:
    rows = sorted(stats.by_border_point.items())
    names = [name for name, _ in rows] or ["(no checks)"]
    hits = [tally.hits for _, tally in rows] or [0]
    checks = [tally.checks for _, tally in rows] or [0]
    positions = range(len(names))
    bars = axes.bar(positions, hits, color=RED)
    for bar, count in zip(bars, checks, strict=True):
        axes.annotate(
            f"{count:,} checks",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=7,
            color=GREY,
        )
    axes.set_xticks(list(positions), names, fontsize=8)
    axes.set_title("Hits by border point", fontsize=10, loc="left")
    _plain(axes)


def draw_by_day(axes: Axes, stats: Statistics) -> None:
    rows = sorted(stats.by_day.items())
    days = [day[5:] for day, _ in rows] or ["-"]
    checks = [tally.checks for _, tally in rows] or [0]
    hits = [tally.hits for _, tally in rows] or [0]
    positions = list(range(len(days)))
    axes.bar(positions, checks, color="#9fb8d0", label="checks")
    axes.set_xticks(positions, days, fontsize=8)
    axes.set_ylabel("checks", fontsize=8)
    twin = axes.twinx()
    twin.plot(positions, hits, color=RED, marker="o", label="hits")
    twin.set_ylabel("hits", fontsize=8, color=RED)
    twin.set_ylim(bottom=0)
    axes.set_title("Checks and hits per day (UTC)", fontsize=10, loc="left")
    _plain(axes)


def _plain(axes: Axes) -> None:
    axes.tick_params(labelsize=8)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def chart_svgs(stats: Statistics) -> dict[str, str]:
    """The three charts as inline SVG documents (no XML prologue), by name."""
    out = {}
    for name, draw in (
        ("by_database", draw_by_database),
        ("by_border_point", draw_by_point),
        ("by_day", draw_by_day),
    ):
        figure = Figure(figsize=(6.4, 2.6))
        draw(figure.add_subplot(), stats)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        svg = buffer.getvalue()
        out[name] = svg[svg.index("<svg") :]
    return out


def chart_images(stats: Statistics) -> dict[str, str]:
    """The three charts as ``data:image/svg+xml`` URIs, for pages whose content security
    policy refuses inline styles (an SVG shown as an image keeps its own)."""
    return {
        name: "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        for name, svg in chart_svgs(stats).items()
    }
