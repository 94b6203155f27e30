"""The bundled Japanese font (resources/fonts, built by packaging/make_fonts.py from Noto Sans CJK
JP, SIL OFL). Loaded once per process; the report and the UI use its family for all text so Japanese
renders on machines without Japanese fonts and copies out of PDFs correctly (platform.md)."""

from __future__ import annotations

from app.paths import resource_dir

FAMILY = "GPU Planner Sans JP"
_loaded: bool | None = None


def load_app_fonts() -> bool:
    """Register the bundled fonts with Qt (needs a QGuiApplication). True when available."""
    global _loaded
    if _loaded is not None:
        return _loaded
    from PySide6.QtGui import QFontDatabase

    ok = False
    for f in sorted((resource_dir() / "fonts").glob("GPUPlannerSansJP-*.otf")):
        ok = QFontDatabase.addApplicationFont(str(f)) >= 0 or ok
    _loaded = ok
    return ok
