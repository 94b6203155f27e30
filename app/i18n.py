"""Translations: Qt .qm files under resources/translations, built from the .ts sources by
packaging/build_translations.py (pyside6-lupdate + pyside6-lrelease; never edited by hand)."""

from __future__ import annotations

from app.paths import resource_dir

_installed: dict = {}


def qm_path(lang: str):
    return resource_dir() / "translations" / f"gpu_planner_{lang}.qm"


def install_translator(app, lang: str) -> bool:
    """Install the translator for ``lang`` ("en" removes any); True when one is active."""
    from PySide6.QtCore import QTranslator

    old = _installed.pop("app", None)
    if old is not None:
        app.removeTranslator(old)
    if lang == "en":
        _current["lang"] = "en"
        return False
    t = QTranslator(app)
    if not t.load(str(qm_path(lang))):
        return False
    app.installTranslator(t)
    _installed["app"] = t
    _current["lang"] = lang
    return True


_current = {"lang": "en"}


def current_language() -> str:
    return _current["lang"]


def set_language(lang: str) -> bool:
    """Switch the process's translations to ``lang`` (needs a QCoreApplication)."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        return False
    ok = install_translator(app, lang)
    _current["lang"] = lang if (ok or lang == "en") else "en"
    return ok


class language:  # noqa: N801 - used as a context manager: ``with language("ja"): ...``
    """Translate as ``lang`` inside the block, then restore the previous language."""

    def __init__(self, lang: str):
        self.lang = lang
        self.previous = "en"

    def __enter__(self):
        self.previous = current_language()
        if self.previous != self.lang:
            set_language(self.lang)
        return self

    def __exit__(self, *exc):
        if current_language() != self.previous:
            set_language(self.previous)
        return False
