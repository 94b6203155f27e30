"""Self-hosting against commercial APIs: the same monthly workload priced at each API's list price.

Self-hosting a configuration costs about the same each month whatever it serves (rented hours are
billed busy or idle; a bought server is paid for either way), so its price per token falls as the
volume grows, until the configuration is full. An API's price per token is flat. Self-hosting beats
an API above the monthly volume at which the two bills are equal::

    break-even tokens per month = self-hosting per month / API price per token (at the workload's mix)

and only if that volume fits in what the configuration serves at the given load. The quality of the
two models is not compared: an open model and an API model are different models, even where an API
serves the same open weights (quantisation, context limits and safety filters differ by provider).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.cost import relevant_cost
from app.core.results import Option
from app.core.scenario import Scenario
from app.core.specs import ApiPrice


@dataclass(frozen=True, slots=True)
class ApiRow:
    api: ApiPrice
    same_model: bool  # the API serves the plan's open model
    input_per_million: float  # in the plan's currency
    output_per_million: float
    monthly_cost: float  # the workload at the API's prices
    breakeven_tokens_per_month: float | None  # self-hosting is cheaper above this (None: free API)
    self_hosting_cheaper: bool  # at the workload's volume


@dataclass(frozen=True, slots=True)
class ApiComparison:
    currency: str
    deployment: str  # cloud | onprem: how the recommended option is paid for
    monthly_self_hosting: float
    monthly_input_tokens: float
    monthly_output_tokens: float
    rows: list[ApiRow]

    @property
    def monthly_tokens(self) -> float:
        return self.monthly_input_tokens + self.monthly_output_tokens


def compare_apis(s: Scenario, best: Option, apis: list[ApiPrice] | tuple[ApiPrice, ...],
                 monthly: tuple[float, float]) -> ApiComparison | None:
    """The recommended option against every API in the catalog, for ``monthly`` (input, output)
    tokens a month (app.core.service.monthly_tokens). None when the option has no price."""
    owned = s.own.get(best.gpu, 0) >= best.gpu_count
    total = relevant_cost(s, best.cost.cloud, best.cost.onprem, owned)
    if total is None or s.is_training:
        return None
    deployment = "cloud" if total == best.cost.cloud and not owned else "onprem"
    months = s.years * 12.0
    per_month = total / months
    tin, tout = monthly
    rows = []
    for a in apis:
        pin, pout = a.prices_in(s.currency, s.fx_jpy_per_usd)
        bill = (tin * pin + tout * pout) / 1e6
        mix = tin + tout
        per_token = bill / mix if mix > 0 else 0.0
        breakeven = per_month / per_token if per_token > 0 else None
        rows.append(ApiRow(a, bool(a.open_model) and a.open_model == s.model.id, pin, pout, bill, breakeven,
                           per_month < bill))
    rows.sort(key=lambda r: (not r.same_model, r.monthly_cost))
    return ApiComparison(s.currency, deployment, per_month, tin, tout, rows)
