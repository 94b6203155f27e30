"""The planning wizard: goal → model → data → budget → recommendation."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from app.ui.wizard.budget_page import BudgetPage
from app.ui.wizard.common import PageId
from app.ui.wizard.data_page import DataPage
from app.ui.wizard.goal_page import GoalPage
from app.ui.wizard.model_page import ModelPage
from app.ui.wizard.result_page import ResultPage

__all__ = ["PageId", "PlanWizard"]


class PlanWizard(QWizard):
    def __init__(self, session, lang_fn, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.pages = {
            PageId.GOAL: GoalPage(session),
            PageId.MODEL: ModelPage(session),
            PageId.DATA: DataPage(session),
            PageId.BUDGET: BudgetPage(session),
            PageId.RESULT: ResultPage(session, lang_fn),
        }
        for pid, page in self.pages.items():
            self.setPage(int(pid), page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start over"))
        self.setStartId(int(PageId.GOAL))

    def page_at(self, pid: PageId):
        return self.pages[pid]

    def done(self, result: int) -> None:  # noqa: D401 - Qt override: the wizard lives inside the window
        if result:
            self.restart()
