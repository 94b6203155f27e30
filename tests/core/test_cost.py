"""Money against the seed article's worked figures and the DeepSeek-V3 report."""

import pytest

from app.core.cost import breakeven_hours, job_cost
from app.core.evaluate import evaluate
from app.core.scenario import Goal, Method

from .helpers import a100_80, scenario


def test_seed_three_year_cloud_cost():
    """Seed article §2: A100 80GB at 300 JPY/h, 8 h/day, 20 days/month, 3 years = 300 x 8 x 20 x 36
    = 1,728,000 JPY (the seed's 約173万円)."""
    s = scenario(goal=Goal.INFERENCE, currency="JPY", cloud_price=300, gpu_price=1_800_000,
                 hours_per_day=8, days_per_month=20, years=3, gpu_id="a100", gpu_count=1)
    o = evaluate(s, a100_80(), 1)
    assert o.cost.cloud == pytest.approx(1_728_000)
    assert o.cost.items["cloud_rental"] == pytest.approx(1_728_000)


def test_seed_breakeven_of_buying_an_a100():
    """Seed article §2: buying at 1.8M JPY against renting at 300 JPY/h pays back in ~3 years at 160
    h/month: 1,800,000 / 300 = 6,000 h = 37.5 months (ignoring electricity, as the seed's claim does).
    One card is bought alone, so the A100 here is the PCIe card (an SXM module comes in a server of 8)."""
    assert breakeven_hours(1_800_000, 300, 0) == pytest.approx(6000)
    s = scenario(goal=Goal.INFERENCE, currency="JPY", cloud_price=300, gpu_price=1_800_000, host_cost_fraction=0,
                 electricity_price_per_kwh=0, hours_per_day=8, days_per_month=20)
    cost, _ = job_cost(s, a100_80().model_copy(update={"nvlink_domain": 2}), 1, 100.0)
    assert cost.breakeven_months == pytest.approx(37.5)


def test_electricity_counts_power_pue_hours_and_price():
    """8 x 700 W for a 720-hour month at PUE 1.5 and 30 JPY/kWh: 5.6 kW x 1.5 x 720 h x 30 = 181,440 JPY.
    (The seed's "数万円 a month" for 8 H100s around the clock is low by this arithmetic.)"""
    from app.core.specs import GpuSpec

    h100 = GpuSpec(id="h100", name="H100", memory_bytes=80 * 2**30, bandwidth_bytes_per_s=3.35e12,
                   peak_flops_bf16=989e12, peak_flops_fp16=989e12, tdp_w=700, price_usd=0)
    s = scenario(goal=Goal.INFERENCE, currency="JPY", pue=1.5, electricity_price_per_kwh=30)
    cost, _ = job_cost(s, h100, 8, 720.0)
    assert cost.items["electricity"] == pytest.approx(181_440)


def test_deepseek_v3_reported_cost():
    """DeepSeek-V3 technical report, Table 1: 2.788M H800 GPU-hours at an assumed $2 per GPU-hour =
    $5.576M."""
    from app.core.specs import GpuSpec

    h800 = GpuSpec(id="h800", name="H800", memory_bytes=80 * 2**30, bandwidth_bytes_per_s=3.35e12,
                   peak_flops_bf16=989e12, peak_flops_fp16=989e12, tdp_w=700, cloud_price_per_gpu_hour_usd=2.0)
    s = scenario(goal=Goal.SCRATCH)
    cost, _ = job_cost(s, h800, 2048, 2.788e6 / 2048)
    assert cost.cloud == pytest.approx(5.576e6)


def test_owned_gpus_cost_no_purchase():
    s = scenario(goal=Goal.FINETUNE, method=Method.FULL, tokens=1e8, gpu_price=10_000, own={"a100": 8})
    cost, _ = job_cost(s, a100_80(), 8, 10.0)
    assert cost.items["gpu_purchase"] == 0
    assert cost.onprem == pytest.approx(cost.items["electricity"])


def test_jpy_conversion_uses_the_stated_fx_rate():
    gpu = a100_80().model_copy(update={"cloud_price_per_gpu_hour_usd": 2.0})
    s = scenario(goal=Goal.FINETUNE, method=Method.FULL, tokens=1e8, currency="JPY", fx_jpy_per_usd=160)
    cost, _ = job_cost(s, gpu, 1, 10.0)
    assert cost.cloud == pytest.approx(2.0 * 160 * 10)


def _h100():
    from app.core.specs import GpuSpec

    return GpuSpec(id="h100-sxm", name="H100 SXM", vendor="NVIDIA", memory_bytes=80 * 2**30, bandwidth_bytes_per_s=3.35e12,
                   peak_flops_bf16=989e12, tdp_w=700, nvlink_bandwidth_bytes_per_s=900e9, nvlink_domain=8)


def _offer(id_, per, price):
    from app.core.specs import CloudOffer

    return CloudOffer(id=id_, provider="p", gpu="h100-sxm", gpus_per_instance=per, price_per_gpu_hour=price)


def test_clouds_bill_whole_instances():
    """One GPU from an offer sold only as 8-GPU instances pays for 8 (Lambda's 8x H100 at $2.99 per
    GPU-hour bills 8 x 2.99 = $23.92 an hour); with a 1-GPU offer at $3.50 beside it, one GPU costs
    $3.50 an hour and 8 GPUs take the 8-GPU offer ($23.92 < 8 x 3.50 = $28). 9 GPUs: two instances
    (16 x 2.99 = $47.84) or nine 1-GPU instances (9 x 3.50 = $31.50): the nine."""
    from app.core.cost import prices_for
    from app.core.scenario import Goal, Scenario
    from app.core.specs import model_from_params

    s = Scenario(goal=Goal.INFERENCE, model=model_from_params(7e9), currency="USD")
    gpu = _h100()
    only8 = prices_for(s, gpu, [_offer("eight", 8, 2.99)])
    r = only8.rent(1)
    assert r.billed_gpus == 8 and r.per_hour == pytest.approx(23.92)
    both = prices_for(s, gpu, [_offer("eight", 8, 2.99), _offer("one", 1, 3.50)])
    assert both.rent(1).offer == "one" and both.rent(1).per_hour == pytest.approx(3.50)
    assert both.rent(8).offer == "eight" and both.rent(8).per_hour == pytest.approx(23.92)
    assert both.rent(9).offer == "one" and both.rent(9).per_hour == pytest.approx(31.50)
    cost, findings = job_cost(s, gpu, 1, 10.0, only8)
    assert cost.cloud == pytest.approx(239.2) and cost.cloud_gpus_billed == 8
    assert any(f.code == "whole_instances" and f.params["billed"] == 8 for f in findings)


def test_baseboard_modules_are_bought_by_the_server():
    """An H100 SXM module comes on an 8-GPU HGX board: one GPU bought means a server of 8 (8 x the
    module price, plus the host share); a PCIe H100 is bought alone."""
    from app.core.cost import gpus_to_buy, prices_for
    from app.core.scenario import Goal, Scenario
    from app.core.specs import model_from_params

    s = Scenario(goal=Goal.INFERENCE, model=model_from_params(7e9), currency="USD", gpu_price=25_000.0)
    sxm, pcie = _h100(), _h100().model_copy(update={"id": "h100-pcie", "nvlink_domain": 2})
    assert sxm.sold_in_servers and not pcie.sold_in_servers
    assert gpus_to_buy(s, sxm, 1) == 8 and gpus_to_buy(s, sxm, 9) == 16 and gpus_to_buy(s, pcie, 1) == 1
    cost, findings = job_cost(s, sxm, 1, 1.0, prices_for(s, sxm))
    assert cost.items["gpu_purchase"] == pytest.approx(8 * 25_000.0)
    assert any(f.code == "whole_servers" for f in findings)
    owned = s.model_copy(update={"own": {"h100-sxm": 8}})
    assert gpus_to_buy(owned, sxm, 8) == 0 and gpus_to_buy(owned, sxm, 9) == 8


def test_a_server_price_replaces_the_host_share_for_gpus_sold_in_servers():
    """Issue 23: the catalog's H100 SXM server is a Thinkmate 8x H100 node with InfiniBand quoted at
    317,000 USD (Aug 2024; public sheet) and its module at 27,500 USD (25-30k, early 2026). Buying 8
    costs exactly the server: 8 x 27,500 = 220,000 for the GPUs + 97,000 for the rest; 9 GPUs take
    two servers, 634,000. Without a server price the host is 25% of the GPUs (host_cost_fraction)."""
    from app.catalog.repository import default_catalog
    from app.core.cost import prices_for
    from app.core.scenario import Scenario
    from app.core.specs import model_from_params

    h100 = default_catalog().gpu("h100-sxm")
    assert h100.server_price_usd == 317_000 and h100.price_usd == 27_500
    s = Scenario(goal=Goal.INFERENCE, model=model_from_params(7e9), currency="USD", electricity_price_per_kwh=0)
    cost, _ = job_cost(s, h100, 8, 1.0, prices_for(s, h100))
    assert cost.items["gpu_purchase"] == pytest.approx(220_000) and cost.items["host"] == pytest.approx(97_000)
    cost9, _ = job_cost(s, h100, 9, 1.0, prices_for(s, h100))
    assert cost9.items["gpu_purchase"] + cost9.items["host"] == pytest.approx(634_000)
    bare = h100.model_copy(update={"server_price_usd": None})
    cost_bare, _ = job_cost(s, bare, 8, 1.0, prices_for(s, bare))
    assert cost_bare.items["host"] == pytest.approx(0.25 * 220_000)


def test_an_accelerator_that_is_not_sold_has_no_on_prem_cost_and_on_prem_only_refuses_it():
    """Cloud TPUs are rented only ("TPUs ... are not for sale", place55.com 2024-04-30): no purchase
    price, a finding that says so, and with --deployment onprem the configuration is not viable."""
    from app.catalog.repository import default_catalog
    from app.core.plan import plan
    from app.core.scenario import Scenario

    cat = default_catalog()
    tpu = cat.gpu("tpu-v5p")
    assert not tpu.sold_separately and not tpu.purchasable
    base = dict(goal=Goal.FINETUNE, model=cat.model("llama-3.1-8b"), samples=10000, gpu_id="tpu-v5p", gpu_count=8)
    anywhere = plan(Scenario(**base), list(cat.gpus()), list(cat.offers()))
    o = anywhere.options[0]
    assert o.cost.onprem is None and o.cost.cloud is not None and anywhere.verdict.feasible
    assert any(f.code == "not_sold_separately" and f.severity == "info" for f in o.findings)
    onprem = plan(Scenario(**base, deployment="onprem"), list(cat.gpus()), list(cat.offers()))
    assert not onprem.verdict.feasible and onprem.verdict.code == "not_sold_separately"


def test_every_gpu_has_a_dated_cited_purchase_price_or_is_marked_not_sold():
    """Issue 23's done-when: every GPU in the shipped catalog can be planned on-prem at a cited, dated
    price, or is marked as not sold separately (TPUs, H800, GB200)."""
    from app.catalog.repository import default_catalog

    missing = sorted(g.id for g in default_catalog().gpus()
                     if g.sold_separately and not (g.price_usd is not None and g.price_source and g.price_as_of))
    assert missing == []
    not_sold = sorted(g.id for g in default_catalog().gpus() if not g.sold_separately)
    assert {"tpu-v4", "tpu-v5e", "tpu-v5p"} <= set(not_sold)
