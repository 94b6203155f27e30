"""Issue 19: every page is usable on a 1366 x 768 laptop, also at 150-200% scaling: the pages scroll,
so the window can be made 680 px tall or less (360 px: the 384 logical pixels of a 768 px screen at
200%, less its panel) with Back and Next on screen, and the first size fits the screen."""

from __future__ import annotations

import pytest

from app.i18n import set_language
from app.ui.application import MainWindow, fitted_size
from app.ui.wizard import PageId


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_page_fits_a_680_px_window(qtbot, lang):
    from app.ui.settings import Settings

    settings = Settings()
    settings.language = lang
    set_language(lang)
    try:
        w = MainWindow(settings=settings)
        qtbot.addWidget(w)
        w.maybe_save = lambda: True
        w.show()
        for goal, extra in (("finetune", {"samples": "10000"}), ("inference", {}), ("scratch", {})):
            w.session.update(goal=goal, model="llama-3.1-8b", **extra)
            for pid in (PageId.GOAL, PageId.MODEL, PageId.DATA, PageId.BUDGET, PageId.RESULT):
                w.wizard.setCurrentId(pid)
                w.session.wait_idle()
                qtbot.wait(10)
                assert w.minimumSizeHint().height() <= 360, (lang, goal, pid.name, w.minimumSizeHint())
                assert w.minimumSizeHint().width() <= 640, (lang, goal, pid.name, w.minimumSizeHint())
        w.resize(1000, 600)
        qtbot.wait(10)
        back = w.wizard.button(w.wizard.WizardButton.BackButton)
        bottom = back.mapTo(w, back.rect().bottomLeft()).y()
        assert w.height() <= 620 and 0 < bottom <= w.height()  # Back and Next stay inside the window
        w.session.wait_idle()
    finally:
        set_language("en")


def test_the_first_size_fits_the_screen(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    free = w.screen().availableGeometry()
    width, height = fitted_size(w)
    assert 0 < width <= free.width() and 0 < height <= free.height() and (width, height) <= (1200, 820)
    assert w.width() == width and w.height() == height
    w.session.wait_idle()
