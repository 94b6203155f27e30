"""Properties that must hold for any input (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import memory as mem
from app.core.evaluate import evaluate
from app.core.layouts import Layout
from app.core.scenario import Goal, Method, Recompute
from app.core.specs import model_from_params

from .helpers import a100_80, scenario

recomputes = st.sampled_from(list(Recompute))
methods = st.sampled_from(list(Method))


@settings(max_examples=60, deadline=None)
@given(b=st.integers(1, 64), db=st.integers(1, 64), seq=st.integers(128, 32768), rc=recomputes, method=methods,
       tp=st.sampled_from([1, 2, 4, 8]), zero=st.integers(0, 3))
def test_training_memory_never_falls_as_batch_grows(b, db, seq, rc, method, tp, zero):
    s1 = scenario(goal=Goal.FINETUNE, tokens=1e8, micro_batch=b, seq_len=seq, recompute=rc, method=method)
    s2 = scenario(goal=Goal.FINETUNE, tokens=1e8, micro_batch=b + db, seq_len=seq, recompute=rc, method=method)
    m1 = mem.training_memory(s1, Layout(tp=tp, pp=1, dp=8, zero=zero)).total
    m2 = mem.training_memory(s2, Layout(tp=tp, pp=1, dp=8, zero=zero)).total
    assert m2 >= m1


@settings(max_examples=60, deadline=None)
@given(seq=st.integers(128, 32768), ds=st.integers(1, 32768), rc=recomputes)
def test_training_memory_never_falls_as_sequence_grows(seq, ds, rc):
    m = [mem.training_memory(scenario(goal=Goal.CPT, seq_len=x, recompute=rc), Layout(tp=1, pp=1, dp=1, zero=0)).total
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


@settings(max_examples=60, deadline=None)
@given(dp=st.integers(1, 1024), stage=st.integers(0, 2), method=methods, tp=st.sampled_from([1, 2, 8]),
       p=st.floats(1e8, 5e11))
def test_higher_zero_stage_never_needs_more_memory(dp, stage, method, tp, p):
    s = scenario(goal=Goal.FINETUNE, tokens=1e8, method=method, model=model_from_params(p))
    lo = mem.training_memory(s, Layout(tp=tp, pp=1, dp=dp, zero=stage)).total
    hi = mem.training_memory(s, Layout(tp=tp, pp=1, dp=dp, zero=stage + 1)).total
    assert hi <= lo
