"""A Japanese user sees no English word: the whole wizard is driven under Japanese, every goal to its
recommendation, and every text a person can read (labels, buttons, fields, tooltips, tables, tabs,
menus, errors, the result's details and sources) is scanned for English words.

Names stay as they are: model and GPU names, citations and the other catalog texts (data, quoted as
published), and the technical abbreviations a Japanese engineer also writes in Latin letters (GPU, LoRA,
BF16, NVLink, PUE …, listed below). Everything else in Latin letters is a hole in the translation.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QListWidget, QTabWidget, QTextBrowser, QWidget)

from app.i18n import set_language
from app.ui.application import MainWindow, SettingsDialog
from app.ui.wizard import PageId

# Written in Latin letters in Japanese technical text too.
LATIN_TERMS = set("""
GPU GPUs LLM LoRA QLoRA BF16 FP8 FP16 FP32 TF32 INT8 INT4 NF4 KV GQA MoE MFU MBU PUE ZeRO FSDP TP PP DP Z
NVLink PCIe Gen InfiniBand IB Ethernet GbE JPY USD kW kWh TDP CUDA cuBLAS NCCL TFLOPS TFLOP FLOP FLOPs
GiB MiB TiB TB GB MB ms CSV PDF JSON Markdown SVG PNG AdamW Adam SGD Megatron DeepSpeed vLLM PyTorch
Chinchilla Hoffmann Dettmers Kaplan Korthikanti Rajbhandari et al Table Figure arXiv ZeRO Llama Qwen
AMD NVIDIA Intel Gaudi Swallow tok Q8_0 Q4_K_M q4_k_m q8_0 fp8 bf16 fp16 int8 int4 nf4 x e K M B T
NIC r OK English On Demand LLM Planner Uptime Institute Databricks OPT DeepSeek H800 Seed gpuplan Sans JP
""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_']*")


def _catalog_words(session) -> set[str]:
    """Words of catalog data (names, ids, sources, notes, regions, licences): shown as published."""
    words: set[str] = set()
    cat = session.catalog
    for kind in ("gpus", "models", "runs", "offers"):
        for e in cat.entries(kind):
            for field in ("id", "name", "source", "notes", "region", "license", "family", "provider", "gpu",
                          "gpu_name", "vendor", "organisation", "model"):
                v = getattr(e, field, None)
                if isinstance(v, str):
                    found = WORD.findall(v)
                    words.update(found)
                    words.update(w.split("'")[0] for w in found)
    return words


def _texts(root: QWidget) -> list[str]:
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        out.append(w.toolTip())
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            out.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QTextBrowser):
            out.append(w.toPlainText())
        elif isinstance(w, QListWidget):
            out.extend(w.item(i).text() for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            out.extend(str(m.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) or "")
                       for c in range(m.columnCount()))
            for r in range(min(m.rowCount(), 20)):
                out.extend(str(m.index(r, c).data() or "") for c in range(m.columnCount()))
    return out


def _english(texts: list[str], allowed: set[str]) -> set[str]:
    bad = set()
    for t in texts:
        t = re.sub(r"<[^>]+>", " ", t or "")  # rich text: tags are not shown
        t = re.sub(r"\(&\w\)|&", " ", t)  # keyboard mnemonics: ファイル(&F)
        t = re.sub(r"「[^」]*」", " ", t)  # titles of cited works are quoted as published
        t = re.sub(r"\bQ\d_\w+", " ", t)  # llama.cpp formats (Q4_K_M)
        t = re.sub(r"https?://\S+|\S+\.(gpuplan|csv|pdf|db|ini)\b|--[\w-]+", " ", t)
        t = re.sub(r"'[^']*'", " ", t)  # what the user typed, quoted back in an error
        for w in WORD.findall(t):
            w = w.rstrip("'")
            if any(c.isdigit() for c in w):  # H100, BF16, 70B: names and figures
                continue
            if w not in LATIN_TERMS and w not in allowed:
                bad.add(w)
    return bad


@pytest.fixture
def ja_window(qtbot):
    from app.ui.settings import Settings

    settings = Settings()
    settings.language = "ja"  # as a Japanese user's settings (tests' settings are isolated)
    set_language("ja")
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    w.show()
    yield w
    w.session.wait_idle()
    set_language("en")


def _menus(w) -> list[str]:
    out = []
    for a in w.menuBar().actions():
        out.append(a.text())
        if a.menu():
            out.extend(x.text() for x in a.menu().actions())
    return out


@pytest.mark.parametrize("goal, model_id", [("inference", "llama-3.1-70b"), ("finetune", "llama-3.1-8b"),
                                            ("cpt", "llama-3.1-swallow-8b"), ("scratch", "llama-3.2-1b")])
def test_no_english_word_in_the_japanese_wizard(qtbot, ja_window, goal, model_id):
    w = ja_window
    allowed = _catalog_words(w.session)
    wiz = w.wizard
    seen: list[str] = _menus(w)
    wiz.page_at(PageId.GOAL).select(goal)
    seen += _texts(w)
    wiz.next()
    wiz.page_at(PageId.MODEL).select_model(model_id)
    seen += _texts(w)
    wiz.page_at(PageId.MODEL).use_custom.click()
    seen += _texts(w)
    wiz.page_at(PageId.MODEL).select_model(model_id)
    wiz.next()
    seen += _texts(w)
    if goal == "finetune":  # an error message, worded in Japanese
        page = wiz.currentPage()
        page.samples.clear()
        qtbot.keyClicks(page.samples, "lots")
        seen += _texts(w)
        assert page.error_label.text()
        page.samples.clear()
        qtbot.keyClicks(page.samples, "10K")
    wiz.next()
    seen += _texts(w)
    wiz.next()
    page = wiz.page_at(PageId.RESULT)
    qtbot.waitUntil(lambda: page.result is not None and page.result.generation == w.session.generation, timeout=20000)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        seen += _texts(w)
    assert page.verdict.text() and page.model.rowCount() > 0
    bad = _english(seen, allowed)
    if bad:
        pytest.fail("English words " + ", ".join(sorted(bad)) + " in:\n" +
                    "\n".join(sorted({t[:200] for t in seen if _english([t], allowed)})))


def test_the_scan_finds_english(qtbot):
    """The check must be able to fail: an English label is found, a Japanese one and a GPU name are not."""
    assert _english(["予算 Budget", "NVIDIA H100 の BF16", "<b>期限</b>"], set()) == {"Budget"}


def test_settings_dialog_in_japanese(qtbot):
    from app.ui.settings import Settings

    set_language("ja")
    try:
        d = SettingsDialog(Settings())
        qtbot.addWidget(d)
        d.show()
        assert not _english(_texts(d), set())
    finally:
        set_language("en")


def test_switching_language_keeps_the_plan_and_rewords_the_window(qtbot):
    """Settings → language: the window changes language at once; the plan, its edits and the page stay."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.maybe_save = lambda: True
    w.show()
    try:
        wiz = w.wizard
        wiz.next()
        wiz.next()
        data = wiz.currentPage()
        data.samples.clear()
        qtbot.keyClicks(data.samples, "25K")
        assert w.menuBar().actions()[0].text() == "&File"
        w.apply_language("ja")
        assert w.wizard is not wiz and w.wizard.currentId() == PageId.DATA
        assert w.session.draft["samples"] == "25K" and w.session.modified
        assert "ファイル" in w.menuBar().actions()[0].text()
        assert w.wizard.currentPage().samples.text() == "25K"
        w.apply_language("en")
        assert w.menuBar().actions()[0].text() == "&File"
    finally:
        w.session.wait_idle()
        set_language("en")
