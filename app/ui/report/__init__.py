"""The recommendation report: Plan → document (HTML for QTextDocument) → PDF, plus Markdown, CSV,
JSON and tab-separated exports. It lives in the Qt layer because it is drawn with Qt
(QTextDocument, QPdfWriter, the wizard's pyqtgraph charts); the CLI's --pdf uses it offscreen."""
