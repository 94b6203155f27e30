"""packaging/build.py loaded as a module, and readers of what it builds."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_spec = importlib.util.spec_from_file_location("gpu_planner_build", ROOT / "packaging" / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def deb_listing(deb: Path) -> dict[str, str]:
    """Path in the package -> its ``dpkg-deb -c`` line (mode, owner, size, date; a link's target)."""
    text = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    out = {}
    for line in text.splitlines():
        path = re.split(r"\s+", line, maxsplit=5)[5]
        out[path.split(" -> ")[0]] = line
    return out


def deb_control(deb: Path) -> dict[str, str]:
    text = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^(\S+): (.*)$", text, re.M))
