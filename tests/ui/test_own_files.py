"""The wizard with the user's own files: a model file typed, browsed or dropped on the model page, and
data counted on the data page (with progress, cancel, and the tokenizer table), in both languages."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from tests.planning.test_model_file import write_gguf


def to_model_page(window):
    wiz = window.wizard
    wiz.next()
    return wiz, wiz.currentPage()


def test_a_typed_path_validates_as_the_user_types(qtbot, window, tmp_path):
    window.session.update(goal="inference")
    wiz, page = to_model_page(window)
    page.use_file.click()
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    path = tmp_path / "tiny.gguf"
    n = write_gguf(path)
    qtbot.keyClicks(page.file_path, str(tmp_path / "nope"))
    assert not wiz.button(wiz.WizardButton.NextButton).isEnabled()
    assert "Model file" in page.error_label.text() and "no such file" in page.error_label.text()
    page.file_path.clear()
    qtbot.keyClicks(page.file_path, str(path))
    assert wiz.button(wiz.WizardButton.NextButton).isEnabled()
    s = window.session.scenario
    assert s.model.params_total == n and s.quant == "q8_0" and s.engine.value == "llama.cpp"
    assert "Q8_0" in page.footprint.text() and "tensors" in page.footprint.text()


def test_a_dropped_model_folder_is_planned_and_can_join_the_catalog(qtbot, window, tmp_path, monkeypatch):
    from tests.planning.test_model_file import TINY, hf_llama_tensors, write_folder

    folder = write_folder(tmp_path / "my-llama", TINY, hf_llama_tensors(TINY))
    _wiz, page = to_model_page(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(ev)
    assert page.use_file.isChecked() and window.session.draft["model_file"] == str(folder)
    assert window.session.scenario.model.name == "my-llama"
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    page.save_model.click()
    assert shown and "my-llama" in shown[0]
    assert window.session.catalog.model("my-llama").params_total == window.session.scenario.model.params_total
    page.use_catalog.click()  # back to the catalog: the file is kept aside, and comes back
    assert window.session.draft["model_file"] is None and window.session.draft["model"]
    page.use_file.click()
    assert window.session.draft["model_file"] == str(folder)


def test_the_data_page_counts_a_folder_and_fills_the_plan(qtbot, window, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    ja = "東京都は日本の首都であり、多くの人々が暮らしています。"
    with open(folder / "a.jsonl", "w", encoding="utf-8") as f:
        for _ in range(100):
            f.write(json.dumps({"text": ja * 4}, ensure_ascii=False) + "\n")
    window.session.update(goal="cpt", model="qwen2.5-7b")
    wiz = window.wizard
    wiz.setCurrentId(2)
    page = wiz.currentPage()
    page.counter.count([str(folder)])
    qtbot.waitUntil(lambda: page.counter.table.rowCount() == 8, timeout=30000)
    chars = 100 * 4 * len(ja)
    assert window.session.scenario.tokens == pytest.approx(chars / 1.48, abs=1)  # Qwen: 1.48 characters per token
    assert "Qwen" in page.counter.summary.text() and "100%" in page.counter.summary.text()
    first = page.counter.table.item(0, 0).text()
    assert first.startswith("Qwen") and page.counter.table.item(1, 1).text()  # the model's own tokenizer first
    assert not page.counter.table.tabKeyNavigation()


def test_cancelling_a_count_changes_nothing(qtbot, window, tmp_path):
    """Cancel (here pressed before the first file is read) stops the count; the draft keeps its tokens."""
    import threading

    class Pressed(threading.Event):
        def clear(self):  # the dialog's Cancel, pressed already
            self.set()

    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(2000):
        (folder / f"{i}.txt").write_text("text " * 50, encoding="utf-8")
    window.session.update(goal="cpt", model="qwen2.5-7b", tokens="5B")
    window.wizard.setCurrentId(2)
    counter = window.wizard.currentPage().counter
    counter._cancel = Pressed()
    counter.count([str(folder)])
    qtbot.waitUntil(lambda: "cancel" in counter.summary.text().lower(), timeout=30000)
    assert window.session.draft["tokens"] == "5B" and counter.stats is None


def _mnemonics(root) -> list[str]:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    out = []
    for w in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
        m = re.search(r"&(\w)", w.text().replace("&&", ""))
        if m and w.isVisible():
            out.append(m.group(1).lower())
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_new_controls_have_keys_of_their_own(qtbot, lang):
    """Alt+D, Alt+R, Alt+G on the model page and Alt+I, Alt+D on the data page are taken by nothing
    else on the page or in the menu bar (Alt+F opens the File menu)."""
    import re

    from app.i18n import set_language
    from app.ui.application import MainWindow
    from app.ui.settings import Settings

    settings = Settings()
    settings.language = lang
    set_language(lang)
    try:
        w = MainWindow(settings=settings)
        qtbot.addWidget(w)
        w.maybe_save = lambda: True
        w.show()
        bar = [re.search(r"&(\w)", a.text()).group(1).lower() for a in w.menuBar().actions() if "&" in a.text()]
        assert bar and ("f" in bar)
        w.session.update(goal="cpt")
        wiz, page = to_model_page(w)
        assert (page.use_file.text() != "A model file on &disk") == (lang == "ja")
        keys = _mnemonics(page) + bar
        for k in ("d", "r", "g"):
            assert keys.count(k) == 1, (lang, k, keys)
        wiz.next()
        keys = _mnemonics(wiz.currentPage()) + bar
        for k in ("i", "d"):
            assert keys.count(k) == 1, (lang, k, keys)
        w.session.wait_idle()
    finally:
        set_language("en")


def test_the_model_folders_tokenizer_counts_exactly_in_the_wizard(qtbot, window, tmp_path):
    import shutil

    from tests.cli.test_own_files_cli import CONFIGS, word_tokenizer

    folder = tmp_path / "Qwen2.5-7B"
    folder.mkdir()
    shutil.copy(CONFIGS / "qwen2.5-7b.json", folder / "config.json")
    word_tokenizer(folder / "tokenizer.json")
    (tmp_path / "d.txt").write_text("one two three\nfour five\n", encoding="utf-8")
    window.session.update(goal="cpt", model=None, model_file=str(folder))
    window.wizard.setCurrentId(2)
    counter = window.wizard.currentPage().counter
    counter.count([str(tmp_path / "d.txt")])
    qtbot.waitUntil(lambda: counter.table.rowCount() == 9, timeout=30000)
    assert window.session.scenario.tokens == 5
    assert "Qwen2.5-7B" in counter.table.item(0, 0).text() and counter.table.item(0, 1).text() == "5"
