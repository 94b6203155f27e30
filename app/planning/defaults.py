"""Defaults as the front ends show them, without loading pydantic or the catalog (the wizard's pages
and the CLI's --help read these while the first window is still being shown)."""

from __future__ import annotations


def default_value(field: str, goal: str | None) -> float | str | None:
    """The value a field takes when left empty, for ``goal`` (what the wizard shows in its spin boxes
    and menus), from the assumptions registry; None when the default is a rule (tokens) or "none"."""
    from app.core import assumptions as A

    for e in A.for_field(field):
        if e.code != "target_days" and (goal is None or goal in e.goals):
            return e.value
    return None


def default_currency(lang: str) -> str:
    """Money follows the language unless the user chose a currency: yen in Japanese, dollars otherwise."""
    return "JPY" if lang == "ja" else "USD"
