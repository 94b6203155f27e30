"""The charts' series colours, with their names: the PDF's scaling charts say in words which line is
which (a legend drawn inside the exported chart image did not survive the export's scaling)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, translate

PALETTE = (
    ("#1f77b4", QT_TRANSLATE_NOOP("Palette", "blue")),
    ("#d62728", QT_TRANSLATE_NOOP("Palette", "red")),
    ("#2ca02c", QT_TRANSLATE_NOOP("Palette", "green")),
    ("#9467bd", QT_TRANSLATE_NOOP("Palette", "purple")),
    ("#ff7f0e", QT_TRANSLATE_NOOP("Palette", "orange")),
    ("#8c564b", QT_TRANSLATE_NOOP("Palette", "brown")),
)
COLOURS = tuple(c for c, _ in PALETTE)


def drawn_series(series: Mapping[str, Sequence[Any]]) -> list[str]:
    """The series a scaling chart draws, in colour order: those with a point that fits."""
    return [name for name, points in series.items() if any(p.fits for p in points)]


def line_key(series: Mapping[str, Sequence[Any]]) -> str:
    """"Lines: blue, A; red, B." for the series of a scaling chart."""
    parts = [translate("Palette", "{0}, {1}").format(translate("Palette", PALETTE[i % len(PALETTE)][1]), name)
             for i, name in enumerate(drawn_series(series))]
    return translate("Palette", "Lines: {0}.").format(translate("Palette", "; ").join(parts)) if parts else ""
