"""``gpu-planner --selftest`` in the dev install (the frozen bundle runs it in tests/packaging)."""

import os
import shutil
import subprocess

import pytest

from app import selftest
from app.cli import main


def test_selftest_plans_every_goal_and_writes_pdfs_in_both_languages(tmp_path, capsys):
    assert selftest.run(workdir=tmp_path) == 0
    out = capsys.readouterr().out
    for goal in selftest.GOALS:
        assert f"selftest: ok plan {goal}:" in out
    pdfs = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert pdfs == ["selftest-cpt-en.pdf", "selftest-finetune-ja.pdf", "selftest-inference-en.pdf",
                    "selftest-scratch-ja.pdf"]
    assert out.rstrip().splitlines()[-1].startswith("selftest: passed in ")
    if shutil.which("pdftotext"):  # the Japanese report's text layer reads back as Japanese
        text = subprocess.run(["pdftotext", str(tmp_path / "selftest-finetune-ja.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert selftest.JAPANESE.search(text), text[:200]


def test_selftest_names_the_missing_file_and_exits_1(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "nowhere" / "catalog.db"
    monkeypatch.setattr("app.paths.catalog_db_path", lambda: missing)
    assert selftest.run(workdir=tmp_path) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"selftest: FAILED resources: missing {missing}"


def test_selftest_reports_a_failing_step_without_a_traceback(tmp_path, monkeypatch, capsys):
    def boom(*a, **k):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("app.planning.outcome.run_plan", boom)
    assert selftest.run(workdir=tmp_path) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == "selftest: FAILED plan inference: ZeroDivisionError: division by zero"
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.parametrize("display", [None, ":0"])
def test_offscreen_only_without_a_display(monkeypatch, display):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    if display:
        monkeypatch.setenv("DISPLAY", display)
    else:
        monkeypatch.delenv("DISPLAY", raising=False)
    selftest.headless_if_no_display()
    assert os.environ.get("QT_QPA_PLATFORM") == (None if display else "offscreen")


def test_cli_flag_runs_the_selftest(monkeypatch):
    monkeypatch.setattr(selftest, "run", lambda: 7)
    assert main(["--selftest"]) == 7
