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


# Money as people write it: "$1M", "US$2.5M", "1M USD", "¥30M", "3億円", "100万ドル", "3000万", "1.5億".
_USD_MARKS = ("US$", "USD", "ドル", "$", "usd", "dollars", "dollar")
_JPY_MARKS = ("JPY", "円", "¥", "￥", "jpy", "yen")


def parse_money(text: str | float | int) -> tuple[Decimal, str | None]:
    """(amount, currency written with it or None): ``$1M`` -> (1e6, "USD"), ``3億円`` -> (3e8, "JPY"),
    ``100万ドル`` -> (1e6, "USD"), ``30M`` -> (3e7, None). ValueError when it is not money."""
    if not isinstance(text, str):
        return parse_decimal(text), None
    t = text.strip().replace(",", "").replace("，", "")
    currency = None
    for marks, code in ((_USD_MARKS, "USD"), (_JPY_MARKS, "JPY")):
        for mark in marks:
            if t.startswith(mark):
                t, currency = t[len(mark):], code
                break
            if t.endswith(mark):
                t, currency = t[: -len(mark)], code
                break
        if currency:
            break
    t = t.strip()
    try:
        return parse_decimal(t), currency
    except ValueError:
        raise ValueError(f"not money: {text!r}") from None


# Durations in days: "90", "90日", "90 days", "12 weeks", "2週間", "3 months", "3か月", "1 year", "1年".
_DAYS_PER = {"day": 1.0, "days": 1.0, "d": 1.0, "日": 1.0, "日間": 1.0,
             "week": 7.0, "weeks": 7.0, "w": 7.0, "週": 7.0, "週間": 7.0,
             "month": 365.25 / 12, "months": 365.25 / 12, "mo": 365.25 / 12, "か月": 365.25 / 12, "ヶ月": 365.25 / 12,
             "ヵ月": 365.25 / 12, "カ月": 365.25 / 12, "ケ月": 365.25 / 12, "月": 365.25 / 12,
             "year": 365.25, "years": 365.25, "y": 365.25, "年": 365.25, "年間": 365.25}
_DURATION = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*([A-Za-z\u3040-\u30ff\u4e00-\u9fff]*)\s*$")


def parse_days(text: str | float | int) -> float:
    """Days from ``90``, ``90日``, ``12 weeks``, ``3 months`` (a month is 365.25 / 12 days), ``1年``.
    ValueError when it is not a duration."""
    if not isinstance(text, str):
        return float(parse_decimal(text))
    m = _DURATION.match(text.replace("，", "").replace(",", ""))
    if not m:
        raise ValueError(f"not a duration: {text!r}")
    unit = m.group(2).lower() if m.group(2).isascii() else m.group(2)
    if unit not in _DAYS_PER and unit != "":
        raise ValueError(f"not a duration: {text!r}")
    return float(m.group(1)) * _DAYS_PER.get(unit, 1.0)
