"""Translations: the compiled .qm matches its .ts source, and the report's texts are all translated."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from app.paths import resource_dir

TS = resource_dir() / "translations" / "gpu_planner_ja.ts"
REPORT_CONTEXTS = ("Report", "Findings", "Verdict", "Suggestion", "Labels", "Reasons", "Units", "ScalingChart",
                   "BreakevenChart", "MemoryChart", "RunsChart", "ChartPanel")


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease not on PATH")
def test_compiled_translations_are_up_to_date(tmp_path):
    """resources/translations/*.qm must be what packaging/build_translations.py makes from the .ts."""
    out = tmp_path / "ja.qm"
    subprocess.run(["pyside6-lrelease", "-silent", "-nounfinished", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == (resource_dir() / "translations" / "gpu_planner_ja.qm").read_bytes(), \
        "run: python3 packaging/build_translations.py --release-only"


def test_report_texts_are_translated_with_the_same_placeholders():
    import re

    root = ET.parse(TS).getroot()
    missing = []
    for ctx in root.iter("context"):
        if ctx.find("name").text not in REPORT_CONTEXTS:
            continue
        for m in ctx.iter("message"):
            src, tr = m.find("source").text, m.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                missing.append(src)
            elif sorted(re.findall(r"\{[^}]*\}", src)) != sorted(re.findall(r"\{[^}]*\}", tr.text)):
                missing.append(f"placeholders differ: {src}")
    assert not missing, missing[:10]


def test_japanese_words_in_messages(qapp):
    from app.i18n import language
    from app.wording import finding_message, fmt_duration, verdict_message

    with language("ja"):
        assert fmt_duration(3 * 86400 + 1) == "3.0 日"
        assert "期限" in finding_message("exceeds_deadline", {"days": 40, "deadline_days": 30}, "ja")
        assert "実現可能" in verdict_message("feasible", {"gpu": "h100-sxm", "gpu_count": 8, "days": 3, "cost": 5e6,
                                                         "currency": "JPY"}, "ja", "JPY")
    assert fmt_duration(3 * 86400 + 1) == "3.0 days"
