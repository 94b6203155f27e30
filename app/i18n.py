"""Translations: Qt .qm files under resources/translations, built from the .ts sources by
packaging/build_translations.py (pyside6-lupdate + pyside6-lrelease; never edited by hand).

``translate(context, text)`` is what non-widget code (app.present, the CLI) calls. With a Qt application it is
``QCoreApplication.translate``; without one (the CLI never makes one unless it draws a PDF) it looks
the text up in ``gpu_planner_<lang>.json``, written from the same .ts by build_translations.py next to
the .qm, so ``gpu-planner … --lang ja`` words every message in Japanese without importing Qt at all
(importing QtCore alone costs 0.1-0.15 s of the CLI's 0.6 s budget, issue 10).
"""

from __future__ import annotations

import os
import sys

from app.paths import resource_dir


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's marker, read by pyside6-lupdate
    """Mark ``text`` for translation in ``context`` without importing Qt; translate it where shown."""
    return text

LANGUAGES = ("en", "ja")
_state: dict = {"lang": "en", "installed": None, "qt": None, "standalone": None}


def qm_path(lang: str):
    return resource_dir() / "translations" / f"gpu_planner_{lang}.qm"


def messages_path(lang: str):
    """The same translations as the .qm, as JSON {context: {source: translation}}, for use without Qt."""
    return resource_dir() / "translations" / f"gpu_planner_{lang}.json"


def _load_messages(lang: str) -> dict | None:
    import json

    try:
        return json.loads(messages_path(lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def qt_qm_path(lang: str):
    """Qt's own translation of its standard texts (buttons, dialogs) for ``lang``."""
    from pathlib import Path

    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{lang}.qm"


def system_language() -> str:
    """"ja" when the user's environment asks for Japanese, else "en".

    POSIX locale variables win (they are what a terminal user set; LANGUAGE is a priority list);
    otherwise Qt's view of the system (Windows and macOS keep the language outside the environment).
    """
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        v = os.environ.get(var)
        if v and v not in ("C", "POSIX", "C.UTF-8"):
            return "ja" if v.lower().startswith("ja") else "en"
    if sys.platform not in ("win32", "darwin"):  # elsewhere Qt reads the same variables: none set means C/POSIX
        return "en"
    from PySide6.QtCore import QLocale

    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def current_language() -> str:
    return _state["lang"]


def _load(lang: str):
    from PySide6.QtCore import QTranslator

    t = QTranslator()
    return t if t.load(str(qm_path(lang))) else None


def install_translator(app, lang: str) -> bool:
    """Install the translator for ``lang`` on ``app`` ("en" removes any); True when one is active."""
    for key in ("installed", "qt"):
        old = _state[key]
        if old is not None:
            app.removeTranslator(old)
            _state[key] = None
    if lang not in LANGUAGES or lang == "en":
        _state["lang"] = "en"
        return False
    t = _load(lang)
    if t is None:
        _state["lang"] = "en"
        return False
    t.setParent(app)
    app.installTranslator(t)
    _state["installed"] = t
    # Qt's own texts (standard buttons, file dialogs, the wizard's Next/Back) from Qt's translations
    from PySide6.QtCore import QTranslator

    qt = QTranslator(app)
    if qt.load(str(qt_qm_path(lang))):
        app.installTranslator(qt)
        _state["qt"] = qt
    _state["lang"] = lang
    return True


def set_language(lang: str) -> bool:
    """Switch the process's translations to ``lang``; True when a translator is active.

    Works with or without a QCoreApplication: an application gets Qt's translators; without one
    ``translate`` looks texts up in the JSON copy of the same translations (no Qt import).
    """
    _state["standalone"] = _load_messages(lang) if lang in LANGUAGES and lang != "en" else None
    qtcore = sys.modules.get("PySide6.QtCore")
    app = qtcore.QCoreApplication.instance() if qtcore is not None else None
    if app is not None:
        return install_translator(app, lang)
    _state["lang"] = lang if _state["standalone"] is not None else "en"
    return _state["standalone"] is not None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Qt's translate, also without an application (see the module docstring)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        return qtcore.QCoreApplication.translate(context, text, disambiguation, n)
    messages = _state["standalone"]
    if messages is not None:
        return messages.get(context, {}).get(text) or text
    return text


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
