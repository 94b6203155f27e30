"""Faults on the command line (issue 24): other locales, exports that cannot be written, user
mistakes with files, a read-only data folder, Shift-JIS CSVs and formula injection. Every user
mistake is one line and exit 2; nothing reports success for a file it did not write."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAN = ["plan", "--goal", "finetune", "--model", "llama-3.1-8b", "--samples", "10000"]


def _proc(*args, env_extra=None, timeout=180):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, timeout=timeout, env=env, cwd=ROOT)


@pytest.mark.slow
@pytest.mark.parametrize("encoding,lang", [("shift_jis", "ja"), ("cp932", "en"), ("euc_jp", "ja"), ("latin-1", "ja"),
                                           ("latin-1", "en"), ("ascii", "en")])
def test_text_output_and_backtest_work_in_any_console_encoding(encoding, lang):
    """In a Shift-JIS, EUC-JP or Latin-1 locale `plan` text output and `backtest` exited 1 with a
    UnicodeEncodeError and printed nothing (Japanese Windows with redirected output is this case).
    PYTHONIOENCODING sets the console's encoding exactly as such a locale does."""
    for args in (PLAN + ["--lang", lang], ["backtest", "--lang", lang]):
        r = _proc(*args, env_extra={"PYTHONIOENCODING": encoding})
        assert r.returncode == 0, r.stderr.decode(encoding, "replace")
        text = r.stdout.decode(encoding)  # what was written is valid in the console's encoding
        assert len(text.splitlines()) > 5 and "Traceback" not in r.stderr.decode(encoding, "replace")


@pytest.mark.slow
def test_json_stays_exact_on_a_latin_1_console():
    """Characters a console cannot show are escaped as JSON \\u escapes, so the document is the same."""
    args = PLAN + ["--lang", "ja", "--json"]
    utf8 = json.loads(_proc(*args, env_extra={"PYTHONIOENCODING": "utf-8"}).stdout.decode("utf-8"))
    latin = _proc(*args, env_extra={"PYTHONIOENCODING": "latin-1"})
    assert latin.returncode == 0
    doc = json.loads(latin.stdout.decode("latin-1"))
    assert doc["verdict"] == utf8["verdict"] and doc["findings"] == utf8["findings"]


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="POSIX locales")
def test_a_pdf_under_the_c_locale_prints_no_qt_locale_warning(tmp_path):
    r = _proc(*PLAN, "--pdf", str(tmp_path / "r.pdf"), env_extra={"LC_ALL": "C", "LANG": "C"})
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "Detected locale" not in err and len(err.strip().splitlines()) == 1, err  # only "wrote … (N pages)"


def _one_line(capsys) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_pdf_onto_a_folder_or_a_missing_folder_is_refused_before_planning(tmp_path, capsys):
    assert main([*PLAN, "--pdf", str(tmp_path)]) == 2
    assert "is a folder" in _one_line(capsys)
    assert main([*PLAN, "--pdf", str(tmp_path / "no" / "r.pdf")]) == 2
    assert "does not exist" in _one_line(capsys)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_pdf_onto_a_full_device_fails_instead_of_reporting_success(capsys):
    """`--pdf /dev/full` exited 0 with "wrote … (6 pages)"."""
    assert main([*PLAN, "--pdf", "/dev/full"]) == 2
    line = _one_line(capsys)
    assert "wrote" not in line and "No space left" in line


def test_a_pdf_onto_a_full_disk_keeps_the_old_report(tmp_path, capsys, monkeypatch):
    """A full disk (simulated: the first write of the PDF bytes fails with ENOSPC)."""
    import errno

    from app import fileio

    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF last week's report")

    def full(_fd, _data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio.os, "write", full)
    assert main([*PLAN, "--pdf", str(target)]) == 2
    assert "No space left" in _one_line(capsys)
    assert target.read_bytes() == b"%PDF last week's report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_catalog_import_and_export_mistakes_are_usage_lines(tmp_path, capsys):
    assert main(["catalog", "import", str(tmp_path)]) == 2
    assert "folder" in _one_line(capsys)
    assert main(["catalog", "import", str(tmp_path / "missing.csv")]) == 2
    assert "does not exist" in _one_line(capsys)
    assert main(["catalog", "export", "gpus", str(tmp_path)]) == 2
    assert "folder" in _one_line(capsys)
    assert main(["catalog", "export", "gpus", str(tmp_path / "no" / "g.csv")]) == 2
    assert "does not exist" in _one_line(capsys)


def _gpu_csv(tmp_path: Path, **over) -> Path:
    from app.catalog.csv_io import write_csv
    from app.catalog.repository import Catalog
    from app.catalog.schema import KINDS

    base = Catalog(overlay=tmp_path / "none.db").records("gpus")[0]
    p = tmp_path / "mine.csv"
    write_csv(p, KINDS["gpus"], [{**base, "id": "my-gpu", "name": "My GPU", **over}])
    return p


def test_a_cell_over_128_kib_is_a_usage_line_naming_the_line(tmp_path, capsys):
    """csv's field limit raised an internal error (exit 1)."""
    p = _gpu_csv(tmp_path)
    text = p.read_text(encoding="utf-8").replace("My GPU", "x" * 200_000)
    p.write_text(text, encoding="utf-8")
    assert main(["catalog", "import", str(p)]) == 2
    line = _one_line(capsys)
    assert "line 2" in line and "131,072" in line and "internal" not in line


def test_a_shift_jis_csv_is_read_and_the_encoding_reported(tmp_path, capsys):
    """Excel's "CSV" on Japanese Windows is Shift-JIS (cp932); it was refused as not UTF-8."""
    p = _gpu_csv(tmp_path, name="社内GPU（検証用）")
    p.write_bytes(p.read_text(encoding="utf-8").encode("cp932"))
    assert main(["catalog", "import", str(p)]) == 0
    out = capsys.readouterr()
    assert "Shift-JIS" in out.err
    capsys.readouterr()
    assert main(["catalog", "gpus", "--origin", "user", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "社内GPU（検証用）"


def test_utf8_with_a_bom_is_read_as_utf8(tmp_path, capsys):
    p = _gpu_csv(tmp_path, name="GPU ü")
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert main(["catalog", "import", str(p)]) == 0
    assert "Shift-JIS" not in capsys.readouterr().err


def test_a_data_folder_that_cannot_be_written_is_a_usage_line_without_sql(tmp_path, capsys, monkeypatch):
    """A read-only data folder showed SQLAlchemy's raw SQL and exited 1. (As root, permissions do
    not stop writes; a data folder inside a regular file cannot be created by anyone.)"""
    from app.catalog.repository import default_catalog

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("GPU_PLANNER_DATA_DIR", str(blocker / "data"))
    default_catalog.cache_clear()
    p = _gpu_csv(tmp_path)
    assert main(["catalog", "import", str(p)]) == 2
    line = _one_line(capsys)
    assert "[SQL" not in line and "INSERT" not in line and "Nothing was changed" in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes read-only folders")
def test_a_read_only_data_folder_is_a_usage_line_without_sql(tmp_path, capsys, monkeypatch):
    from app.catalog.repository import default_catalog

    data = tmp_path / "data"
    data.mkdir()
    p = _gpu_csv(tmp_path)
    monkeypatch.setenv("GPU_PLANNER_DATA_DIR", str(data))
    default_catalog.cache_clear()
    os.chmod(data, 0o555)
    try:
        assert main(["catalog", "import", str(p)]) == 2
        line = _one_line(capsys)
        assert "[SQL" not in line and "Nothing was changed" in line
    finally:
        os.chmod(data, 0o755)


FORMULAS = ["=HYPERLINK(\"http://evil\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "'=already quoted"]


@pytest.mark.parametrize("name", FORMULAS)
def test_exported_catalog_cells_are_safe_and_round_trip(tmp_path, capsys, name):
    p = _gpu_csv(tmp_path, name=name, source=name)
    assert main(["catalog", "import", str(p)]) == 0
    out = tmp_path / "export.csv"
    assert main(["catalog", "export", "gpus", str(out), "--origin", "user"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert all(not v.startswith(("=", "+", "@", "\t", "\r")) for r in rows for v in r.values())
    assert rows[0]["name"] == "'" + name
    capsys.readouterr()
    # re-importing the export gives back exactly the value that was exported
    assert main(["catalog", "import", str(out)]) == 0
    capsys.readouterr()
    assert main(["catalog", "gpus", "--origin", "user", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == name


def test_the_options_table_is_spreadsheet_safe(tmp_path, capsys):
    """The options table (CSV export, clipboard TSV) carries catalog names the user typed."""
    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.present.tables import to_csv, to_tsv

    p = _gpu_csv(tmp_path, name="=WEBSERVICE(\"http://evil\")")
    assert main(["catalog", "import", str(p)]) == 0
    default_catalog.cache_clear()
    from app.cli import scenario_from_args
    from app.cli.parser import build_parser

    a = build_parser().parse_args([*PLAN, "--gpu", "my-gpu", "--gpus", "8"])
    _req, scenario, _lang = scenario_from_args(a)
    out = build_outcome(scenario, default_catalog(), curves=False)
    for text in (to_csv(out), to_tsv(out)):
        cells = [c for line in text.splitlines() for c in (line.split("\t") if "\t" in line else next(csv.reader([line])))]
        assert "'=WEBSERVICE(\"http://evil\")" in cells
        assert not any(c.startswith(("=", "+", "@")) for c in cells)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 256 KiB tmpfs, where the machine allows mounting one (CI runs as root); else skipped (the
    simulated ENOSPC tests above cover the same code)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def test_exports_onto_a_full_disk_fail_and_keep_the_old_files(tiny_disk, capsys):
    """`--pdf` onto a full disk exited 0 with "wrote … (6 pages)" and a 0-byte file; a catalog
    export onto a full disk truncated the old file."""
    old_pdf, old_csv = tiny_disk / "report.pdf", tiny_disk / "gpus.csv"
    old_pdf.write_bytes(b"%PDF an older report")
    old_csv.write_text("id,name\nold,Old\n", encoding="utf-8")
    filler = tiny_disk / "filler"
    filler.write_bytes(b"\0" * (248 * 1024))  # the PDF (~0.7 MB) and the catalog (~20 KB) no longer fit
    assert main([*PLAN, "--pdf", str(old_pdf)]) == 2
    assert "No space left" in _one_line(capsys)
    assert main(["catalog", "export", "gpus", str(old_csv)]) == 2
    assert "No space left" in _one_line(capsys)
    assert old_pdf.read_bytes() == b"%PDF an older report"
    assert old_csv.read_text(encoding="utf-8") == "id,name\nold,Old\n"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler", "gpus.csv", "report.pdf"]


def _hostile_paths(tmp_path: Path) -> list[str]:
    loop_a, loop_b = tmp_path / "loop-a", tmp_path / "loop-b"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "gone" / "x.csv")
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    return [str(tmp_path), str(tmp_path / "no" / "such" / "x"), str(tmp_path / ("n" * 300)), str(loop_a), str(dangling),
            str(a_file / "below-a-file"), "", " ", "/dev/full", "/proc/version", str(tmp_path / "x\udcff")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX paths")
def test_hostile_paths_are_one_line_and_exit_2_never_an_internal_error(tmp_path, capsys, monkeypatch):
    """Issue 24: every user mistake with a path is a usage line (exit 2), never exit 1."""
    monkeypatch.chdir(tmp_path)  # relative paths (" ") land here
    csv_in = _gpu_csv(tmp_path)
    for path in _hostile_paths(tmp_path):
        for argv in ([*PLAN, "--pdf", path], [*PLAN, "--save", path], ["catalog", "export", "gpus", path],
                     ["catalog", "import", path]):
            code = main(argv)
            err = capsys.readouterr().err
            assert code in (0, 2) and "internal error" not in err, (argv, code, err)
            if code == 2:
                assert len(err.strip().splitlines()) == 1, (argv, err)
    assert main(["catalog", "import", str(csv_in)]) == 0


def test_a_dry_run_import_shows_each_change_and_writes_nothing(tmp_path, capsys):
    """Issue 23: importing a newer price list (CSV) shows what changes before it is applied."""
    from app.catalog.csv_io import write_csv
    from app.catalog.repository import Catalog, default_catalog
    from app.catalog.schema import KINDS

    records = Catalog(overlay=tmp_path / "none.db").records("gpus")
    h100 = next(r for r in records if r["id"] == "h100-sxm")
    changed = [{**h100, "price_usd": 21000.0, "price_as_of": "2026-11"},
               {**records[0], "id": "new-gpu", "name": "New GPU"}]
    p = tmp_path / "prices.csv"
    write_csv(p, KINDS["gpus"], changed)
    assert main(["catalog", "import", str(p), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would add 1, change 1" in out and "+ new-gpu" in out
    assert f"price_usd {h100['price_usd']:.6g} → 21000" in out and "nothing written" in out
    default_catalog.cache_clear()
    assert default_catalog().gpu("new-gpu") is None and default_catalog().gpu("h100-sxm").price_usd == h100["price_usd"]
    assert main(["catalog", "import", str(p)]) == 0
    assert "1 new, 1 changed" in capsys.readouterr().out
    default_catalog.cache_clear()
    assert default_catalog().gpu("h100-sxm").price_usd == 21000.0
