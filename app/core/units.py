"""Units and number parsing. SI inside: bytes, FLOP, seconds, tokens, watts."""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

KB = 1e3
MB = 1e6
GB = 1e9
TB = 1e12
KiB = 1024.0
MiB = 1024.0**2
GiB = 1024.0**3

HOUR_S = 3600.0
DAY_S = 86400.0
YEAR_S = 365.25 * DAY_S  # Julian year, used only for display of long durations

# Decimal suffixes as people write model sizes and token counts: 7B, 1.4T, 500M, 8K.
# Japanese money and counts: 千 = 1e3, 万 = 1e4, 億 = 1e8 (e.g. a budget of 3000万 or 1.5億 yen).
_SUFFIX = {"": 1.0, "K": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12, "P": 1e15, "千": 1e3, "万": 1e4, "億": 1e8}
_NUMBER = re.compile(r"^\s*([+-]?(?:\d+(?:[._]\d+)*|\d*\.\d+)(?:[eE][+-]?\d+)?)\s*([kKmMbBgGtTpP千万億]?)\s*(?:円)?\s*$")


def parse_quantity(text: str | float | int) -> float:
    """Parse ``7000000000``, ``7e9``, ``7B``, ``1.4T``, ``500M``, ``8K`` into a float.

    Suffixes are decimal (K = 1e3, M = 1e6, B/G = 1e9, T = 1e12). Raises ValueError with the
    accepted forms when the text is not a finite number.
    """
    return float(parse_decimal(text))


def parse_decimal(text: str | float | int) -> Decimal:
    """The same forms as ``parse_quantity``, exactly: 8.19K is 8190, not 8189.999…"""
    if isinstance(text, bool):
        raise ValueError(f"not a number: {text!r}")
    if isinstance(text, (int, float)):
        if isinstance(text, float) and not math.isfinite(text):
            raise ValueError(f"not a finite number: {text!r}")
        return Decimal(text) if isinstance(text, int) else Decimal(repr(text))
    m = _NUMBER.match(str(text).replace(",", ""))
    if not m:
        raise ValueError(f"not a number: {text!r} (use e.g. 7000000000, 7e9, 7B, 1.4T, 500M, 8K, 3000万)")
    try:
        value = Decimal(m.group(1).replace("_", "")) * Decimal(repr(_SUFFIX[m.group(2).upper()]))
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    if not value.is_finite() or not math.isfinite(float(value)):
        raise ValueError(f"not a finite number: {text!r}")
    return value
