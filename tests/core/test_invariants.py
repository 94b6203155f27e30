"""Properties that must hold for any input (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import memory as mem
from app.core.evaluate import evaluate
from app.core.layouts import Layout
from app.core.scenario import Goal, Method, Recompute, Stack
from app.core.specs import model_from_params
from app.core.stacks import RULES, allowed_offloads

from .helpers import a100_80, scenario

recomputes = st.sampled_from(list(Recompute))
methods = st.sampled_from(list(Method))


stacks = st.sampled_from(list(Stack))


def _stack_options(data, stack: Stack) -> tuple[Recompute, int, list[int]]:
    """A recomputation the stack offers, a tensor degree (1 where it has no TP) and its ZeRO stages."""
    r = RULES[stack]
    rc = Recompute(data.draw(st.sampled_from(list(r.recomputes))))
    tp = data.draw(st.sampled_from([1, 2, 4, 8] if r.model_parallel else [1]))
    return rc, tp, list(r.zero_stages)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), b=st.integers(1, 64), db=st.integers(1, 64), seq=st.integers(128, 32768), method=methods,
       stack=stacks, accumulate=st.booleans(), offload=st.booleans())
def test_training_memory_never_falls_as_batch_grows(data, b, db, seq, method, stack, accumulate, offload):
    """Every stack, recomputation, ZeRO stage and tensor degree, with the layout held fixed."""
    rc, tp, zeros = _stack_options(data, stack)
    zero = data.draw(st.sampled_from(zeros))
    acts = ("activations",) if offload and "activations" in allowed_offloads(stack) else ()
    m = []
    for mb in (b, b + db):
        s = scenario(goal=Goal.FINETUNE, tokens=1e8, micro_batch=mb, seq_len=seq, recompute=rc, method=method,
                     stack=stack, offload=acts, global_batch=None if accumulate else mb * 8)
        m.append(mem.training_memory(s, Layout(tp=tp, pp=1, dp=8, zero=zero)).total)
    assert m[1] >= m[0]


@settings(max_examples=80, deadline=None)
@given(data=st.data(), seq=st.integers(128, 32768), ds=st.integers(1, 32768), stack=stacks,
       attention=st.sampled_from(["flash", "eager"]), loss=st.sampled_from(["fp32", "bf16", "chunked", "fused"]))
def test_training_memory_never_falls_as_sequence_grows(data, seq, ds, stack, attention, loss):
    rc, tp, zeros = _stack_options(data, stack)
    lay = Layout(tp=tp, pp=1, dp=4, zero=data.draw(st.sampled_from(zeros)))
    m = [mem.training_memory(scenario(goal=Goal.CPT, seq_len=x, recompute=rc, stack=stack, attention=attention,
                                      loss=loss), lay).total
         for x in (seq, seq + ds)]
    assert m[1] >= m[0]


@settings(max_examples=60, deadline=None)
@given(p=st.floats(1e8, 1e12), f=st.floats(1.0, 10.0), zero=st.integers(0, 3))
def test_training_memory_never_falls_as_parameters_grow(p, f, zero):
    m = []
    for n in (p, p * f):
        s = scenario(goal=Goal.SCRATCH, model=model_from_params(n))
        m.append(mem.training_memory(s, Layout(tp=1, pp=1, dp=4, zero=zero)).weights)
        m.append(mem.training_memory(s, Layout(tp=1, pp=1, dp=4, zero=zero)).total)
    assert m[2] >= m[0]


@settings(max_examples=60, deadline=None)
@given(ctx=st.integers(1, 131072), dc=st.integers(1, 131072), conc=st.integers(1, 256), dn=st.integers(0, 256),
       kv=st.sampled_from(["fp16", "fp8", "int4"]), quant=st.sampled_from(["bf16", "int8", "q4_k_m", "int4"]))
def test_inference_memory_never_falls_as_context_or_concurrency_grow(ctx, dc, conc, dn, kv, quant):
    a = scenario(goal=Goal.INFERENCE, context=ctx, concurrency=conc, kv_dtype=kv, quant=quant)
    b = scenario(goal=Goal.INFERENCE, context=ctx + dc, concurrency=conc + dn, kv_dtype=kv, quant=quant)
    assert mem.inference_memory(b, Layout(tp=1, pp=1)).total >= mem.inference_memory(a, Layout(tp=1, pp=1)).total


@settings(max_examples=40, deadline=None)
@given(n=st.sampled_from([1, 2, 4, 8, 16, 32, 64, 128, 256]), k=st.sampled_from([2, 4, 8]),
       mfu=st.floats(0.05, 0.9), goal=st.sampled_from([Goal.SCRATCH, Goal.CPT, Goal.FINETUNE]))
def test_more_gpus_at_fixed_mfu_never_slower(n, k, mfu, goal):
    s = scenario(goal=goal, tokens=1e10, mfu=mfu, gpu_id="a100", gpu_count=n)
    assert evaluate(s, a100_80(), n * k).job_s <= evaluate(s, a100_80(), n).job_s


@settings(max_examples=120, deadline=None)
@given(data=st.data(), dp=st.integers(1, 1024), method=methods, stack=stacks, p=st.floats(1e8, 5e11),
       seq=st.integers(128, 16384), mb=st.integers(1, 16))
def test_higher_zero_stage_never_needs_more_memory(data, dp, method, stack, p, seq, mb):
    """Each stack's stages in order (Megatron 0-1, DeepSpeed 0-3, FSDP 0/2/3, HF and torchtune 0/3)."""
    rc, tp, zeros = _stack_options(data, stack)
    s = scenario(goal=Goal.FINETUNE, tokens=1e8, method=method, model=model_from_params(p), stack=stack,
                 recompute=rc, seq_len=seq, micro_batch=mb)
    totals = [mem.training_memory(s, Layout(tp=tp, pp=1, dp=dp, zero=z)).total for z in zeros]
    assert all(hi <= lo * (1 + 1e-12) for lo, hi in zip(totals, totals[1:], strict=False))
