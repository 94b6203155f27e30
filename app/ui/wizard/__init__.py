"""The planning wizard: goal → model → data → budget → recommendation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWizard, QWizardPage

from app.i18n import QT_TRANSLATE_NOOP
from app.ui.wizard.common import PageId
from app.ui.wizard.goal_page import GoalPage

__all__ = ["PageId", "PlanWizard"]


class PlanWizard(QWizard):
    """With ``staged=True`` only the first page is built; ``build_pages()`` adds the others. The
    first page needs neither the catalog nor pydantic, so the window shows before they load
    (issue 10: first window ≤ 0.6 s); placeholders keep the Next button where it belongs meanwhile."""

    sig_start_over = Signal()
    """The result page's Start over was pressed (the window confirms and starts a new plan)."""

    def __init__(self, session, lang_fn, parent=None, staged: bool = False):
        super().__init__(parent)
        self.session = session
        self.lang_fn = lang_fn
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.pages: dict[PageId, QWizardPage] = {PageId.GOAL: GoalPage(session)}
        self.setPage(int(PageId.GOAL), self.pages[PageId.GOAL])
        if staged:
            for pid in (PageId.MODEL, PageId.DATA, PageId.BUDGET, PageId.RESULT):
                self.setPage(int(pid), QWizardPage())
        else:
            self.build_pages()
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start over"))
        self.setStartId(int(PageId.GOAL))
        # where the user is: the five steps down the side, the current one in bold
        self.steps = QLabel()
        self.steps.setObjectName("steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setContentsMargins(4, 12, 12, 0)
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._show_step)
        self._show_step(int(PageId.GOAL))

    STEP_NAMES = {PageId.GOAL: QT_TRANSLATE_NOOP("PlanWizard", "Goal"), PageId.MODEL: QT_TRANSLATE_NOOP("PlanWizard", "Model"), PageId.DATA: QT_TRANSLATE_NOOP("PlanWizard", "Data or use"),
                  PageId.BUDGET: QT_TRANSLATE_NOOP("PlanWizard", "Budget"), PageId.RESULT: QT_TRANSLATE_NOOP("PlanWizard", "Recommendation")}

    def _show_step(self, current: int) -> None:
        rows = []
        for i, pid in enumerate(PageId, 1):
            name = QCoreApplication.translate("PlanWizard", self.STEP_NAMES[pid])
            rows.append(f"<b>▶ {i}. {name}</b>" if int(pid) == current else f"<span style='color:#606060'>\u00a0\u00a0\u00a0{i}. {name}</span>")
        self.steps.setText("<br><br>".join(rows))
        self.steps.setAccessibleName(self.tr("Step {0} of {1}").format(max(1, current + 1), len(PageId)))

    @property
    def ready(self) -> bool:
        """Every page is built."""
        return len(self.pages) == len(PageId)

    def build_pages(self) -> None:
        """Build the model, data, budget and result pages (once)."""
        if self.ready:
            return
        from app.ui.wizard.budget_page import BudgetPage
        from app.ui.wizard.data_page import DataPage
        from app.ui.wizard.model_page import ModelPage
        from app.ui.wizard.result_page import ResultPage

        session = self.session
        built = {PageId.MODEL: ModelPage(session), PageId.DATA: DataPage(session), PageId.BUDGET: BudgetPage(session),
                 PageId.RESULT: ResultPage(session, self.lang_fn)}
        for pid, page in built.items():
            placeholder = self.page(int(pid))
            if placeholder is not None:
                self.removePage(int(pid))
                placeholder.deleteLater()
            self.setPage(int(pid), page)
            self.pages[pid] = page

    def page_at(self, pid: PageId):
        return self.pages[pid]

    def done(self, result: int) -> None:  # noqa: D401 - Qt override: the wizard lives inside the window
        if result:
            self.sig_start_over.emit()  # the window asks, then starts a new plan
