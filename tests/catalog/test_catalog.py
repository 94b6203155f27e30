"""The catalog: shipped catalog.db built from resources/data, the user's overlay, CSV import/export."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from app.catalog.build import build, content_hash, read_sources
from app.catalog.csv_io import CatalogCsvError, read_csv
from app.catalog.repository import Catalog
from app.catalog.schema import KINDS
from app.cli import main
from app.paths import catalog_db_path, data_dir

CONTRACT_GPUS = ["a100-40gb-sxm", "a100-80gb-sxm", "a100-80gb-pcie", "h100-sxm", "h100-pcie", "h200", "h800",
                 "b200", "rtx-a6000", "rtx-6000-ada", "l40s", "l4", "rtx-4090", "rtx-3090", "mi300x"]
CONTRACT_MODELS = ["llama-2-7b", "llama-2-13b", "llama-2-70b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b",
                   "mistral-7b", "mixtral-8x7b", "qwen2.5-7b", "qwen2.5-72b", "deepseek-v3", "gemma-2-27b"]


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def gpu_csv_row(**over) -> str:
    """A valid GPU row in the import format, with fields overridden."""
    base = {c.csv: "" for c in KINDS["gpus"].columns}
    base.update(id="my-gpu", name="My GPU", vendor="Acme", memory_gib="96", bandwidth_tb_per_s="4",
                bf16_dense_tflops="500", fp16_dense_tflops="500", tdp_w="600", source="my datasheet",
                as_of="2026-11-01")
    base.update(over)
    header = ",".join(KINDS["gpus"].header)
    return header + "\n" + ",".join(str(base[h]) for h in KINDS["gpus"].header) + "\n"


# ----- the shipped catalog ---------------------------------------------------------------------

def test_shipped_catalog_db_is_up_to_date(tmp_path):
    """catalog.db must be what `gpu-planner catalog build` makes from resources/data today.
    Fails when a CSV was edited without rebuilding (run: gpu-planner catalog build)."""
    fresh = tmp_path / "catalog.db"
    build(data_dir(), fresh)
    assert _dump(fresh) == _dump(catalog_db_path()), "catalog.db is stale: run `gpu-planner catalog build`"


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    build(data_dir(), a)
    build(data_dir(), b)
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_content_hash_ignores_line_endings(tmp_path):
    """The same data with CRLF line ends (a Windows checkout) has the same content hash."""
    crlf = tmp_path / "data"
    crlf.mkdir()
    for f in data_dir().glob("*.csv"):
        (crlf / f.name).write_bytes(f.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert content_hash(read_sources(crlf)) == content_hash(read_sources(data_dir()))


def test_catalog_counts_meet_the_minimum():
    cat = Catalog()
    assert len(cat.gpus()) >= 25
    assert len(cat.models()) >= 30
    assert len(cat.runs()) >= 30
    assert len(cat.offers()) >= 20


@pytest.mark.parametrize("kind", ["gpus", "models", "runs", "offers"])
def test_listing_json_has_id_name_source_and_date(capsys, kind):
    code, out, _ = run_cli(capsys, "catalog", kind, "--json")
    assert code == 0
    entries = json.loads(out)
    assert entries
    for e in entries:
        assert e["id"] and e["name"] and e["source"], e
        assert len(e["as_of"]) >= 7, e


def test_contract_ids_are_listed(capsys):
    ids = {e["id"] for e in json.loads(run_cli(capsys, "catalog", "gpus", "--json")[1])}
    assert set(CONTRACT_GPUS) <= ids
    ids = {e["id"] for e in json.loads(run_cli(capsys, "catalog", "models", "--json")[1])}
    assert set(CONTRACT_MODELS) <= ids


def test_every_offer_and_run_points_at_catalog_entries():
    cat = Catalog()
    gpus = {g.id for g in cat.gpus()}
    models = {m.id for m in cat.models()}
    assert all(o.gpu in gpus for o in cat.offers())
    assert all(r.gpu in gpus for r in cat.runs() if r.gpu)
    assert all(r.model in models for r in cat.runs() if r.model)


def test_scale_up_domains_follow_the_hardware():
    """NVLink bridges join pairs (RTX A6000, RTX 3090), Ada workstation cards have none (L40S,
    RTX 4090, RTX 6000 Ada), HGX boards join 8 (A100/H100/H200/B200 SXM). Sources in gpus.csv."""
    cat = Catalog()
    dom = {g.id: g.nvlink_domain for g in cat.gpus()}
    assert dom["rtx-a6000"] == 2 and dom["rtx-3090"] == 2
    assert dom["l40s"] == dom["rtx-4090"] == dom["rtx-6000-ada"] == 1
    assert dom["a100-80gb-sxm"] == dom["h100-sxm"] == dom["h200"] == dom["b200"] == 8
    if "gb200" in dom:
        assert dom["gb200"] == 72


def test_dense_peaks_are_not_sparse_figures():
    """Dense BF16 tensor TFLOPS from the datasheets: A100 312 (624 is 2:4-sparse), H100 SXM 989.4
    (1,979 sparse), MI300X 1,307.4; RTX 4090 165.2 with FP32 accumulate (Ada whitepaper)."""
    cat = Catalog()
    assert cat.gpu("a100-80gb-sxm").peak_flops_bf16 == pytest.approx(312e12, rel=0.01)
    assert cat.gpu("h100-sxm").peak_flops_bf16 == pytest.approx(989e12, rel=0.01)
    assert cat.gpu("mi300x").peak_flops_bf16 == pytest.approx(1307.4e12, rel=0.01)
    assert cat.gpu("rtx-4090").peak_flops_bf16 == pytest.approx(165.2e12, rel=0.01)
    for g in cat.gpus():
        assert (g.peak_flops_fp16 or 0) <= 2.05 * g.peak_flops_bf16, g.id
        if g.peak_flops_fp8:
            assert g.peak_flops_fp8 <= 2.05 * g.peak_flops_bf16, g.id


def test_model_architectures_reproduce_stated_parameter_counts():
    """Every preset whose card states a parameter count (params_stated, e.g. Llama 3.1 8B = 8.03B,
    Qwen2.5 72B = 72.7B) is reproduced within 3% by the architecture in models.csv, or carries an
    explicit count. A wrong layer count or FFN width fails here."""
    bad = []
    for m in Catalog().models():
        if m.params_stated:
            err = abs(m.params_total / m.params_stated - 1)
            if err > 0.03:
                bad.append(f"{m.id}: {m.params_total:.4g} vs stated {m.params_stated:.4g}")
    assert not bad, bad


# ----- the user's own entries -------------------------------------------------------------------

def test_user_entry_wins_over_shipped_row_and_shipped_file_is_untouched(capsys, tmp_path):
    before = hashlib.sha256(catalog_db_path().read_bytes()).hexdigest()
    row = gpu_csv_row(id="h100-sxm", name="H100 (our negotiated price)", memory_gib="80", bandwidth_tb_per_s="3.35",
                      bf16_dense_tflops="989", fp16_dense_tflops="989", tdp_w="700", price_usd="20000")
    code, out, err = run_cli(capsys, "catalog", "import", str(write(tmp_path, "mine.csv", row)))
    assert code == 0, err
    assert "1 GPUs" in out and "1 replacing" in out
    entries = {e["id"]: e for e in json.loads(run_cli(capsys, "catalog", "gpus", "--json")[1])}
    assert entries["h100-sxm"]["price_usd"] == 20000
    assert entries["h100-sxm"]["origin"] == "user"
    assert entries["a100-80gb-sxm"]["origin"] == "shipped"
    assert hashlib.sha256(catalog_db_path().read_bytes()).hexdigest() == before
    # and the planner sees it: catalog_version changes with the user's rows
    code, out, _ = run_cli(capsys, "plan", "--goal", "inference", "--model", "llama-3.1-8b", "--gpu", "h100-sxm",
                           "--gpus", "1", "--deployment", "onprem", "--json")
    assert "+user-" in json.loads(out)["catalog_version"]


def test_new_user_gpu_can_be_planned(capsys, tmp_path):
    assert run_cli(capsys, "catalog", "import", str(write(tmp_path, "g.csv", gpu_csv_row())))[0] == 0
    code, out, err = run_cli(capsys, "plan", "--goal", "inference", "--model", "llama-3.1-8b", "--gpu", "my-gpu",
                             "--gpus", "1", "--json")
    assert code == 0, err
    assert json.loads(out)["options"][0]["gpu"] == "my-gpu"


def test_a_bad_row_imports_nothing_and_names_line_and_column(capsys, tmp_path):
    good = gpu_csv_row(id="ok-gpu")
    bad_line = gpu_csv_row(id="bad-gpu", memory_gib="lots").splitlines()[1]
    path = write(tmp_path, "mixed.csv", good + bad_line + "\n")
    code, out, err = run_cli(capsys, "catalog", "import", str(path))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "line 3" in err and "memory_gib" in err and "'lots'" in err and "> 0" in err
    assert "Traceback" not in err
    ids = {e["id"] for e in json.loads(run_cli(capsys, "catalog", "gpus", "--json")[1])}
    assert "ok-gpu" not in ids


@pytest.mark.parametrize("over, column, words", [
    ({"bf16_dense_tflops": "-5"}, "bf16_dense_tflops", "out of range"),
    ({"pcie_gen": "9"}, "pcie_gen", "<= 6"),
    ({"as_of": "last year"}, "as_of", "YYYY-MM-DD"),
    ({"source": ""}, "source", "required"),
    ({"id": "My GPU!"}, "id", "not an id"),
    ({"mamf_fraction": "1.4"}, "mamf_fraction", "<= 1"),
])
def test_each_bad_cell_is_named(tmp_path, over, column, words):
    with pytest.raises(CatalogCsvError) as e:
        read_csv(write(tmp_path, "x.csv", gpu_csv_row(**over)))
    p = e.value.problems[0]
    assert p.line == 2 and p.column == column and words in p.message


def test_cross_field_rules_and_references_are_checked(tmp_path):
    header = ",".join(KINDS["models"].header)
    cols = KINDS["models"].header
    row = dict.fromkeys(cols, "")
    row.update(id="m", name="M", layers="2", hidden="64", heads="4", kv_heads="8", ffn="128", vocab="100",
               source="s", as_of="2026-01-01")
    with pytest.raises(CatalogCsvError) as e:
        read_csv(write(tmp_path, "m.csv", header + "\n" + ",".join(row[c] for c in cols) + "\n"))
    assert "KV heads (8) must be at most heads (4)" in str(e.value)
    ocols = KINDS["offers"].header
    orow = dict.fromkeys(ocols, "")
    orow.update(id="o", provider="P", gpu="no-such-gpu", pricing="spot", price_per_gpu_hour="1", currency="USD",
                source="s", as_of="2026-01-01")
    with pytest.raises(CatalogCsvError) as e:
        read_csv(write(tmp_path, "o.csv", ",".join(ocols) + "\n" + ",".join(orow[c] for c in ocols) + "\n"),
                 known=Catalog().known_ids())
    assert e.value.problems[0].column == "gpu" and "no-such-gpu" in str(e.value)


def test_unknown_column_and_unknown_kind_are_explained(capsys, tmp_path):
    code, _, err = run_cli(capsys, "catalog", "import", str(write(tmp_path, "x.csv", "id,name,colour\na,b,c\n")))
    assert code == 2 and "cannot tell which catalog" in err
    typo = gpu_csv_row().replace("tdp_w", "tdp_watts", 1)
    code, _, err = run_cli(capsys, "catalog", "import", str(write(tmp_path, "y.csv", typo)))
    assert code == 2 and "tdp_watts" in err


@pytest.mark.parametrize("kind", ["gpus", "models", "runs", "offers"])
def test_export_then_import_round_trips(capsys, tmp_path, kind):
    """Exported CSV re-imports to the same entries (a user can edit in a spreadsheet and come back)."""
    out = tmp_path / f"{kind}.csv"
    assert run_cli(capsys, "catalog", "export", kind, str(out))[0] == 0
    before = [e.model_dump(exclude={"origin"}) for e in Catalog().entries(kind)]
    assert run_cli(capsys, "catalog", "import", str(out))[0] == 0
    after = [e.model_dump(exclude={"origin"}) for e in Catalog().entries(kind)]
    assert after == before


def test_remove_only_touches_user_rows(capsys, tmp_path):
    run_cli(capsys, "catalog", "import", str(write(tmp_path, "g.csv", gpu_csv_row())))
    assert run_cli(capsys, "catalog", "remove", "gpus", "my-gpu")[0] == 0
    assert Catalog().gpu("my-gpu") is None
    code, _, err = run_cli(capsys, "catalog", "remove", "gpus", "h100-sxm")
    assert code == 2 and "shipped" in err
    assert Catalog().gpu("h100-sxm") is not None


def test_a_broken_overlay_is_moved_aside_and_the_shipped_catalog_used(capsys, tmp_path, monkeypatch):
    """Issue 9: the app still starts, the damaged file is kept (renamed, never deleted), the user is told."""
    user = tmp_path / "broken"
    user.mkdir()
    (user / "catalog-user.db").write_bytes(b"this is not sqlite")
    monkeypatch.setenv("GPU_PLANNER_DATA_DIR", str(user))
    code, out, err = run_cli(capsys, "catalog", "gpus")
    assert code == 0 and "h100-sxm" in out
    assert "damaged" in err and "moved to" in err
    kept = list(user.glob("catalog-user.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"this is not sqlite"
    assert not (user / "catalog-user.db").exists()
    # the next import starts a fresh overlay; the kept file stays
    row = gpu_csv_row(id="lab-gpu", name="Lab", memory_gib="80", bandwidth_tb_per_s="2", bf16_dense_tflops="300")
    code, out, err = run_cli(capsys, "catalog", "import", str(write(tmp_path, "lab.csv", row)))
    assert code == 0, err
    assert kept[0].exists() and Catalog().gpu("lab-gpu") is not None


def _overlay_claiming_schema(capsys, tmp_path, monkeypatch, version) -> Path:
    """A user's overlay holding one GPU whose meta says it was written with schema ``version``."""
    import sqlite3

    user = tmp_path / f"schema{version}"
    user.mkdir()
    monkeypatch.setenv("GPU_PLANNER_DATA_DIR", str(user))
    row = gpu_csv_row(id="lab-gpu", name="Lab", memory_gib="80", bandwidth_tb_per_s="2", bf16_dense_tflops="300")
    assert run_cli(capsys, "catalog", "import", str(write(tmp_path, "lab.csv", row)))[0] == 0
    overlay = user / "catalog-user.db"
    con = sqlite3.connect(overlay)
    with con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    con.close()
    return overlay


def test_an_older_overlay_is_backed_up_then_migrated(capsys, tmp_path, monkeypatch):
    """A schema change copies the user's overlay to .bak-schema<N> before upgrading it in place."""
    import app.catalog.repository as repo
    from app.catalog.schema import SCHEMA_VERSION

    overlay = _overlay_claiming_schema(capsys, tmp_path, monkeypatch, SCHEMA_VERSION - 1)
    old_bytes = overlay.read_bytes()
    steps = []
    monkeypatch.setitem(repo.OVERLAY_MIGRATIONS, SCHEMA_VERSION - 1, lambda c: steps.append(c))
    cat = Catalog()
    assert steps and cat.gpu("lab-gpu") is not None
    assert [p.code for p in cat.problems] == ["overlay_migrated"]
    assert overlay.with_name(f"catalog-user.db.bak-schema{SCHEMA_VERSION - 1}").read_bytes() == old_bytes


def test_a_newer_overlay_is_left_untouched_and_not_used(capsys, tmp_path, monkeypatch):
    overlay = _overlay_claiming_schema(capsys, tmp_path, monkeypatch, 99)
    before = overlay.read_bytes()
    cat = Catalog()
    assert cat.gpu("lab-gpu") is None and [p.code for p in cat.problems] == ["overlay_schema"]
    assert overlay.read_bytes() == before


def test_missing_catalog_db_reads_the_csv_sources(tmp_path):
    cat = Catalog(shipped=tmp_path / "absent.db", overlay=tmp_path / "u.db")
    assert cat.gpu("h100-sxm") is not None
    assert cat.shipped_hash == content_hash(read_sources(data_dir()))
    assert [p.code for p in cat.problems] == ["shipped_missing"] and "not found" in str(cat.problems[0])


def _read_with_sqlmodel(path: Path) -> tuple[dict, dict]:
    """What the SQLModel tables read from a catalog file (the reference for the sqlite3 reader)."""
    from sqlmodel import Session, create_engine, select

    from app.catalog.tables import TABLES, Meta

    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as s:
            meta = {m.key: m.value for m in s.exec(select(Meta))}
            rows = {name: [r.model_dump(exclude={"seq"}) for r in s.exec(select(t).order_by(t.seq, t.id))]
                    for name, t in TABLES.items()}
    finally:
        engine.dispose()
    return meta, rows


def test_the_sqlite3_reader_reads_what_the_tables_hold(capsys, tmp_path):
    """Catalog reads with plain sqlite3 (no sqlmodel import at start-up, issue 10): the same records
    with the same Python types (booleans too), for catalog.db and an overlay."""
    from app.catalog.repository import _read_all

    for kind in KINDS:  # an overlay holding every kind (models carry the boolean columns)
        out = tmp_path / f"{kind}.csv"
        assert run_cli(capsys, "catalog", "export", kind, str(out))[0] == 0
        assert run_cli(capsys, "catalog", "import", str(out))[0] == 0
    overlay = Catalog().overlay_path
    for path in (catalog_db_path(), overlay):
        meta, rows = _read_all(path)
        ref_meta, ref_rows = _read_with_sqlmodel(path)
        assert meta == ref_meta
        for kind in KINDS:
            assert rows[kind] == ref_rows[kind]
            assert [{k: type(v) for k, v in r.items()} for r in rows[kind]] == \
                   [{k: type(v) for k, v in r.items()} for r in ref_rows[kind]]
    assert any(isinstance(r["tied_embeddings"], bool) for r in _read_all(overlay)[1]["models"])


def test_a_schema_2_overlay_gains_the_measurements_table_and_keeps_its_rows(capsys, tmp_path, monkeypatch):
    """Schema 3 added the user's measured runs: a schema-2 overlay (no such table) is migrated by the
    real step, keeps the user's GPU, and then takes a measurement."""
    import sqlite3

    overlay = _overlay_claiming_schema(capsys, tmp_path, monkeypatch, 2)
    con = sqlite3.connect(overlay)
    with con:
        con.execute("DROP TABLE measurement")
    con.close()
    cat = Catalog()
    assert [p.code for p in cat.problems] == ["overlay_migrated"] and cat.gpu("lab-gpu") is not None
    cat.add("measurements", {"id": "mine-1", "gpu": "lab-gpu", "model": "llama-2-7b", "stack": "megatron",
                             "method": "pretrain", "precision": "bf16", "gpu_count": 8, "seq_len": 4096,
                             "tokens_per_s_per_gpu": 3000.0, "source": "your measurement", "as_of": "2026-12-02",
                             "notes": ""})
    again = Catalog()
    assert [m.id for m in again.measurements()] == ["mine-1"] and again.problems == []


def test_a_schema_3_overlay_gains_the_gpu_capability_columns(capsys, tmp_path, monkeypatch):
    """Schema 4 added architecture and precisions to GPUs: a schema-3 overlay without those columns is
    migrated by the real step and keeps the user's GPU (with no capabilities recorded: no limits)."""
    import sqlite3

    overlay = _overlay_claiming_schema(capsys, tmp_path, monkeypatch, 3)
    con = sqlite3.connect(overlay)
    with con:
        con.execute("ALTER TABLE gpu DROP COLUMN architecture")
        con.execute("ALTER TABLE gpu DROP COLUMN precisions")
    con.close()
    cat = Catalog()
    assert [p.code for p in cat.problems] == ["overlay_migrated"]
    g = cat.gpu("lab-gpu")
    assert g is not None and g.architecture == "" and g.precisions == () and g.supports("bf16")
    assert Catalog().problems == []


def test_a_schema_4_overlay_gains_the_buying_columns(capsys, tmp_path, monkeypatch):
    """Schema 5 added sold_separately and the server price to GPUs: a schema-4 overlay without them is
    migrated by the real step and keeps the user's GPU (sold separately, no server price)."""
    import sqlite3

    overlay = _overlay_claiming_schema(capsys, tmp_path, monkeypatch, 4)
    con = sqlite3.connect(overlay)
    with con:
        for column in ("sold_separately", "server_price_usd", "server_price_source", "server_price_as_of"):
            con.execute(f"ALTER TABLE gpu DROP COLUMN {column}")
    con.close()
    cat = Catalog()
    assert [p.code for p in cat.problems] == ["overlay_migrated"]
    g = cat.gpu("lab-gpu")
    assert g is not None and g.sold_separately and g.server_price_usd is None
    assert Catalog().problems == []


def test_japanese_clouds_are_priced_in_yen_as_published():
    """Issue 23: at least 10 offers from clouds Japanese teams use, in JPY as published, each with its
    source, date and tax basis; the Tokyo regions of the hyperscalers are there too."""
    from app.catalog.repository import default_catalog

    offers = default_catalog().offers()
    yen = [o for o in offers if o.currency == "JPY"]
    providers = {o.provider.split(" (")[0] for o in yen}
    assert len(yen) >= 10 and len(providers) >= 5, providers
    assert all(o.source and o.as_of and ("tax" in o.notes.lower() or "税込" in o.notes) for o in yen
               if not o.id.startswith("tsubame4"))
    assert any(o.provider.startswith("Sakura") for o in yen) and any("ABCI" in o.provider for o in yen)
    assert any(o.id.startswith("aws-tokyo") for o in offers)
