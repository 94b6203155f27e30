"""No user-visible string bypasses Qt's translation functions (static check of the sources).

A string reaches the user through a handful of Qt calls (setText, setTitle, QLabel(...), addItem,
QMessageBox.warning, showMessage, …) and through the CLI's print/UsageError. Passing one of them a
literal with words in it, or an f-string, means lupdate never sees the text and the Japanese user gets
English. A translate()/tr() call inside an f-string is also invisible to lupdate.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(ROOT / "app" / "ui").rglob("*.py"), ROOT / "app" / "cli.py", ROOT / "app" / "wording.py",
                  ROOT / "app" / "selftest.py"])

# Calls whose string arguments are shown to the user.
TEXT_CALLS = {
    "setText", "setTitle", "setSubTitle", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "addItem", "addItems", "insertItem", "setItemText", "addTab", "insertTab", "setTabText",
    "setButtonText", "showMessage", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setAccessibleName",
    "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText", "setHtml", "setPlainText", "addMenu",
    "addAction", "addRow", "setWindowIconText", "information", "warning", "question", "critical", "about",
    "QLabel", "QPushButton", "QRadioButton", "QCheckBox", "QGroupBox", "QAction", "QStandardItem", "explanation",
    "UsageError", "ArgumentTypeError", "setLabel", "addLegend", "QMessageBox", "getSaveFileName",
    "getOpenFileName", "setDefaultSuffix", "setNameFilter", "setPlaceholder",
}
# Literal texts that are the same in every language (names, units, symbols).
SAME_IN_EVERY_LANGUAGE = {"日本語", "English", "JPY", "USD", "PUE", "BF16", "FP8", "FP16", "FP32", "INT8", "INT4",
                          "LLM GPU Planner", "GPU", "MFU", "TP", "PP", "DP", "kW", "GiB", "CSV", "PDF", "JSON",
                          "Markdown", "PNG", "SVG"}
AXES = {"left", "bottom", "right", "top"}  # pyqtgraph's setLabel(axis, text): the axis is not shown
WORDS = re.compile(r"[A-Za-z]{2,}")


def _is_literal_translate(node: ast.AST) -> bool:
    """tr("text") / translate("Ctx", "text") with a literal text (a variable is a lookup of a marked text)."""
    if not (isinstance(node, ast.Call) and
            ((isinstance(node.func, ast.Attribute) and node.func.attr in ("tr", "translate"))
             or (isinstance(node.func, ast.Name) and node.func.id in ("tr", "translate")))):
        return False
    return any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[-1:])


def _words(text: str) -> bool:
    """Words left once names, units and file patterns (``(*.csv)``) are taken out."""
    text = re.sub(r"\(\*\.\w+\)|\.(csv|pdf|json|md|png|svg|gpuplan)\b", "", text)
    for same in sorted(SAME_IN_EVERY_LANGUAGE, key=len, reverse=True):
        text = text.replace(same, "")
    return bool(WORDS.search(text))


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if _is_literal_translate(sub):
                    out.append(f"{path.name}:{node.lineno}: tr()/translate() inside an f-string (lupdate cannot see it)")
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in TEXT_CALLS:
            continue
        args = node.args[1:] if name == "setLabel" and node.args and getattr(node.args[0], "value", "") in AXES \
            else node.args
        for arg in [*args, *(k.value for k in node.keywords if k.arg in ("text", "title", "help"))]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                text = arg.value
                if _words(text):
                    out.append(f"{path.name}:{node.lineno}: {name}({text!r}) is not translated")
            elif isinstance(arg, ast.JoinedStr):
                literal = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                if _words(literal):
                    out.append(f"{path.name}:{node.lineno}: {name}(f-string with words {literal!r}) is not translated")
    return out


def test_no_user_visible_literal_bypasses_translation():
    problems = [p for f in SOURCES if f.exists() for p in _problems(f)]
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_bypass(tmp_path):
    """The check itself must be able to fail."""
    f = tmp_path / "bad.py"
    f.write_text('lab.setText("Budget")\nlab.setToolTip(f"{n} servers")\nx = f"{self.tr(\'as of\')}"\n'
                 'lab.setText(self.tr("Budget"))\nlab.setText("JPY")\n', encoding="utf-8")
    assert len(_problems(f)) == 3
