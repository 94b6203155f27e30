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


def test_cli_messages_file_is_up_to_date():
    """resources/translations/*.json (the CLI's translations without Qt) is what the .ts holds."""
    import json
    import sys

    sys.path.insert(0, str(resource_dir().parent / "packaging"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    on_disk = json.loads((resource_dir() / "translations" / "gpu_planner_ja.json").read_text(encoding="utf-8"))
    assert on_disk == build_translations.messages(TS), "run: python3 packaging/build_translations.py --release-only"


def test_japanese_cli_needs_no_qt():
    """--lang ja words the messages from the JSON file: no Qt import in a plan --json run."""
    import json
    import subprocess
    import sys

    code = ("import sys, json\nfrom app.cli import main\nmain(['plan','--goal','scratch','--model','llama-2-7b',"
            "'--json','--lang','ja'])\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith('PySide6'))))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    out = r.stdout.strip().splitlines()
    assert json.loads(out[-1]) == []
    doc = json.loads("\n".join(out[:-1]))
    assert "実現可能" in doc["verdict"]["message"]


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
    from app.present.text.format import fmt_duration
    from app.present.text.messages import finding_message, verdict_message

    with language("ja"):
        assert fmt_duration(3 * 86400 + 1) == "3.0 日"
        assert "期限" in finding_message("exceeds_deadline", {"days": 40, "deadline_days": 30}, "ja")
        assert "実現可能" in verdict_message("feasible", {"gpu": "h100-sxm", "gpu_count": 8, "days": 3, "cost": 5e6,
                                                         "currency": "JPY"}, "ja", "JPY")
    assert fmt_duration(3 * 86400 + 1) == "3.0 days"


GLOSSARY = resource_dir() / "translations" / "glossary_ja.csv"


def _glossary_misses(ts_root) -> list[str]:
    """Messages whose English uses a glossary term but whose Japanese does not use the glossary's word.

    Commands, flags and file names (``gpu-planner catalog offers``, ``--cloud-price``, ``catalog.db``) and
    quoted titles ('…') are names, not terms, and are left out of the comparison."""
    import csv
    import re

    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    misses = []
    for ctx in ts_root.iter("context"):
        if ctx.find("name").text == "argparse":  # Python's own messages: no domain terms
            continue
        for m in ctx.iter("message"):
            src = m.find("source").text.replace("&", "")
            src = re.sub(r"gpu-planner [a-z ]+|--[\w-]+|\S+\.(db|csv)\b|'[^']*'", " ", src)
            tr = m.find("translation").text or ""
            for row in rows:
                if re.search(r"(?<![\w-])" + re.escape(row["en"]) + r"(?![\w-])", src, re.I):
                    if not any(ja in tr for ja in row["ja"].split("|")):
                        misses.append(f"{row['en']} → {row['ja']}: {src[:70]!r} → {tr[:40]!r}")
    return misses


def test_glossary_terms_are_used_consistently():
    """resources/translations/glossary_ja.csv fixes the Japanese word of each domain term (推論,
    ファインチューニング, 継続事前学習, フルスクラッチ, 量子化, …); every translation follows it."""
    assert _glossary_misses(ET.parse(TS).getroot()) == []


def test_glossary_check_can_fail():
    root = ET.fromstring('<TS><context><name>X</name><message><source>Plan the inference</source>'
                         '<translation>推定を計画</translation></message></context></TS>')
    assert len(_glossary_misses(root)) == 1


def test_every_message_is_translated_with_the_same_placeholders():
    """All contexts, not only the report's: an unfinished or placeholder-breaking translation fails."""
    import re

    missing = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        for m in ctx.iter("message"):
            src, tr = m.find("source").text, m.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
                missing.append(f"{ctx.find('name').text}: {src}")
                continue
            ph = re.compile(r"\{[^}]*\}|%\(\w+\)\w|%[sr]")
            if sorted(ph.findall(src)) != sorted(ph.findall(tr.text)):
                missing.append(f"placeholders differ: {src}")
    assert not missing, missing[:10]


def test_the_ts_covers_every_translatable_string_in_the_sources(tmp_path):
    """lupdate over app/ finds nothing new: a string added to the code without running
    packaging/build_translations.py (and translating it) fails here."""
    import shutil
    import subprocess
    import sys

    if shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate not on PATH")
    sys.path.insert(0, str(resource_dir().parent / "packaging"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    subprocess.run(["pyside6-lupdate", *build_translations.sources(), "-ts", str(copy), "-no-obsolete",
                    "-locations", "none", "-target-language", "ja"], cwd=resource_dir().parent, check=True,
                   capture_output=True)
    root = ET.parse(copy).getroot()
    new = [m.find("source").text for m in root.iter("message")
           if m.find("translation").get("type") == "unfinished"]
    assert not new, new[:10]
