"""WCAG AA: every rule of the console's stylesheet that sets both a text colour and a
background gives a contrast of at least 4.5:1 (and the text colours read on white)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).parents[2] / "src/frontline/web/static/console.css").read_text()
_VARIABLES = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", CSS))
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def _colour(value: str) -> str | None:
    value = value.strip()
    found = re.fullmatch(r"var\(--([\w-]+)\)", value)
    if found:
        return _VARIABLES.get(found.group(1))
    return value if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else None


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for selector, body in _RULE.findall(CSS):
        declarations = {
            name.strip(): value
            for name, _, value in (item.partition(":") for item in body.split(";"))
        }
        text = _colour(declarations.get("color", ""))
        background = _colour(declarations.get("background", ""))
        if text and background:
            pairs.append((selector.strip().splitlines()[-1], text, background))
    return pairs


def test_the_stylesheet_declares_colour_pairs() -> None:
    assert len(_pairs()) >= 12


@pytest.mark.parametrize(("selector", "text", "background"), _pairs())
def test_each_text_and_background_pair_meets_aa(selector: str, text: str, background: str) -> None:
    assert contrast(text, background) >= 4.5, selector


@pytest.mark.parametrize("name", ["ink", "muted", "link", "ok", "hit", "maybe"])
def test_each_text_colour_reads_on_white(name: str) -> None:
    assert contrast(_VARIABLES[name], "#ffffff") >= 4.5
