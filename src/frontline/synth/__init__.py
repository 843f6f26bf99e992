"""Synthetic data that looks real and is not: the demo world of Frontline.

No real personal data, ever: names are common names of many cultures combined at random,
numbers are drawn from plausible national formats, identifiers carry valid check digits.
Everything is pure and deterministic: the same ``seed`` and ``today`` give the same world.

- :func:`generate_world` builds a :class:`World`: SLTD documents, persons under notices,
  vehicles, vessels, firearms, clean travellers and ready-to-paste :class:`DemoMRZ`.
- :func:`iter_documents` and :func:`document_rows` stream documents for big benchmarks.
- :func:`to_row` and :func:`world_rows` give the importer's row format.
"""

from __future__ import annotations

from frontline.synth.documents import iter_documents, range_contains
from frontline.synth.passports import DemoDocument, DemoMRZ, build_mrz, mrz_for_document
from frontline.synth.rows import Row, document_rows, to_row, world_rows
from frontline.synth.vehicles import vin_check_digit
from frontline.synth.vessels import imo_check_digit
from frontline.synth.world import World, generate_world

__all__ = [
    "DemoDocument",
    "DemoMRZ",
    "Row",
    "World",
    "build_mrz",
    "document_rows",
    "generate_world",
    "imo_check_digit",
    "iter_documents",
    "mrz_for_document",
    "range_contains",
    "to_row",
    "vin_check_digit",
    "world_rows",
]
