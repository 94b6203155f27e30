"""Step 1: what do you want to do with the model (the seed's four levels, in a manager's words)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton

from app.ui.wizard.common import BoundPage, explanation, scrolling_layout

GOALS = ("inference", "finetune", "cpt", "scratch")


class GoalPage(BoundPage):
    keys = ("goal",)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setTitle(self.tr("What do you want to do?"))
        self.setSubTitle(self.tr("Pick the kind of work. You can change it later; every answer updates the plan."))
        texts = {
            "inference": (self.tr("&Use a model (inference)"),
                          self.tr("Run an existing model to answer questions or power a service. Needs the least hardware.")),
            "finetune": (self.tr("Ad&just a model (fine-tuning)"),
                         self.tr("Teach an existing model your tasks, tone or format with thousands of examples. "
                                 "LoRA/QLoRA make this possible on one or a few GPUs.")),
            "cpt": (self.tr("&Add knowledge (continued pre-training)"),
                    self.tr("Keep training an existing model on billions of words of your domain or language "
                            "(e.g. Japanese). Weeks on a GPU cluster.")),
            "scratch": (self.tr("Bui&ld a new model (from scratch)"),
                        self.tr("Train your own model from nothing. Months on hundreds to thousands of GPUs; "
                                "usually only for large organisations.")),
        }
        self.group = QButtonGroup(self)
        lay = scrolling_layout(self)
        self.buttons: dict[str, QRadioButton] = {}
        for i, g in enumerate(GOALS):
            title, text = texts[g]
            b = QRadioButton(title)
            b.setObjectName(f"goal_{g}")
            self.group.addButton(b, i)
            self.buttons[g] = b
            lay.addWidget(b)
            lab = explanation(text)
            lab.setContentsMargins(24, 0, 0, 8)
            lay.addWidget(lab)
        lay.addStretch(1)
        # the plan's name: reports and the window title use it (empty: the file's name)
        row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Support chatbot, FY2027"))
        self.name_edit.setAccessibleName(self.tr("Plan name"))
        self.name_edit.setToolTip(self.tr("Printed as the title of the PDF report and saved in the plan file."))
        self.name_edit.textEdited.connect(self.session.set_title)
        name_label = QLabel(self.tr("&Plan name"))
        name_label.setBuddy(self.name_edit)
        row.addWidget(name_label)
        row.addWidget(self.name_edit, 1)
        lay.addLayout(row)
        lay.addWidget(self.error_label)
        self.group.idClicked.connect(lambda i: self.session.update(goal=GOALS[i]))
        self.session.sig_file_changed.connect(self._show_title)
        self.load()

    def _show_title(self) -> None:
        if self.name_edit.text() != self.session.title:
            with QSignalBlocker(self.name_edit):
                self.name_edit.setText(self.session.title)

    def load(self) -> None:
        self._show_title()
        g = self.session.draft.get("goal", "finetune")
        with QSignalBlocker(self.group):
            self.buttons.get(g, self.buttons["finetune"]).setChecked(True)

    def select(self, goal: str) -> None:
        """Choose a goal as a click would (used by tests and keyboard shortcuts)."""
        self.buttons[goal].click()

