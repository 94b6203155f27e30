"""Issue 9, offline and private: planning, the GUI and PDF export open no network connection; text the
user typed is escaped in every report format; file names made from it are safe."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto", "socket.bind",
                  "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect")

SCRIPT = textwrap.dedent('''
    import json, os, sys, tempfile
    seen = []
    def hook(event, args):
        if event in EVENTS:
            seen.append(event + " " + repr(args)[:120])
    sys.addaudithook(hook)   # every Python socket use raises an audit event, whichever library makes it
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out = tempfile.mkdtemp()
    from app.cli import main
    assert main(["plan", "--goal", "scratch", "--model", "llama-2-7b", "--json"]) == 0
    assert main(["plan", "--goal", "inference", "--model", "llama-3.1-70b", "--pdf", os.path.join(out, "a.pdf"),
                 "--lang", "ja"]) == 0
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from app.ui.application import MainWindow
    from app.ui.wizard import PageId
    w = MainWindow()
    w.maybe_save = lambda: True
    w.show()
    wiz = w.wizard
    while wiz.currentId() != PageId.RESULT:
        wiz.next()
    w.session.recompute()
    w.session.wait_idle()
    for _ in range(50):
        app.processEvents()
    assert w.export("pdf", os.path.join(out, "b.pdf"))
    assert w.export("md", os.path.join(out, "b.md"))
    print(json.dumps({"events": seen, "qtnetwork": "PySide6.QtNetwork" in sys.modules,
                      "pdf": os.path.getsize(os.path.join(out, "b.pdf"))}))
''')


def test_planning_gui_and_pdf_open_no_network_connection(tmp_path):
    env_script = f"EVENTS = {NETWORK_EVENTS!r}\n" + SCRIPT
    r = subprocess.run([sys.executable, "-c", env_script], capture_output=True, text=True, timeout=300,
                       env={**__import__("os").environ, "GPU_PLANNER_DATA_DIR": str(tmp_path)})
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert result["pdf"] > 10_000
    assert result["events"] == [], result["events"]
    assert result["qtnetwork"] is False


def test_the_audit_check_sees_a_connection():
    """The check must be able to fail: a connection attempt (refused, local) is recorded."""
    script = f"EVENTS = {NETWORK_EVENTS!r}\n" + textwrap.dedent('''
        import socket, sys
        seen = []
        sys.addaudithook(lambda e, a: seen.append(e) if e in EVENTS else None)
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=0.2)
        except OSError:
            pass
        print(len(seen))
    ''')
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert int(r.stdout.strip()) >= 1


NASTY_NAME = '<script>alert(1)</script> # *bold* | `x` [l](http://e.x) & 東京 "q"\\n'


def test_user_text_is_escaped_in_markdown_and_html(qapp):
    """The name comes back verbatim after a round trip through each format's own parser."""
    from PySide6.QtGui import QTextDocument

    from app.catalog.repository import default_catalog
    from app.planning.outcome import build_outcome
    from app.planning.request import PlanRequest, to_scenario
    from app.present.html import to_html
    from app.present.markdown import to_markdown
    from app.present.report import build_report

    cat = default_catalog()
    out = build_outcome(to_scenario(PlanRequest(goal="inference", model="llama-3.1-8b"), cat), cat)
    report = build_report(out, NASTY_NAME, "en")
    html = to_html(report, "sans")
    doc = QTextDocument()
    doc.setHtml(html)
    assert NASTY_NAME in doc.toPlainText()
    assert "<script>" not in html
    md = to_markdown(report)
    back = QTextDocument()
    back.setMarkdown(md)
    assert NASTY_NAME.strip() in back.toPlainText()


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd", "_.._etc_passwd"), ("a:b*c?d", "a_b_c_d"), ("CON", "_CON"), ("   ", "plan"),
    ("東京チーム 2026", "東京チーム 2026"), ("x" * 300, "x" * 100), ("tab\there", "tab_here"), ("end.", "end"),
])
def test_file_names_from_user_text_are_safe(name, expected):
    from app.planning.planfile import safe_filename

    assert safe_filename(name) == expected
