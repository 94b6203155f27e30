"""Several plans at once: each planned through the one pipeline (``to_scenario`` then
``build_outcome``), with its sensitivity, and the inputs in which they differ."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.planning.outcome import PlanOutcome, build_outcome, with_sensitivity
from app.planning.request import PlanRequest


@dataclass
class Comparison:
    names: list[str]
    outcomes: list[PlanOutcome]
    paths: list[str] = field(default_factory=list)

    def differences(self) -> list[dict[str, Any]]:
        """The request fields whose resolved values differ (defaults included), in request order."""
        requests = [o.request for o in self.outcomes]
        keys = list(dict.fromkeys(k for r in requests for k in r))
        out = []
        for k in keys:
            values = [r.get(k) for r in requests]
            if any(v != values[0] for v in values[1:]):
                out.append({"field": k, "values": values})
        return out


class CompareError(ValueError):
    """One of the plans cannot be planned: ``path`` (or the plan's name) and the error (a
    PlanFileError or a RequestError) for the front end to word."""

    def __init__(self, where: str, error: Exception):
        super().__init__(f"{where}: {error}")
        self.where = where
        self.error = error


def compare_requests(requests: Sequence[PlanRequest], names: Sequence[str], catalog: Any, *,
                     curves: bool = False) -> Comparison:
    from app.planning.request import RequestError, to_scenario

    outcomes = []
    for req, name in zip(requests, names, strict=True):
        try:
            s = to_scenario(req, catalog)
        except RequestError as e:
            raise CompareError(name, e) from None
        outcomes.append(with_sensitivity(build_outcome(s, catalog, curves=curves, with_backtest=False), catalog))
    return Comparison(list(names), outcomes)


def compare_plans(paths: Sequence[str], catalog: Any, *, curves: bool = False) -> Comparison:
    """The plan files at ``paths``, compared."""
    from app.planning import planfile

    requests, names = [], []
    for p in paths:
        try:
            pf = planfile.read(p)
        except planfile.PlanFileError as e:
            raise CompareError(str(p), e) from None
        requests.append(PlanRequest(**pf.request))
        names.append(pf.name or Path(p).stem)
    cmp = compare_requests(requests, names, catalog, curves=curves)
    cmp.paths = [str(p) for p in paths]
    return cmp
