"""Message registries: every code the core can emit (findings, rejections, verdicts, ways out, input
errors, catalog problems) -> a sentence template and how its parameters are shown. English is the
template; Japanese comes from Qt's translation files through ``app.i18n.translate`` (no Qt needed).

tests/present/test_messages.py finds every code the core and the catalog can emit and checks that each
has a sentence here, in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, translate
from app.present.text.format import (
    engine_name,
    fmt_bytes,
    fmt_count,
    fmt_date,
    fmt_duration,
    fmt_money,
    method_text,
    network_label,
)

Params = Mapping[str, Any]
Args = Callable[[Params, str, str], tuple[Any, ...]]


def _none(_p: Params, _lang: str, _cur: str) -> tuple[Any, ...]:
    return ()


@dataclass(frozen=True)
class Message:
    """A sentence template in its translation context, and the positional arguments it is given."""

    context: str
    template: str
    args: Args = field(default=_none)

    def render(self, p: Params, lang: str, currency: str) -> str:
        return translate(self.context, self.template).format(*self.args(p, lang, currency))


Entry = Message | Callable[[Params], Message]


def _days(p: Params, key: str) -> str:
    v = p.get(key)
    return "–" if v is None else f"{float(v):.1f}"


def _dl(p: Params, key: str) -> str:
    """A deadline in days as the user wrote it (90, 30.5), not padded to one decimal."""
    v = p.get(key)
    return "–" if v is None else f"{float(v):g}"


def _f(p: Params, key: str) -> float:
    return float(p.get(key) or 0)


def _money(key: str) -> Callable[[Params, str, str], str]:
    return lambda p, lang, cur: fmt_money(p.get(key), cur, lang)


def _F(template: str, args: Args = _none) -> Message:  # noqa: N802 - a short constructor for the table
    return Message("Findings", template, args)


def _V(template: str, args: Args = _none) -> Message:  # noqa: N802
    return Message("Verdict", template, args)


def _S(template: str, args: Args = _none) -> Message:  # noqa: N802
    return Message("Suggestion", template, args)


def _tp_spans_pcie(p: Params) -> Message:
    if int(p.get("nvlink_domain") or 1) <= 1:
        return _F(QT_TRANSLATE_NOOP("Findings", "Tensor parallelism over {0} GPUs runs over PCIe Gen{1} (no {2}): expect a large slowdown."),
                  lambda p, _l, _c: (p.get("tp"), p.get("pcie_gen", "?"), p.get("link", "NVLink")))
    return _F(QT_TRANSLATE_NOOP("Findings", "Tensor parallelism over {0} GPUs runs over PCIe Gen{1} ({3} joins only {2}): expect a large slowdown."),
              lambda p, _l, _c: (p.get("tp"), p.get("pcie_gen", "?"), p.get("nvlink_domain"), p.get("link", "NVLink")))


OFFLOADS = {
    "optimizer": QT_TRANSLATE_NOOP("Findings", "optimizer states"),
    "params": QT_TRANSLATE_NOOP("Findings", "weights and optimizer states"),
    "nvme": QT_TRANSLATE_NOOP("Findings", "weights and optimizer states on NVMe"),
    "activations": QT_TRANSLATE_NOOP("Findings", "activations"),
}


def _offloaded(p: Params) -> str:
    parts = [x.strip() for x in str(p.get("offload") or "").split(",") if x.strip()]
    return translate("Findings", ", ").join(translate("Findings", OFFLOADS.get(x, x)) for x in parts)


def _offload_used(p: Params) -> Message:
    if _f(p, "nvme_bytes") > 0:
        return _F(QT_TRANSLATE_NOOP("Findings", "Offloads {0} to keep within GPU memory: needs {1} of host RAM and {2} of NVMe per server, about {3:.0%} slower."),
                  lambda p, _l, _c: (_offloaded(p), fmt_bytes(p.get("host_bytes")), fmt_bytes(p.get("nvme_bytes")), _f(p, "slowdown")))
    return _F(QT_TRANSLATE_NOOP("Findings", "Offloads {0} to host RAM to keep within GPU memory: needs {1} of host RAM per server, about {2:.0%} slower."),
              lambda p, _l, _c: (_offloaded(p), fmt_bytes(p.get("host_bytes")), _f(p, "slowdown")))


def _headroom(p: Params) -> Message:
    if p.get("serving"):
        return _F(QT_TRANSLATE_NOOP("Findings", "Uses {0:.0%} of the memory the engine allows: measured peaks vary by about ±{1:.0%} around this estimate, so leave room (shorter context, fewer simultaneous users)."),
                  lambda p, _l, _c: (_f(p, "share"), _f(p, "spread")))
    return _F(QT_TRANSLATE_NOOP("Findings", "Uses {0:.0%} of the GPU's memory: measured peaks vary by about ±{1:.0%} around this estimate, so leave room (smaller micro-batch, more recomputation)."),
              lambda p, _l, _c: (_f(p, "share"), _f(p, "spread")))


# Findings (per option or per plan) and the reasons accelerators were ruled out (Rejected codes).
FINDINGS: dict[str, Entry] = {
    "does_not_fit": _F(QT_TRANSLATE_NOOP("Findings", "Needs {0} per GPU but the GPU has {1}."), lambda p, _l, _c: (
        fmt_bytes(p.get("memory_per_gpu_bytes") or p.get("min_memory_per_gpu_bytes")), fmt_bytes(p.get("capacity_bytes")))),
    "exceeds_deadline": lambda p: (
        _F(QT_TRANSLATE_NOOP("Findings", "Takes {0} days, past the {1}-day target that applies without a deadline (set a deadline to plan a longer run)."),
           lambda p, _l, _c: (_days(p, "days"), _dl(p, "deadline_days"))) if p.get("target") else
        _F(QT_TRANSLATE_NOOP("Findings", "Takes {0} days, past the {1}-day deadline."),
           lambda p, _l, _c: (_days(p, "days"), _dl(p, "deadline_days")))),
    "deadline_at_risk": lambda p: (
        _F(QT_TRANSLATE_NOOP("Findings", "At the low end of the utilisation range it takes {0} days, past the {1}-day target that applies without a deadline."),
           lambda p, _l, _c: (_days(p, "days_slow"), _dl(p, "deadline_days"))) if p.get("target") else
        _F(QT_TRANSLATE_NOOP("Findings", "At the low end of the utilisation range it takes {0} days, past the {1}-day deadline."),
           lambda p, _l, _c: (_days(p, "days_slow"), _dl(p, "deadline_days")))),
    "over_budget": _F(QT_TRANSLATE_NOOP("Findings", "Costs {0}, over the budget of {1}."),
                      lambda p, lang, cur: (fmt_money(p.get("cost"), cur, lang), fmt_money(p.get("budget"), cur, lang))),
    "tp_spans_pcie": _tp_spans_pcie,
    "tp_spans_nodes": _F(QT_TRANSLATE_NOOP("Findings", "Tensor parallelism of {0} spans nodes of {1} GPUs: it crosses the network every layer."),
                         lambda p, _l, _c: (p.get("tp"), p.get("gpus_per_node"))),
    "dp_over_pcie": _F(QT_TRANSLATE_NOOP("Findings", "Gradients are synchronised over PCIe Gen{0}, not {1}."),
                       lambda p, _l, _c: (p.get("pcie_gen"), p.get("link", "NVLink"))),
    "multinode_over_ethernet": _F(QT_TRANSLATE_NOOP("Findings", "{0} servers talk over {1}, far slower than InfiniBand: gradient traffic may not hide behind the computation."),
                                  lambda p, _l, _c: (p.get("nodes"), network_label(str(p.get("network", ""))))),
    "precision_unsupported": lambda p: (
        _F(QT_TRANSLATE_NOOP("Findings", "{0} has no {1} tensor cores: plan it in {2}."),
           lambda p, _l, _c: (p.get("gpu"), str(p.get("precision", "")).upper(), str(p.get("instead", "")).upper()))
        if p.get("instead") else
        _F(QT_TRANSLATE_NOOP("Findings", "{0} has no {1} tensor cores."), lambda p, _l, _c: (p.get("gpu"), str(p.get("precision", "")).upper()))),
    "format_unsupported": lambda p: (
        _F(QT_TRANSLATE_NOOP("Findings", "{0} does not run on {1}."), lambda p, _l, _c: (engine_name(str(p.get("engine", ""))), p.get("gpu")))
        if not p.get("engine_runs") else
        _F(QT_TRANSLATE_NOOP("Findings", "{0} has no kernels for {1} weights on {2}."),
           lambda p, _l, _c: (engine_name(str(p.get("engine", ""))), str(p.get("quant", "")).upper(), p.get("gpu")))),
    "precision_emulated": _F(QT_TRANSLATE_NOOP("Findings", "{0} weights are dequantised and computed in BF16 on {1}."),
                             lambda p, _l, _c: (p.get("quant"), p.get("gpu"))),
    "cloud_price_missing": _F(QT_TRANSLATE_NOOP("Findings", "No cloud price for {0}: pass --cloud-price."),
                              lambda p, _l, _c: (p.get("gpu"),)),
    "whole_instances": _F(QT_TRANSLATE_NOOP("Findings", "The cloud rents this GPU by instances of {0}: {1} instance(s), {2} GPUs paid for and {3} used ({4})."),
                          lambda p, _l, _c: (p.get("per_instance"), p.get("instances"), p.get("billed"), p.get("gpu_count"),
                                             p.get("offer") or "")),
    "whole_servers": _F(QT_TRANSLATE_NOOP("Findings", "{0} modules are sold in servers of {1}: buying means {2} GPUs for the {3} needed."),
                        lambda p, _l, _c: (p.get("gpu"), p.get("per_server"), p.get("bought"), p.get("needed"))),
    "gpu_price_missing": _F(QT_TRANSLATE_NOOP("Findings", "No purchase price for {0}: pass --gpu-price."),
                            lambda p, _l, _c: (p.get("gpu"),)),
    "not_sold_separately": _F(QT_TRANSLATE_NOOP("Findings", "{0} is not sold to buy outright (it is rented only): no on-prem cost. Pass --gpu-price if you have a quote."),
                              lambda p, _l, _c: (p.get("gpu"),)),
    "model_file": lambda p: (
        _F(QT_TRANSLATE_NOOP("Findings", "Model read from {0}: {1} parameters ({2} active), counted from its tensors; weights {3} at {4} bits per weight ({5})."),
           lambda p, _l, _c: (p.get("file"), fmt_count(_f(p, "params")), fmt_count(_f(p, "active")), fmt_bytes(_f(p, "weight_bytes")),
                              f"{_f(p, 'bits_per_weight'):.2f}", p.get("format") or "?"))
        if p.get("counted_from") == "tensors" and p.get("weight_bytes") else
        _F(QT_TRANSLATE_NOOP("Findings", "Model read from {0}: {1} parameters ({2} active), counted from config.json (no weight files read)."),
           lambda p, _l, _c: (p.get("file"), fmt_count(_f(p, "params")), fmt_count(_f(p, "active"))))),
    "stale_price": lambda p: (
        _F(QT_TRANSLATE_NOOP("Findings", "The cloud price of {0} dates from {1}, {2} months ago: check the current price before deciding."),
           lambda p, lang, _c: (p.get("id"), fmt_date(str(p.get("as_of", "")), lang), p.get("age_months"))) if p.get("what") == "cloud" else
        _F(QT_TRANSLATE_NOOP("Findings", "The server price of {0} dates from {1}, {2} months ago: ask for a current quote before deciding."),
           lambda p, lang, _c: (p.get("id"), fmt_date(str(p.get("as_of", "")), lang), p.get("age_months"))) if p.get("what") == "server" else
        _F(QT_TRANSLATE_NOOP("Findings", "The purchase price of {0} dates from {1}, {2} months ago: ask for a current quote before deciding."),
           lambda p, lang, _c: (p.get("id"), fmt_date(str(p.get("as_of", "")), lang), p.get("age_months")))),
    "power_limit_exceeded": _F(QT_TRANSLATE_NOOP("Findings", "Draws {0:.1f} kW with PUE, over the on-prem power limit of {1:g} kW."),
                               lambda p, _l, _c: (_f(p, "power_kw"), _f(p, "limit_kw"))),
    "too_slow": lambda p: (
        _F(QT_TRANSLATE_NOOP("Findings", "Too slow: even {0} GPUs take {1} days against the {2}-day target (no deadline was given)."),
           lambda p, _l, _c: (p.get("gpu_count"), _days(p, "best_days"), _dl(p, "deadline_days"))) if p.get("target") else
        _F(QT_TRANSLATE_NOOP("Findings", "Too slow: even {0} GPUs take {1} days against the {2}-day deadline."),
           lambda p, _l, _c: (p.get("gpu_count"), _days(p, "best_days"), _dl(p, "deadline_days")))),
    "power_limit": _F(QT_TRANSLATE_NOOP("Findings", "Needs at least {0:.1f} kW, over the power limit of {1:g} kW."),
                      lambda p, _l, _c: (_f(p, "min_power_kw"), _f(p, "limit_kw"))),
    "no_price": _F(QT_TRANSLATE_NOOP("Findings", "What fits has no price for this deployment (no cloud offer or purchase price in the catalog): pass --gpu-price or --cloud-price.")),
    "dominated": _F(QT_TRANSLATE_NOOP("Findings", "Another configuration is both cheaper and faster.")),
    "power_unknown": _F(QT_TRANSLATE_NOOP("Findings", "{0}: power draw is not published; electricity is not counted."),
                        lambda p, _l, _c: (p.get("gpu"),)),
    "decode_compute_bound": _F(QT_TRANSLATE_NOOP("Findings", "At concurrency {0} decoding is compute-bound, not memory-bound."),
                               lambda p, _l, _c: (p.get("concurrency"),)),
    "context_exceeds_model": _F(QT_TRANSLATE_NOOP("Findings", "Context {0} exceeds the model's {1} tokens."),
                                lambda p, _l, _c: (p.get("context"), p.get("model_context"))),
    "kv_cache_dominates": _F(QT_TRANSLATE_NOOP("Findings", "The KV cache ({0}) is larger than the weights ({1})."),
                             lambda p, _l, _c: (fmt_bytes(p.get("kv_cache_bytes")), fmt_bytes(p.get("weights_bytes")))),
    "architecture_estimated": _F(QT_TRANSLATE_NOOP("Findings", "Architecture estimated from the parameter count ({0} layers, hidden {1}); give --layers/--hidden/--heads for exact activations and KV cache."),
                                 lambda p, _l, _c: (p.get("layers"), p.get("hidden"))),
    "tokens_chinchilla_default": _F(QT_TRANSLATE_NOOP("Findings", "Tokens default to {0:g} per parameter (Chinchilla): {1}."),
                                    lambda p, _l, _c: (float(p.get("tokens_per_param", 20)), fmt_count(p.get("tokens")))),
    "tokens_cpt_default": _F(QT_TRANSLATE_NOOP("Findings", "Continued pre-training defaults to {0:.0%} of the Chinchilla tokens: {1}."),
                             lambda p, _l, _c: (float(p.get("fraction", 0.1)), fmt_count(p.get("tokens")))),
    "tokens_from_samples": _F(QT_TRANSLATE_NOOP("Findings", "Tokens = samples x sequence length x epochs = {0}."),
                              lambda p, _l, _c: (fmt_count(p.get("tokens")),)),
    "tokens_below_chinchilla": _F(QT_TRANSLATE_NOOP("Findings", "Only {0:.1f} tokens per parameter, well below Chinchilla's 20."),
                                  lambda p, _l, _c: (_f(p, "tokens_per_param"),)),
    "flops_frozen_base": _F(QT_TRANSLATE_NOOP("Findings", "{0}: the frozen base needs no weight gradients, so compute is 4·N·D, not 6·N·D."),
                            lambda p, _l, _c: (method_text(str(p.get("method", ""))),)),
    "flops_full_recompute": _F(QT_TRANSLATE_NOOP("Findings", "Full recomputation adds a forward pass (+2·N·D).")),
    "offload_used": _offload_used,
    "optimizer_in_backward": _F(QT_TRANSLATE_NOOP("Findings", "The optimizer steps inside the backward pass, so no gradients are kept (no gradient accumulation).")),
    "paged_optimizer": _F(QT_TRANSLATE_NOOP("Findings", "Paged 8-bit AdamW keeps its states in unified memory: they page to host RAM when the GPU is full, at some cost in speed.")),
    "layers_on_cpu": _F(QT_TRANSLATE_NOOP("Findings", "Only {0} of {1} layers fit on the GPU; the rest run on the CPU from {2} of system RAM, much slower."),
                        lambda p, _l, _c: (p.get("gpu_layers"), p.get("layers"), fmt_bytes(p.get("host_bytes")))),
    "sliding_window_kv": _F(QT_TRANSLATE_NOOP("Findings", "{0} of {1} layers use sliding-window attention and cache only the last {2} tokens."),
                            lambda p, _l, _c: (p.get("local_layers"), p.get("layers"), p.get("window"))),
    "memory_headroom": _headroom,
    "flops_selective_recompute": _F(QT_TRANSLATE_NOOP("Findings", "Selective recomputation re-runs attention scores (a few percent more compute).")),
    "flops_attention": _F(QT_TRANSLATE_NOOP("Findings", "Attention adds {0} FLOPs per token to the hardware count (not in 6·N·D, so MFU leaves it out; HFU includes it)."),
                          lambda p, _l, _c: (fmt_count(p.get("extra_flops_per_token")),)),
    "global_batch_limits_dp": _F(QT_TRANSLATE_NOOP("Findings", "The global batch ({0} sequences) leaves {1:.0%} of the data-parallel ranks without work: more GPUs do not make this faster."),
                                 lambda p, _l, _c: (fmt_count(p.get("sequences")), _f(p, "idle"))),
    "communication_bound": _F(QT_TRANSLATE_NOOP("Findings", "Communication the computation cannot hide takes {0:.0%} of each step on this interconnect ({1})."),
                              lambda p, _l, _c: (_f(p, "share"), network_label(str(p.get("network", ""))))),
}

def _job(p: Params, lang: str) -> str:
    return fmt_duration(None if p.get("days") is None else float(p["days"]) * 86400.0)


def _serve(p: Params) -> tuple[str, str]:
    return (f"{_f(p, 'decode_tokens_per_s'):.0f}", f"{_f(p, 'throughput_tokens_per_s'):,.0f}")


def _feasible(p: Params, serving: bool) -> Message:
    """The decision in one or two sentences: rent, buy or use your own, with the other side's cost
    and, for a rented training job, the use at which buying would pay back."""
    choice = p.get("decision") or "rent"
    gpu = p.get("gpu_name") or p.get("gpu")

    def head(p: Params, lang: str, cur: str) -> tuple[Any, ...]:
        what = _serve(p) if serving else (_job(p, lang),)
        return (p.get("gpu_count"), gpu, *what, fmt_money(p.get("cost"), cur, lang), _f(p, "years"),
                fmt_money(p.get("onprem"), cur, lang), fmt_money(p.get("cloud"), cur, lang),
                fmt_duration(_f(p, "breakeven_hours") * 3600.0), _f(p, "breakeven_utilisation"))

    if serving:
        if choice == "own":
            return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: use your own {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} in power over {5:g} years."), head)
        if choice == "buy":
            if p.get("cloud") is None:
                return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: buy {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} with servers and power over {5:g} years."), head)
            return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: buy {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} with servers and power over {5:g} years, against {7} rented."), head)
        if p.get("onprem") is None:
            return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: rent {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} over {5:g} years."), head)
        return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: rent {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} over {5:g} years, against {6} bought."), head)
    if choice == "own":
        return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: use your own {0} x {1}: about {2}, {3} in power."), head)
    if choice == "buy":
        if p.get("cloud") is None:
            return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: buy {0} x {1}: about {2}, {3} with servers and power."), head)
        return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: buy {0} x {1}: about {2}, {3} with servers and power; renting for this job would cost {6}."), head)
    if p.get("onprem") is None:
        return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: rent {0} x {1} in the cloud: about {2}, {3}."), head)
    if p.get("breakeven_hours") is None:
        return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: rent {0} x {1} in the cloud: about {2}, {3}. Buying them for this job would cost {5}, and at these prices buying never pays back."), head)
    return _V(QT_TRANSLATE_NOOP("Verdict", "Feasible: rent {0} x {1} in the cloud: about {2}, {3}. Buying them for this job would cost {5}; buying pays back only with continued use, after {7} of use ({8:.0%} of {4:g} years round the clock)."), head)


# The service-level targets by the names people see.
TARGET_NAMES = {
    "min_tokens_per_s": QT_TRANSLATE_NOOP("Findings", "the answer speed per user"),
    "max_ttft_s": QT_TRANSLATE_NOOP("Findings", "the time to the first token"),
    "availability": QT_TRANSLATE_NOOP("Findings", "the spare replica (N+1)"),
}


def target_name(code: object) -> str:
    return translate("Findings", TARGET_NAMES[str(code)]) if str(code) in TARGET_NAMES else str(code or "")


def target_value(code: object, v: object) -> str:
    """A target's figure: tokens/s per user, or a duration for the first token."""
    if v is None:
        return "–"
    if code == "max_ttft_s":
        return fmt_duration(float(v))  # type: ignore[arg-type]
    return translate("Units", "{0:.1f} tokens/s").format(float(v))  # type: ignore[arg-type]


def _service(p: Params, met: bool) -> Message:
    b = p.get("binding")
    if b == "availability":
        if met:
            return _F(QT_TRANSLATE_NOOP("Findings", "N+1: {0} replicas, the load carried by {1} when one is down."),
                      lambda p, _l, _c: (p.get("replicas"), p.get("active_replicas")))
        return _F(QT_TRANSLATE_NOOP("Findings", "N+1 needs at least two replicas; this has {0}."),
                  lambda p, _l, _c: (p.get("replicas"),))
    args: Args = lambda p, _l, _c: (target_name(b), target_value(b, p.get("achieved")), target_value(b, p.get("target")),  # noqa: E731
                                    p.get("active_replicas"), p.get("replicas"))
    if met:
        return _F(QT_TRANSLATE_NOOP("Findings", "Meets the service level; {0} binds: {1} against a target of {2}, with {3} of {4} replicas serving."), args)
    return _F(QT_TRANSLATE_NOOP("Findings", "Misses the service level on {0}: {1} against a target of {2}, with {3} of {4} replicas serving."), args)


def _service_verdict(p: Params) -> Message:
    b = p.get("binding")
    if b == "availability" or p.get("achieved") is None:
        return _V(QT_TRANSLATE_NOOP("Verdict", "Not feasible: no configuration within {0} GPUs meets the service level ({1})."),
                  lambda p, _l, _c: (p.get("max_gpus"), target_name(b)))
    return _V(QT_TRANSLATE_NOOP("Verdict", "Not feasible: no configuration within {0} GPUs meets the service level. {1} binds: the nearest ({2} x {3}) gives {4} against {5}."),
              lambda p, _l, _c: (p.get("max_gpus"), target_name(b)[:1].upper() + target_name(b)[1:], p.get("gpu_count"), p.get("gpu"),
                                 target_value(b, p.get("achieved")), target_value(b, p.get("target"))))


FINDINGS.update({
    "service_level_met": lambda p: _service(p, True),
    "service_level_missed": lambda p: _service(p, False),
    "service_level": lambda p: _F(
        QT_TRANSLATE_NOOP("Findings", "Misses the service level: with {0} GPUs at best {1} per user and the first token in {2}."),
        lambda p, _l, _c: (p.get("gpu_count"), target_value("min_tokens_per_s", p.get("tokens_per_s")),
                           target_value("max_ttft_s", p.get("ttft_s")))),
})


# Verdicts: the decision in one sentence.
VERDICTS: dict[str, Entry] = {
    "no_configuration_fits": _V(QT_TRANSLATE_NOOP("Verdict", "No configuration fits in memory within the GPU limit.")),
    "deadline_not_met": lambda p: (
        _V(QT_TRANSLATE_NOOP("Verdict", "Not feasible within the {3}-day target that applies without a deadline: the fastest option ({0} x {1}) takes {2} days. Set a deadline to plan a longer run."),
           lambda p, _l, _c: (p.get("gpu_count"), p.get("gpu"), _days(p, "best_days"), _dl(p, "deadline_days"))) if p.get("target") else
        _V(QT_TRANSLATE_NOOP("Verdict", "Not feasible by the deadline: the fastest option ({0} x {1}) takes {2} days against {3}."),
           lambda p, _l, _c: (p.get("gpu_count"), p.get("gpu"), _days(p, "best_days"), _dl(p, "deadline_days")))),
    "feasible_service": lambda p: _feasible(p, serving=True),
    "service_level_not_met": _service_verdict,
    "feasible": lambda p: _feasible(p, serving=False),
    "infeasible": _V(QT_TRANSLATE_NOOP("Verdict", "Not feasible within these constraints.")),
    "over_budget": _V(QT_TRANSLATE_NOOP("Verdict", "Over budget: the cheapest option that meets the deadline costs {0} against {1}."),
                      lambda p, lang, cur: (fmt_money(p.get("min_cost"), cur, lang), fmt_money(p.get("budget"), cur, lang))),
}


def _what(p: Params, lang: str, cur: str) -> str:
    """" (8 x h100-sxm, 12.0 days, $1.2M)": the configuration a way out leads to."""
    if not p.get("gpu"):
        return ""
    if p.get("request_s") is not None:
        took = translate("Suggestion", "{0} per request").format(fmt_duration(float(p["request_s"])))
    else:
        days = p.get("days")
        took = fmt_duration(None if days is None else float(days) * 86400.0)
    return translate("Suggestion", " ({0} x {1}, {2}, {3})").format(p.get("gpu_count"), p.get("gpu"), took,
                                                                     fmt_money(p.get("cost"), cur, lang))


# Ways out of an infeasible plan.
SUGGESTIONS: dict[str, Entry] = {
    "later_deadline": lambda p: (
        _S(QT_TRANSLATE_NOOP("Suggestion", "Set a deadline of {0} days{1}."),
           lambda p, lang, cur: (p.get("deadline_days"), _what(p, lang, cur))) if p.get("target") else
        _S(QT_TRANSLATE_NOOP("Suggestion", "Allow {0} days instead of the deadline{1}."),
           lambda p, lang, cur: (p.get("deadline_days"), _what(p, lang, cur)))),
    "more_budget": _S(QT_TRANSLATE_NOOP("Suggestion", "Raise the budget to {0}{1}."),
                      lambda p, lang, cur: (fmt_money(p.get("budget"), cur, lang), _what(p, lang, cur))),
    "fewer_tokens": _S(QT_TRANSLATE_NOOP("Suggestion", "Train on {0} tokens ({1:.0%} of the plan){2}."),
                       lambda p, lang, cur: (fmt_count(p.get("tokens")), _f(p, "fraction"), _what(p, lang, cur))),
    "use_fp8": _S(QT_TRANSLATE_NOOP("Suggestion", "Train in FP8 (Transformer Engine) instead{0}."), lambda p, lang, cur: (_what(p, lang, cur),)),
    "use_lora": _S(QT_TRANSLATE_NOOP("Suggestion", "Fine-tune with LoRA instead{0}."), lambda p, lang, cur: (_what(p, lang, cur),)),
    "use_qlora": _S(QT_TRANSLATE_NOOP("Suggestion", "Fine-tune with QLoRA (4-bit base) instead{0}."), lambda p, lang, cur: (_what(p, lang, cur),)),
    "lower_quant": _S(QT_TRANSLATE_NOOP("Suggestion", "Serve the weights as {0}{1}."),
                      lambda p, lang, cur: (str(p.get("quant", "")).upper(), _what(p, lang, cur))),
    "smaller_model": _S(QT_TRANSLATE_NOOP("Suggestion", "Choose a smaller model: one of {0} parameters plans within every constraint{1}."),
                        lambda p, lang, cur: (fmt_count(p.get("params")), _what(p, lang, cur))),
    "more_gpus": _S(QT_TRANSLATE_NOOP("Suggestion", "Allow up to {0} GPUs{1}."), lambda p, lang, cur: (p.get("max_gpus"), _what(p, lang, cur))),
    "spot_pricing": _S(QT_TRANSLATE_NOOP("Suggestion", "Use spot (interruptible) cloud prices{0}."), lambda p, lang, cur: (_what(p, lang, cur),)),
    "cloud_instead": _S(QT_TRANSLATE_NOOP("Suggestion", "Rent in the cloud instead of buying{0}."), lambda p, lang, cur: (_what(p, lang, cur),)),
    "without_target": _S(QT_TRANSLATE_NOOP("Suggestion", "Without the target on {0}, every other target is met{1}; it gives {2}."),
                         lambda p, lang, cur: (target_name(p.get("target")), _what(p, lang, cur),
                                               target_value(p.get("target"), p.get("achieved")))),
    "raise_power_limit": _S(QT_TRANSLATE_NOOP("Suggestion", "Provide {0:.1f} kW of power{1}."),
                            lambda p, lang, cur: (_f(p, "power_kw"), _what(p, lang, cur))),
}


def _render(table: Mapping[str, Entry], code: str, p: Params, lang: str, currency: str) -> str | None:
    e = table.get(code)
    if e is None:
        return None
    msg = e if isinstance(e, Message) else e(p)
    return msg.render(p, lang, currency)


def finding_message(code: str, p: Params, lang: str = "en", currency: str = "USD") -> str:
    """One sentence for a finding or rejection code and its parameters (the code itself if unknown)."""
    return _render(FINDINGS, code, p, lang, currency) or _render(VERDICTS, code, p, lang, currency) or code


def verdict_message(code: str, p: Params, lang: str = "en", currency: str = "USD") -> str:
    return _render(VERDICTS, code, p, lang, currency) or _render(FINDINGS, code, p, lang, currency) or code


def suggestion_message(code: str, p: Params, lang: str = "en", currency: str = "USD") -> str:
    """One sentence for a computed way out of an infeasible plan."""
    return _render(SUGGESTIONS, code, p, lang, currency) or code


REASONS = {
    "does_not_fit": QT_TRANSLATE_NOOP("Reasons", "do not fit"),
    "too_slow": QT_TRANSLATE_NOOP("Reasons", "too slow"),
    "service_level": QT_TRANSLATE_NOOP("Reasons", "missing the service level"),
    "over_budget": QT_TRANSLATE_NOOP("Reasons", "over budget"),
    "power_limit": QT_TRANSLATE_NOOP("Reasons", "over the power limit"),
    "no_price": QT_TRANSLATE_NOOP("Reasons", "without a price"),
    "dominated": QT_TRANSLATE_NOOP("Reasons", "beaten on cost and time"),
}


def finding_reason(code: str) -> str:
    """Why configurations were set aside, as a count's noun phrase ("12 too slow")."""
    return translate("Reasons", REASONS.get(code, code))


LABELS = {
    "recommended": QT_TRANSLATE_NOOP("Labels", "recommended"),
    "cheapest": QT_TRANSLATE_NOOP("Labels", "cheapest"),
    "fastest": QT_TRANSLATE_NOOP("Labels", "fastest"),
    "pareto": QT_TRANSLATE_NOOP("Labels", "time/cost front"),
    "best_for_gpu": QT_TRANSLATE_NOOP("Labels", "best on this GPU"),
    "owned": QT_TRANSLATE_NOOP("Labels", "with your GPUs"),
    "nearest": QT_TRANSLATE_NOOP("Labels", "nearest miss"),
    "far_miss": QT_TRANSLATE_NOOP("Labels", "far off"),
}


def label_text(label: str) -> str:
    return translate("Labels", LABELS.get(label, label))


def labels_text(labels: list[str]) -> str:
    """An option's labels as one cell: "recommended, cheapest" / "推奨、最安" (best_for_gpu is implied)."""
    return translate("Labels", ", ").join(label_text(x) for x in labels if x != "best_for_gpu")


_PRICINGS = {"on-demand": QT_TRANSLATE_NOOP("Labels", "on-demand"), "spot": QT_TRANSLATE_NOOP("Labels", "spot"),
             "reserved": QT_TRANSLATE_NOOP("Labels", "reserved")}


def pricing_text(pricing: str) -> str:
    """A cloud offer's kind (on-demand, spot, reserved) in the current language."""
    return translate("Labels", _PRICINGS[pricing]) if pricing in _PRICINGS else pricing


KINDS = {"gpus": QT_TRANSLATE_NOOP("CLI", "GPUs"), "models": QT_TRANSLATE_NOOP("CLI", "models"),
         "runs": QT_TRANSLATE_NOOP("CLI", "published runs"), "offers": QT_TRANSLATE_NOOP("CLI", "cloud offers"),
         "measurements": QT_TRANSLATE_NOOP("CLI", "your measured runs"), "apis": QT_TRANSLATE_NOOP("CLI", "API prices")}


def kind_text(kind: str) -> str:
    """A catalog kind (gpus, models, runs, offers) in the current language."""
    return translate("CLI", KINDS.get(kind, kind))


# ----- input errors ------------------------------------------------------------------------------
# pydantic's own error types, and the codes the core and planning raise (PydanticCustomError).
VALIDATION = {
    "greater_than": QT_TRANSLATE_NOOP("Validation", "must be greater than {gt}"),
    "greater_than_equal": QT_TRANSLATE_NOOP("Validation", "must be at least {ge}"),
    "less_than": QT_TRANSLATE_NOOP("Validation", "must be less than {lt}"),
    "less_than_equal": QT_TRANSLATE_NOOP("Validation", "must be at most {le}"),
    "int_parsing": QT_TRANSLATE_NOOP("Validation", "must be a whole number"),
    "int_type": QT_TRANSLATE_NOOP("Validation", "must be a whole number"),
    "int_from_float": QT_TRANSLATE_NOOP("Validation", "must be a whole number"),
    "float_parsing": QT_TRANSLATE_NOOP("Validation", "must be a number"),
    "float_type": QT_TRANSLATE_NOOP("Validation", "must be a number"),
    "finite_number": QT_TRANSLATE_NOOP("Validation", "must be a finite number"),
    "bool_parsing": QT_TRANSLATE_NOOP("Validation", "must be yes or no"),
    "missing": QT_TRANSLATE_NOOP("Validation", "is required"),
    "enum": QT_TRANSLATE_NOOP("Validation", "must be one of {expected}"),
    "literal_error": QT_TRANSLATE_NOOP("Validation", "must be one of {expected}"),
    "not_one_of": QT_TRANSLATE_NOOP("Validation", "'{value}' is not one of {allowed}"),
    "finetune_needs_data": QT_TRANSLATE_NOOP("Validation", "fine-tuning needs samples (with sequence length and epochs) or tokens"),
    "gpu_and_count": QT_TRANSLATE_NOOP("Validation", "a GPU and a GPU count go together"),
    "one_of": QT_TRANSLATE_NOOP("Validation", "give {field} or {other}, not both"),
    "rate_needs_speed": QT_TRANSLATE_NOOP("Validation", "a request rate needs the answer speed per user (min_tokens_per_s): it sets how long each request stays in flight"),
    "prompt_over_context": QT_TRANSLATE_NOOP("Validation", "the prompt ({value}) and the answer ({output}) tokens exceed the context ({context})"),
    "active_exceeds_total": QT_TRANSLATE_NOOP("Validation", "active parameters ({active}) exceed total parameters ({total})"),
    "kv_heads_exceed_heads": QT_TRANSLATE_NOOP("Validation", "KV heads ({kv_heads}) must be at most heads ({heads})"),
    "kv_heads_divide": QT_TRANSLATE_NOOP("Validation", "KV heads ({kv_heads}) must divide the attention heads ({heads})"),
    "gpu_capabilities": QT_TRANSLATE_NOOP("Validation", "unknown precision or architecture: {value}"),
    "offer_other_gpu": QT_TRANSLATE_NOOP("Validation", "'{value}' rents {offer_gpu}, not {gpu}"),
    "pp_exceeds_layers": QT_TRANSLATE_NOOP("Validation", "'{value}' is more pipeline stages than the {n} layers"),
    "split_not_dividing": QT_TRANSLATE_NOOP("Validation", "'{value}': TP x PP{cp} = {split} must divide the {n} GPUs"),
    "lora_rank_too_large": QT_TRANSLATE_NOOP("Validation", "'{value}' would train more parameters than the model has; at most {largest} keeps the adapters under half the model"),
    "experts_exceed": QT_TRANSLATE_NOOP("Validation", "experts per token must be at most the number of experts"),
    "not_a_date": QT_TRANSLATE_NOOP("Validation", "'{value}' is not a date (YYYY-MM-DD)"),
    "not_for_goal": QT_TRANSLATE_NOOP("Validation", "does not apply to {goal}"),
    "lora_only": QT_TRANSLATE_NOOP("Validation", "applies to LoRA and QLoRA, not to full fine-tuning"),
    "not_a_number": QT_TRANSLATE_NOOP("Validation", "'{value}' is not a number (use e.g. 7000000000, 7e9, 7B, 1.4T, 500M, 8K, 3000万)"),
    "not_money": QT_TRANSLATE_NOOP("Validation", "'{value}' is not an amount of money (use e.g. 30M, $1M, ¥30M, 3000万, 3億円, 100万ドル)"),
    "money_other_currency": QT_TRANSLATE_NOOP("Validation", "'{value}' is in {written}, but the plan's currency is {currency}: change the currency, or write the amount in {currency}"),
    "not_duration": QT_TRANSLATE_NOOP("Validation", "'{value}' is not a duration (use e.g. 90, 90日, 12 weeks, 3 months, 3か月, 1 year)"),
    "unknown_model": QT_TRANSLATE_NOOP("Validation", "unknown model '{value}'; see: gpu-planner catalog models"),
    "unknown_gpu": QT_TRANSLATE_NOOP("Validation", "unknown GPU '{value}'; see: gpu-planner catalog gpus"),
    "unknown_offer": QT_TRANSLATE_NOOP("Validation", "unknown offer '{value}'; see: gpu-planner catalog offers"),
    "model_missing": QT_TRANSLATE_NOOP("Validation", "give a catalog model, or a parameter count (e.g. 7B), or layers, hidden size and heads"),
    "goal_missing": QT_TRANSLATE_NOOP("Validation", "choose a goal: inference, finetune, cpt or scratch"),
    "not_with_stack": QT_TRANSLATE_NOOP("Validation", "'{value}' is not available with {stack}; allowed: {allowed}"),
    "not_dividing": QT_TRANSLATE_NOOP("Validation", "'{value}' must divide the {what} ({n})"),
    "cp_not_dividing": QT_TRANSLATE_NOOP("Validation", "'{value}': the sequence ({n} tokens) must split into 2 x {value} equal chunks"),
    "needs_other": QT_TRANSLATE_NOOP("Validation", "'{value}' needs {other} {wanted}"),
    "moe_only": QT_TRANSLATE_NOOP("Validation", "'{value}' needs a mixture-of-experts model"),
    "offload_needs_zero3": QT_TRANSLATE_NOOP("Validation", "{value} offload needs ZeRO stage 3 (full sharding)"),
    "conflicts_with": QT_TRANSLATE_NOOP("Validation", "give either this or {other}, not both"),
    "model_file_not_found": QT_TRANSLATE_NOOP("Validation", "no such file or folder"),
    "model_file_not_a_model": QT_TRANSLATE_NOOP("Validation", "not a model: give a config.json, a folder with a config.json, or a .gguf file"),
    "model_file_bad_json": QT_TRANSLATE_NOOP("Validation", "{path} is not valid JSON (line {line})"),
    "model_file_missing_key": QT_TRANSLATE_NOOP("Validation", "{path} has no '{key}', which the model's shape needs"),
    "model_file_bad_key": QT_TRANSLATE_NOOP("Validation", "{path}: '{key}' has a value that cannot be used ({value})"),
    "model_file_unknown_architecture": QT_TRANSLATE_NOOP("Validation", "{path}: architecture '{value}' is not one this planner reads; it reads {allowed}"),
    "model_file_truncated": QT_TRANSLATE_NOOP("Validation", "{path} is cut short (incomplete download?): its header names more data than the file holds"),
    "model_file_bad_gguf": QT_TRANSLATE_NOOP("Validation", "{path} is not a readable GGUF file ({reason})"),
    "model_file_too_large": QT_TRANSLATE_NOOP("Validation", "{path} is larger than the {limit} bytes read for a model description"),
    "model_file_unreadable": QT_TRANSLATE_NOOP("Validation", "{path} cannot be read ({reason})"),
}

DIVIDED = {
    "experts": QT_TRANSLATE_NOOP("Validation", "number of experts"),
    "attention heads": QT_TRANSLATE_NOOP("Validation", "number of attention heads"),
}

GOAL_NAMES = {
    "inference": QT_TRANSLATE_NOOP("Validation", "inference"),
    "finetune": QT_TRANSLATE_NOOP("Validation", "fine-tuning"),
    "cpt": QT_TRANSLATE_NOOP("Validation", "continued pre-training"),
    "scratch": QT_TRANSLATE_NOOP("Validation", "training from scratch"),
}


def _ctx_text(v: object) -> str:
    if isinstance(v, float):
        # never scientific notation (issue 19: "must be at most 3.65e+04"): 36,500 / 0.001 / 1.5M
        if abs(v) >= 1e6:
            return fmt_count(v)
        if v == int(v):
            return f"{int(v):,}"
        return f"{v:,.4f}".rstrip("0").rstrip(".") if abs(v) >= 1e-4 else f"{v:.10f}".rstrip("0")
    text = str(v)
    return text if text.isprintable() else repr(text)[1:-1]  # a line break typed into a value stays one line


def validation_message(err: Mapping[str, Any]) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a sentence in the current language."""
    template = VALIDATION.get(err.get("type", ""))
    if template is None:
        return str(err.get("msg", "invalid")).removeprefix("Value error, ")
    ctx = {k: _ctx_text(v) for k, v in (err.get("ctx") or {}).items()}
    if ctx.get("what") in DIVIDED:
        ctx["what"] = translate("Validation", DIVIDED[ctx["what"]])
    if "goal" in ctx and ctx["goal"] in GOAL_NAMES:
        ctx["goal"] = translate("Validation", GOAL_NAMES[ctx["goal"]])
    try:
        return translate("Validation", template).format(**ctx)
    except (KeyError, IndexError, ValueError):
        return str(err.get("msg", "invalid"))


CATALOG_PROBLEMS = {
    "shipped_missing": QT_TRANSLATE_NOOP("CatalogProblem", "{path} not found; the catalog was read from its CSV sources (run `gpu-planner catalog build`)."),
    "overlay_unreadable": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} could not be read ({error}); using the shipped catalog only. The file was left untouched."),
    "overlay_moved": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} is damaged ({error}); it was moved to {aside} (kept, not deleted) and the shipped catalog is used. Re-import your entries from CSV."),
    "overlay_migrated": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} was upgraded from schema {found} to {expected}; the previous file is kept as {backup}."),
    "overlay_schema": QT_TRANSLATE_NOOP("CatalogProblem", "Your catalog {path} has schema {found}, this app reads {expected}; it was left untouched and not used."),
}


def catalog_problem_message(problem: Any) -> str:
    """A CatalogProblem (code + params) as a sentence in the current language."""
    template = CATALOG_PROBLEMS.get(getattr(problem, "code", ""))
    if template is None:
        return str(problem)
    return translate("CatalogProblem", template).format(**problem.params)


# ----- catalog CSV problems (app/catalog/csv_io.py codes) ---------------------------------------
CSV_PROBLEMS = {
    "required": QT_TRANSLATE_NOOP("CatalogCsv", "is required ({allowed})"),
    "not_id": QT_TRANSLATE_NOOP("CatalogCsv", "{value!r} is not an id: use {allowed}"),
    "not_allowed": QT_TRANSLATE_NOOP("CatalogCsv", "{value!r} is not {allowed}"),
    "out_of_range": QT_TRANSLATE_NOOP("CatalogCsv", "{value!r} is out of range: {allowed}"),
    "empty_file": QT_TRANSLATE_NOOP("CatalogCsv", "the file is empty; expected a header line"),
    "unknown_column": QT_TRANSLATE_NOOP("CatalogCsv", "unknown column for {kind}; allowed: {columns}"),
    "missing_column": QT_TRANSLATE_NOOP("CatalogCsv", "required column is missing from the header ({allowed})"),
    "too_many_cells": QT_TRANSLATE_NOOP("CatalogCsv", "more cells than header columns ({count})"),
    "duplicate_id": QT_TRANSLATE_NOOP("CatalogCsv", "duplicate id {value!r} (first on line {first})"),
    "not_utf8": QT_TRANSLATE_NOOP("CatalogCsv", "neither UTF-8 nor Shift-JIS (cp932) text; save the CSV as UTF-8"),
    "bad_csv": QT_TRANSLATE_NOOP("CatalogCsv", "not readable as CSV ({error})"),
    "cell_too_long": QT_TRANSLATE_NOOP("CatalogCsv", "a cell is longer than {limit:,} characters"),
    "unknown_kind": QT_TRANSLATE_NOOP("CatalogCsv", "cannot tell which catalog this is from the header (needs the columns of one of {signatures})"),
}


def column_allowed(col: Any) -> str:
    """What a catalog column accepts (schema.Column.allowed), in the current language."""
    if col.type == "choice":
        return translate("CatalogCsv", "one of {0}").format(", ".join(col.choices))
    if col.type == "bool":
        return translate("CatalogCsv", "true or false")
    if col.type == "date":
        return translate("CatalogCsv", "a date YYYY-MM-DD (or YYYY-MM, YYYY)")
    if col.type == "id":
        return translate("CatalogCsv", "lower-case letters, digits and - . _ (e.g. h100-sxm)")
    if col.type == "ref":
        return translate("CatalogCsv", "an id from the {0} catalog").format(col.ref)
    if col.type in ("float", "int"):
        kind = translate("CatalogCsv", "a whole number") if col.type == "int" else translate("CatalogCsv", "a number")
        bounds = [b for b in ((f"> {col.gt:g}" if col.gt is not None else None),
                              (f">= {col.ge:g}" if col.ge is not None else None),
                              (f"<= {col.le:g}" if col.le is not None else None)) if b]
        return kind + (" " + translate("CatalogCsv", " and ").join(bounds) if bounds else "")
    return translate("CatalogCsv", "text")


def csv_problem_text(problem: Any) -> str:
    """A CSV problem's message (without line and column) in the current language."""
    if problem.code == "spec":
        return validation_message(problem.params["error"])
    template = CSV_PROBLEMS.get(problem.code)
    if template is None:
        return str(problem.message)
    params = dict(problem.params)
    if "col" in params:
        params["allowed"] = column_allowed(params.pop("col"))
    return translate("CatalogCsv", template).format(**params)


# ----- files the user names (app/fileio.py FileProblem codes) -------------------------------------
FILE_PROBLEMS = {
    "is_dir": QT_TRANSLATE_NOOP("Files", "{path!r} is a folder, not a file"),
    "no_folder": QT_TRANSLATE_NOOP("Files", "the folder {folder!r} of {path!r} does not exist"),
    "not_regular": QT_TRANSLATE_NOOP("Files", "{path!r} is not a regular file (a device, a pipe or a socket)"),
    "too_large": QT_TRANSLATE_NOOP("Files", "{path!r} is larger than {limit:,} bytes"),
}


def file_problem_message(e: Any) -> str:
    """Why a file cannot be read or written, in the current language: a FileProblem by its code,
    any other OSError by the system's reason."""
    template = FILE_PROBLEMS.get(getattr(e, "code", "") or "")
    if template is not None and hasattr(e, "params"):
        return translate("Files", template).format(path=e.path, **e.params)
    return str(getattr(e, "strerror", None) or e)


def write_failed_message(path: Any, e: Any) -> str:
    """The sentence a window shows when an export or a save could not be written."""
    return translate("Files", "Cannot write {0}: {1}. Nothing was written; an earlier file there is unchanged.").format(
        path, file_problem_message(e))


def csv_problem_message(problem: Any) -> str:
    """"line 3, column memory_gib: 'lots' is not a number > 0", in the current language."""
    text = csv_problem_text(problem)
    if problem.column:
        return translate("CatalogCsv", "line {0}, column {1}: {2}").format(problem.line, problem.column, text)
    return translate("CatalogCsv", "line {0}: {1}").format(problem.line, text)


# ----- sensitivity: what would flip the decision (app.core.sensitivity.Flip) --------------------
FLIPS = {
    ("rent_or_buy", "above"): QT_TRANSLATE_NOOP("Sensitivity", "Buying beats renting when the {0} is above {1}."),
    ("rent_or_buy", "below"): QT_TRANSLATE_NOOP("Sensitivity", "Buying beats renting when the {0} is below {1}."),
    ("deadline", "above"): QT_TRANSLATE_NOOP("Sensitivity", "The deadline holds while the {0} stays above {1}."),
    ("budget", "below"): QT_TRANSLATE_NOOP("Sensitivity", "The budget holds while the {0} stays below {1}."),
}


def sensitivity_value(field: str, v: float, lang: str, currency: str) -> str:
    """A swing's or a flip's value as people read it (the assumption's name carries its unit)."""
    if field in ("cloud_price", "electricity_price_per_kwh", "gpu_price"):
        return fmt_money(v, currency, lang)
    if field in ("mfu", "cpt_fraction"):
        return f"{v:.1%}" if field == "mfu" else f"{v:.0%}"
    if field in ("hours_per_day",):
        return f"{v:.1f}"
    if field == "fx_jpy_per_usd":
        return f"{v:.0f}"
    return f"{v:g}" if field == "chinchilla_tokens_per_param" else f"{v:.2f}"


def flip_message(f: Any, lang: str = "en", currency: str = "USD") -> str:
    from app.present.text.assumptions import assumption_name

    template = FLIPS.get((f.what, f.direction))
    if template is None:
        return str(f.what)
    name = assumption_name(f.assumption)
    name = name[:1].lower() + name[1:] if lang == "en" and not name[:2].isupper() else name
    return translate("Sensitivity", template).format(name, sensitivity_value(f.field, f.value, lang, currency))
