"""Step 1: what do you want to do with the model (the seed's four levels, in a manager's words)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QButtonGroup, QRadioButton

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
        lay.addWidget(self.error_label)
        self.group.idClicked.connect(lambda i: self.session.update(goal=GOALS[i]))
        self.load()

    def load(self) -> None:
        g = self.session.draft.get("goal", "finetune")
        with QSignalBlocker(self.group):
            self.buttons.get(g, self.buttons["finetune"]).setChecked(True)

    def select(self, goal: str) -> None:
        """Choose a goal as a click would (used by tests and keyboard shortcuts)."""
        self.buttons[goal].click()

