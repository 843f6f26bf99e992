"""Learn the romanisation table of ``frontline.matching.transliteration`` from name pairs.

Reads ../shared/data/names/dev_pairs.tsv, keeps the training half (``is_training``: the
other half is what ``bench.bench_names`` measures on, so no figure is measured on data
the table was learned from), pairs words in order where both sides have as many words, and
runs EM over monotone alignments (each native unit gives 0 to 3 Latin letters), seeded with
the hand-written readings. Writes src/frontline/matching/data/transliteration.json.
Usage: python -m bench.train_transliteration [--iterations 6] [--top 8]
"""

from __future__ import annotations

import argparse
import math
import re
import zlib
from collections import defaultdict
from pathlib import Path

from anyascii import anyascii

from frontline.matching.scripts import _FINALS, _INITIALS, _MEDIALS
from frontline.matching.transliteration import MAX_EMIT, native_units, positioned

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "data" / "names" / "dev_pairs.tsv"
OUT = Path(__file__).resolve().parents[1] / "src" / "frontline" / "matching"
SCRIPTS = {"hebrew": "hebrew", "arabic": "arabic", "russian": "cyrillic", "korean": "hangul"}
_LATIN_WORDS = re.compile(r"[a-z]+")
_NATIVE_SPLIT = re.compile(r"[\s,\-־.()\u200f\u200e]+")
FLOOR = 1e-6


def is_training(latin: str) -> bool:
    """Half the pairs, chosen by a hash of the Latin name: the same half on every machine."""
    return zlib.crc32(latin.casefold().encode()) % 2 == 0


def word_pairs(script_family: str) -> list[tuple[list[str], str]]:
    script = SCRIPTS[script_family]
    pairs = []
    with PAIRS.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            latin, native, family = line.rstrip("\n").split("\t")
            if family != script_family or not is_training(latin):
                continue
            latin_words = _LATIN_WORDS.findall(anyascii(latin).lower())
            native_words = [word for word in _NATIVE_SPLIT.split(native) if word]
            if len(latin_words) != len(native_words):
                continue
            for word, spelt in zip(native_words, latin_words, strict=True):
                units = positioned(native_units(word, script))
                if units and len(spelt) <= MAX_EMIT * len(units):
                    pairs.append((units, spelt))
    return pairs


def prior(script: str, unit: str) -> str:
    bare = unit.split(":", 1)[1]
    if script == "hangul" and bare[0] in "ivf" and bare[1:].isdigit():
        table = {"i": _INITIALS, "v": _MEDIALS, "f": _FINALS}[bare[0]]
        return table[int(bare[1:])].strip("-")
    return re.sub(r"[^a-z]", "", anyascii(bare).lower())


def train(
    script: str, pairs: list[tuple[list[str], str]], iterations: int
) -> dict[str, dict[str, float]]:
    probs: dict[str, dict[str, float]] = defaultdict(dict)
    for units, _ in pairs:  # seed: the hand reading is likely, anything else possible
        for unit in units:
            if unit not in probs:
                probs[unit] = {prior(script, unit): 0.5}
    for _ in range(iterations):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for units, spelt in pairs:
            _expect(units, spelt, probs, counts)
        probs = defaultdict(dict)
        for unit, outs in counts.items():
            total = sum(outs.values())
            probs[unit] = {
                out: count / total for out, count in outs.items() if count / total > 1e-4
            }
    return probs


def _p(table: dict[str, float], out: str) -> float:
    return table.get(out, FLOOR)


def _expect(
    units: list[str],
    spelt: str,
    probs: dict[str, dict[str, float]],
    counts: dict[str, dict[str, float]],
) -> None:
    n, m = len(units), len(spelt)
    alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
    alpha[0][0] = 1.0
    for i, unit in enumerate(units):
        table = probs[unit]
        row, following = alpha[i], alpha[i + 1]
        for j in range(m + 1):
            here = row[j]
            if here == 0.0:
                continue
            for k in range(min(MAX_EMIT, m - j) + 1):
                following[j + k] += here * _p(table, spelt[j : j + k])
    total = alpha[n][m]
    if total <= 0.0 or math.isnan(total):
        return
    beta = [[0.0] * (m + 1) for _ in range(n + 1)]
    beta[n][m] = 1.0
    for i in range(n - 1, -1, -1):
        table = probs[units[i]]
        row, following = beta[i], beta[i + 1]
        for j in range(m + 1):
            acc = 0.0
            for k in range(min(MAX_EMIT, m - j) + 1):
                after = following[j + k]
                if after:
                    acc += _p(table, spelt[j : j + k]) * after
            row[j] = acc
    for i, unit in enumerate(units):
        table = probs[unit]
        bucket = counts[unit]
        row, following = alpha[i], beta[i + 1]
        for j in range(m + 1):
            here = row[j]
            if here == 0.0:
                continue
            for k in range(min(MAX_EMIT, m - j) + 1):
                after = following[j + k]
                if after:
                    out = spelt[j : j + k]
                    bucket[out] += here * _p(table, out) * after / total


def render_table(model: dict[str, dict[str, list[tuple[str, float]]]]) -> str:
    """The table as a Python module, so that the matcher reads no file (a pure core)."""
    lines = [
        "# ruff: noqa: E501",
        '"""P(Latin letters | native unit), learned by bench/train_transliteration.py from the',
        "training half of shared/data/names/dev_pairs.tsv (CC0 1.0 and Apache-2.0 sources; see",
        'that folder\'s README). Log-probabilities, best first. Generated: do not edit."""',
        "",
        "# fmt: off",
        "SCRIPTS: dict[str, dict[str, list[tuple[str, float]]]] = {",
    ]
    for script, table in model.items():
        lines.append(f"    {script!r}: {{")
        for unit, outs in table.items():
            lines.append(f"        {unit!r}: {[(out, logp) for out, logp in outs]!r},")
        lines.append("    },")
    lines += ["}", "# fmt: on", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=6)
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()
    model: dict[str, dict[str, list[tuple[str, float]]]] = {}
    for family, script in SCRIPTS.items():
        pairs = word_pairs(family)
        probs = train(script, pairs, args.iterations)
        model[script] = {
            unit: [
                (out, round(math.log(p), 3))
                for out, p in sorted(outs.items(), key=lambda item: -item[1])[: args.top]
            ]
            for unit, outs in sorted(probs.items())
        }
        print(f"{family}: {len(pairs)} word pairs, {len(probs)} units")
    path = OUT / "transliteration_table.py"
    path.write_text(render_table(model), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
