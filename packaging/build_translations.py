"""Update the translation sources and compile them (never edit .qm by hand):

    python3 packaging/build_translations.py          # lupdate: app/**/*.py -> resources/translations/*.ts
                                                     # lrelease: *.ts -> *.qm (loaded by app/i18n.py)
                                                     # and *.ts -> *.json (the CLI's, without Qt)

Translators edit the .ts files (Qt Linguist, or any XML editor); tests/test_i18n.py fails when a
.qm is older than its .ts or a string is unfinished.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGS = ("ja",)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def lupdate() -> None:
    for lang in LANGS:
        ts = TS_DIR / f"gpu_planner_{lang}.ts"
        subprocess.run(["pyside6-lupdate", *sources(), "-ts", str(ts.relative_to(ROOT)), "-no-obsolete",
                        "-locations", "none", "-target-language", lang], cwd=ROOT, check=True)


def messages(ts: Path) -> dict:
    """{context: {source: translation}} of the finished translations in a .ts (what the .qm holds)."""
    import xml.etree.ElementTree as ET

    out: dict = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.find("name").text or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") and tr.text:
                out.setdefault(name, {})[m.find("source").text] = tr.text
    return out


def write_messages(out_dir: Path = TS_DIR) -> list[Path]:
    """gpu_planner_<lang>.json beside the .qm: the CLI translates with it without importing Qt."""
    import json

    out = []
    for lang in LANGS:
        path = out_dir / f"gpu_planner_{lang}.json"
        doc = messages(TS_DIR / f"gpu_planner_{lang}.ts")
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        out.append(path)
    return out


def lrelease(out_dir: Path = TS_DIR) -> list[Path]:
    out = []
    for lang in LANGS:
        ts = TS_DIR / f"gpu_planner_{lang}.ts"
        qm = out_dir / f"gpu_planner_{lang}.qm"
        subprocess.run(["pyside6-lrelease", "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


if __name__ == "__main__":
    if "--release-only" not in sys.argv:
        lupdate()
    for q in [*lrelease(), *write_messages()]:
        print(q)
