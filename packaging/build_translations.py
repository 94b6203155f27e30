"""Update the translation sources and compile them (never edit .qm by hand):

    python3 packaging/build_translations.py          # lupdate: app/**/*.py -> resources/translations/*.ts
                                                     # lrelease: *.ts -> *.qm (loaded by app/i18n.py)

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
    for q in lrelease():
        print(q)
