"""Pieces every wizard page uses: a page bound to draft keys, and widgets that write the draft.

Pages are thin (pewpew's wizard): ``isComplete`` asks the session whether the page's draft keys
validate; every edit goes to ``PlanSession.update``; the Scenario is the single source of truth.
A field the user has not touched shows its default (``PlanSession.default``, from the assumptions
registry) and stays empty in the draft, so the plan uses the same default as the command line.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TypeVar

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

INVALID_STYLE = "border: 2px solid #b00020;"
W = TypeVar("W", bound=QWidget)


class PageId(IntEnum):
    GOAL = 0
    MODEL = 1
    DATA = 2
    BUDGET = 3
    RESULT = 4


class BoundPage(QWizardPage):
    """A page that owns some draft keys and shows their errors."""

    keys: tuple[str, ...] = ()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.widgets: dict[str, QWidget] = {}
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("errors")
        self._shown_errors: dict | None = None
        session.sig_validity_changed.connect(self._on_session_validity)
        session.sig_draft_changed.connect(self._on_session_draft)

    # ----- completeness ------------------------------------------------------------------
    def page_errors(self) -> dict[str, str]:
        return {k: v for k, v in self.session.errors.items() if k in self.keys}

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self.page_errors()

    def _on_session_validity(self, errors: dict) -> None:
        mine = self.page_errors()
        if mine == self._shown_errors:
            return  # every edit validates: restyling unchanged widgets cost ~10 ms of GUI thread per edit
        self._shown_errors = mine
        names = {k: (self.widgets[k].accessibleName() if k in self.widgets else "") or k for k in mine}
        self.error_label.setText("\n".join(f"{names[k]}: {v}" for k, v in mine.items()))
        for k, w in self.widgets.items():
            w.setStyleSheet(INVALID_STYLE if k in mine else "")
            w.setToolTip(mine.get(k, w.property("help") or ""))
        self.completeChanged.emit()

    def _on_session_draft(self) -> None:
        self.load()

    def shown_value(self, key: str):
        """The draft's value, or the default when the draft leaves it empty."""
        v = self.session.draft.get(key)
        return self.session.default(key) if v is None else v

    def load(self) -> None:
        """Show the draft's values (after opening a file); subclasses extend."""
        for key, w in self.widgets.items():
            v = self.shown_value(key) if not isinstance(w, QLineEdit) else self.session.draft.get(key)
            if v is None and not isinstance(w, QLineEdit):
                continue
            with QSignalBlocker(w):
                set_widget_value(w, v)

    # ----- bound widgets -----------------------------------------------------------------
    def _register(self, key: str, w: W, label: str, help_text: str = "") -> W:
        w.setAccessibleName(label)
        w.setProperty("help", help_text)
        if help_text:
            w.setToolTip(help_text)
        self.widgets[key] = w
        return w

    def line(self, key: str, label: str, placeholder: str = "", help_text: str = "") -> QLineEdit:
        w = QLineEdit()
        w.setPlaceholderText(placeholder)
        w.setText(str(self.session.draft.get(key) or ""))
        w.textEdited.connect(lambda text, k=key: self.session.update(**{k: text}))
        return self._register(key, w, label, help_text)

    def combo(self, key: str, label: str, items: list[tuple[str, object]], help_text: str = "") -> QComboBox:
        w = QComboBox()
        for text, value in items:
            w.addItem(text, value)
        set_widget_value(w, self.shown_value(key))
        w.currentIndexChanged.connect(lambda _i, k=key, c=w: self.session.update(**{k: c.currentData()}))
        return self._register(key, w, label, help_text)

    def spin(self, key: str, label: str, lo: int, hi: int, help_text: str = "", step: int = 1) -> QSpinBox:
        w = QSpinBox()
        w.setRange(lo, hi)
        w.setSingleStep(step)
        w.setGroupSeparatorShown(True)
        w.setValue(int(self.shown_value(key) or lo))
        w.valueChanged.connect(lambda v, k=key: self.session.update(**{k: int(v)}))
        return self._register(key, w, label, help_text)

    def dspin(self, key: str, label: str, lo: float, hi: float, decimals: int = 2, step: float = 0.1,
              help_text: str = "") -> QDoubleSpinBox:
        w = QDoubleSpinBox()
        w.setRange(lo, hi)
        w.setDecimals(decimals)
        w.setSingleStep(step)
        w.setValue(float(self.shown_value(key) or lo))
        w.valueChanged.connect(lambda v, k=key: self.session.update(**{k: float(v)}))
        return self._register(key, w, label, help_text)


def set_widget_value(w: QWidget, value) -> None:
    if isinstance(w, QLineEdit):
        w.setText("" if value is None else str(value))
    elif isinstance(w, QComboBox):
        i = w.findData(value)
        if i >= 0:
            w.setCurrentIndex(i)
    elif isinstance(w, QSpinBox):
        w.setValue(int(value or 0))
    elif isinstance(w, QDoubleSpinBox):
        w.setValue(float(value or 0))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))


class _PageScrollArea(QScrollArea):
    """A page's scroll area that follows the focus: an Alt key (a label's buddy) moves the focus to a
    field below the fold without scrolling to it, as Tab does. Connected to the application's
    focusChanged through a method, so the connection ends with the page."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        inner = self.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            self.ensureWidgetVisible(new, 20, 20)


def scrolling_layout(page: QWidget) -> QVBoxLayout:
    """The layout to fill a page with, inside a scroll area: on a small screen (1366 x 768, or 150-200%
    scaling) the page scrolls instead of pushing Back and Next below the edge of the screen."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    area = _PageScrollArea(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    inner = QWidget()
    area.setWidget(inner)
    outer.addWidget(area)
    return QVBoxLayout(inner)


def explanation(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #404040")
    return lab


class Collapsible(QWidget):
    """A titled section whose body shows or hides under a toggle (the usual QToolButton-with-arrow
    idiom; Qt has no collapsible group box): advanced settings stay out of a manager's way but one
    click, Space or the title's Alt key away."""

    def __init__(self, title: str, body: QWidget, expanded: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet("QToolButton { font-weight: bold; }")
        self.body = body
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.toggle)
        lay.addWidget(body)
        self.toggle.toggled.connect(self._show)
        self.set_expanded(expanded)

    def _show(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)

    def set_expanded(self, on: bool) -> None:
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)
        else:
            self._show(on)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()
