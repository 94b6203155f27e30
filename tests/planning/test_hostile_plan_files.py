"""Opening a plan file is all or nothing (issue 24): every hostile file is refused with a
PlanFileError (never another exception, never a hang), and the field types the loader checks are
the PlanRequest's own."""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path

import pytest

from app.planning import planfile
from app.planning.planfile import PlanFileError
from app.planning.request import PlanRequest

GOOD = {"schema": planfile.SCHEMA, "app_version": "0.1.0", "name": "ok", "catalog_version": "4-x",
        "request": {"goal": "finetune", "model": "llama-3.1-8b", "samples": "10000"}}


def _with(**request) -> bytes:
    return json.dumps({**GOOD, "request": {**GOOD["request"], **request}}).encode()


def _wrong_values(name: str) -> list[object]:
    """JSON values the field's PlanRequest type cannot take."""
    if name in planfile.LIST_FIELDS:
        return ["bf16", 3, {"a": 1}, [1, 2], [None]]
    if name in planfile.BOOL_FIELDS:
        return ["yes", 1, [True]]
    if name in planfile.COUNT_FIELDS:
        return [["h100-sxm"], "h100-sxm:8", 8, {"h100-sxm": "eight"}, {"h100-sxm": None}, {"h100-sxm": [8]},
                {"h100-sxm": 1.5}, {"h100-sxm": -1}, {"h100-sxm": True}]
    if name in planfile.TEXT_FIELDS:
        return [7, ["a"], {"a": 1}, True]
    return [["7B"], {"v": 1}, True]


FIELD_CASES = [(f.name, v) for f in fields(PlanRequest) for v in _wrong_values(f.name)]

STRUCTURE_CASES = {
    "empty": b"",
    "not json": b"{not json",
    "a list": b"[1, 2, 3]",
    "a string": b'"gpu-planner.planfile/3"',
    "null": b"null",
    "no schema": json.dumps({"request": {}}).encode(),
    "schema a number": json.dumps({**GOOD, "schema": 3}).encode(),
    "schema of another app": json.dumps({**GOOD, "schema": "other/3"}).encode(),
    "newer": json.dumps({**GOOD, "schema": "gpu-planner.planfile/99"}).encode(),
    "version not a number": json.dumps({**GOOD, "schema": "gpu-planner.planfile/three"}).encode(),
    "request a list": json.dumps({**GOOD, "request": [1]}).encode(),
    "request null": json.dumps({**GOOD, "request": None}).encode(),
    "name a list": json.dumps({**GOOD, "name": ["x"]}).encode(),
    "app_version a dict": json.dumps({**GOOD, "app_version": {"v": 1}}).encode(),
    "deep arrays": b'{"schema": "gpu-planner.planfile/3", "request": {"goal": ' + b"[" * 50000 + b"]" * 50000 + b"}}",
    "deep objects": (b'{"a":' * 30000) + b"1" + (b"}" * 30000),
    "moderately deep": json.dumps({**GOOD, "request": {**GOOD["request"], "own": {"a": [[[[[[[[1]]]]]]]]}}}).encode(),
    "latin-1 bytes": json.dumps({**GOOD, "name": "caf\u00e9"}, ensure_ascii=False).encode("latin-1"),
    "binary": bytes(range(256)) * 4,
    "utf-16": json.dumps(GOOD).encode("utf-16"),
    "too large": b'{"schema": "gpu-planner.planfile/3", "request": {"notes": "' + b"x" * (planfile.MAX_BYTES + 10) + b'"}}',
    "v2 draft with a bad precision list": json.dumps({"schema": "gpu-planner.planfile/2", "draft": {"precisions": "bf16"}}).encode(),
    "v2 draft a list": json.dumps({"schema": "gpu-planner.planfile/2", "draft": ["x"]}).encode(),
    "v2 custom a list": json.dumps({"schema": "gpu-planner.planfile/2", "draft": {"custom": ["x"]}}).encode(),
    "v2 precisions of numbers": json.dumps({"schema": "gpu-planner.planfile/2", "draft": {"precisions": [16]}}).encode(),
}


def test_the_loader_checks_the_types_plan_request_declares():
    """LIST/BOOL/COUNT/TEXT_FIELDS live in planfile (the start-up path must not import pydantic);
    they must say what PlanRequest's annotations say."""
    kinds = {"tuple[str, ...] | None": "list", "bool | None": "bool", "dict[str, int] | None": "count",
             "str | None": "text", "Quantity": "quantity"}
    declared = {f.name: kinds[str(f.type)] for f in fields(PlanRequest)}
    loader = {n: ("list" if n in planfile.LIST_FIELDS else "bool" if n in planfile.BOOL_FIELDS else
                  "count" if n in planfile.COUNT_FIELDS else "text" if n in planfile.TEXT_FIELDS else "quantity")
              for n in declared}
    assert loader == declared


@pytest.mark.parametrize("field,value", FIELD_CASES, ids=[f"{f}={json.dumps(v)}" for f, v in FIELD_CASES])
def test_a_field_of_the_wrong_type_is_refused_naming_the_field(tmp_path, field, value):
    p = tmp_path / "hostile.gpuplan"
    p.write_bytes(_with(**{field: value}))
    with pytest.raises(PlanFileError) as e:
        planfile.read(p)
    assert e.value.code == "wrong_type" and e.value.params["field"] == field


@pytest.mark.parametrize("case", sorted(STRUCTURE_CASES))
def test_a_malformed_file_is_refused_with_a_plan_file_error(tmp_path, case):
    p = tmp_path / "hostile.gpuplan"
    p.write_bytes(STRUCTURE_CASES[case])
    with pytest.raises(PlanFileError):
        planfile.read(p)


def test_values_of_the_right_type_open_even_out_of_range(tmp_path):
    """Types are the loader's business; ranges the wizard's (it marks the field, as when typed)."""
    p = tmp_path / "ok.gpuplan"
    p.write_bytes(_with(samples=-5, own={"h100-sxm": 8}, precision_choices=["bf16"], sequence_parallel=None, gpu_count="8"))
    assert planfile.read(p).request["samples"] == -5


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "missing"])
def test_special_files_are_refused_at_once(tmp_path, kind):
    p = tmp_path / "special.gpuplan"
    if kind == "fifo":
        os.mkfifo(p)
    elif kind == "dev-zero":
        p.symlink_to("/dev/zero")
    elif kind == "folder":
        p.mkdir()
    with pytest.raises(PlanFileError) as e:
        planfile.read(p)
    assert e.value.code == "unreadable"


def test_the_good_file_opens(tmp_path):
    p = tmp_path / "good.gpuplan"
    p.write_bytes(json.dumps(GOOD).encode())
    assert planfile.read(p).request == GOOD["request"]
    assert Path(p).exists()


def test_a_plan_saved_with_the_old_tensorrt_llm_name_opens_with_the_new_one():
    """Plan files written before the serving round say engine "trt-llm"; the CLI contract names it
    "trtllm". Nothing the user saved is lost: the file opens and plans with TensorRT-LLM."""
    from app.catalog.repository import default_catalog
    from app.planning.request import to_scenario

    doc = {"schema": planfile.SCHEMA, "name": "old", "request": {"goal": "inference", "model": "llama-3.1-8b",
                                                                         "engine": "trt-llm"}}
    pf = planfile.loads(json.dumps(doc))
    assert pf.request["engine"] == "trtllm"
    assert to_scenario(PlanRequest(**pf.request), default_catalog()).engine.value == "trtllm"
