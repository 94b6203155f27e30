"""Regenerate the README screenshots under Xvfb:

    xvfb-run -a -s "-screen 0 1366x768x24" python3 docs/screenshots/make.py          # English
    xvfb-run -a -s "-screen 0 1366x768x24" python3 docs/screenshots/make.py ja       # Japanese, into ja/

A 1366 x 768 laptop screen: the window takes the size it takes there (95% of the free area).

Drives the real window: each wizard page, then the recommendation's tabs for a from-scratch plan with
a deadline and a budget (so the plots show the constraint lines)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))
os.environ.setdefault("GPU_PLANNER_DATA_DIR", tempfile.mkdtemp())  # never the user's own catalog

from PySide6.QtCore import QCoreApplication, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402


def main() -> None:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    out = OUT / "ja" if lang == "ja" else OUT
    out.mkdir(exist_ok=True)
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("gpu-planner-screenshots")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from app.fonts import load_app_fonts
    from app.i18n import set_language
    from app.ui.application import MainWindow
    from app.ui.settings import Settings
    from app.ui.wizard import PageId

    load_app_fonts()
    settings = Settings()
    settings.language = lang
    set_language(lang)
    w = MainWindow(settings=settings)
    w.maybe_save = lambda: True
    w.show()  # at the size it picks for this screen (app.ui.application.fitted_size)

    def shot(name: str) -> None:
        for _ in range(20):  # a tab shown again lays its bar out over a few passes
            app.processEvents()
        w.grab().save(str(out / f"{name}.png"))

    def wait_plan() -> None:
        w.session.wait_idle()
        for _ in range(20):
            app.processEvents()

    def run() -> None:
        wiz = w.wizard
        wiz.page_at(PageId.GOAL).select("scratch")
        shot("1-goal")
        wiz.next()
        wiz.page_at(PageId.MODEL).select_model("llm-jp-3-13b")
        shot("2-model")
        wiz.next()
        shot("3-data")
        wiz.next()
        if lang == "ja":
            w.session.update(deadline_days="60", budget="1.5億", currency="JPY")
        else:
            w.session.update(deadline_days="60", budget="1M", currency="USD")
        shot("4-budget")
        budget = wiz.page_at(PageId.BUDGET)
        budget.advanced.set_expanded(True)
        budget.advanced.ensurePolished()
        scroll = budget.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(budget.advanced.toggle, 0, 0)
        shot("4b-budget-advanced")
        budget.advanced.set_expanded(False)
        wiz.next()
        wait_plan()
        page = wiz.page_at(PageId.RESULT)
        shot("5-recommendation")
        for widget, name in ((page.memory_chart, "memory"), (page.breakeven_chart, "cloud-vs-onprem"),
                             (page.scaling_chart, "scaling"), (page.runs_chart, "published-runs"),
                             (page.sensitivity, "sensitivity"), (page.sources, "sources")):
            page.tabs.setCurrentWidget(widget)
            shot(f"6-{name}")
        w.show_glossary()  # Help → Glossary (F1)
        w._glossary.filter.setText("KV")
        shot("9-glossary")
        w._glossary.filter.clear()
        w._glossary.close()
        compare()
        own_files(wiz)
        serving(wiz)
        app.quit()

    def serving(wiz) -> None:
        """Serving 200 users to a service level, and the API comparison."""
        w.session.update(goal="inference", model="llama-3.1-8b", model_file=None, concurrency=200, prompt_tokens="1000",
                         output_tokens=500, min_tokens_per_s="20", max_ttft_s="1", availability="n+1",
                         budget=None, deadline_days=None)
        wiz.setCurrentId(PageId.DATA)
        wait_plan()
        shot("3c-serving")
        wiz.setCurrentId(PageId.RESULT)
        wait_plan()
        page = wiz.page_at(PageId.RESULT)
        page.tabs.setCurrentWidget(page.details)
        shot("8-serving")
        page.tabs.setCurrentWidget(page.apis)
        shot("8-apis")

    def compare() -> None:
        """Tools → Compare plans: the plan above against a smaller model and against FP8."""
        import time

        from app.ui.compare_dialog import CompareDialog

        d = CompareDialog(w.session, lambda: lang, w)
        d.add_current()
        d.add_variant("model", "llm-jp-3-3.7b")
        d.add_variant("precision", "fp8")
        d.resize(w.size())
        d.show()
        d.compare()
        for _ in range(600):
            app.processEvents()
            if d.comparison is not None:
                break
            time.sleep(0.05)
        for _ in range(10):
            app.processEvents()
        d.grab().save(str(out / "7-compare.png"))
        d.close()

    def own_files(wiz) -> None:
        """The model page with a model folder opened, and the data page after counting a corpus."""
        import json
        import shutil

        tmp = Path(tempfile.mkdtemp())
        folder = tmp / "Qwen2.5-7B"
        folder.mkdir()
        shutil.copy(OUT.parent.parent / "tests" / "data" / "configs" / "qwen2.5-7b.json", folder / "config.json")
        corpus = tmp / "corpus"
        corpus.mkdir()
        ja = "大規模言語モデルの継続事前学習には、日本語のテキストが大量に必要です。"
        en = "Continued pre-training needs a large amount of text in the target language."
        with open(corpus / "ja.jsonl", "w", encoding="utf-8") as f:
            for _ in range(2000):
                f.write(json.dumps({"text": ja * 20}, ensure_ascii=False) + "\n")
        (corpus / "en.txt").write_text((en + "\n") * 5000, encoding="utf-8")
        w.session.update(goal="cpt", deadline_days=None, budget=None)
        wiz.setCurrentId(PageId.MODEL)
        wiz.page_at(PageId.MODEL).open_file(str(folder))
        wait_plan()
        shot("2b-model-file")
        wiz.setCurrentId(PageId.DATA)
        counter = wiz.page_at(PageId.DATA).counter
        counter.count([str(corpus)])
        for _ in range(600):
            app.processEvents()
            if counter.table.rowCount():
                break
            import time

            time.sleep(0.05)
        wait_plan()
        shot("3b-data-count")

    QTimer.singleShot(300, run)
    app.exec()


if __name__ == "__main__":
    main()
