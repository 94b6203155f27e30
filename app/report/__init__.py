"""The recommendation report: Plan → document (HTML for QTextDocument) → PDF, plus Markdown, CSV,
JSON and tab-separated exports. Sits on top of core and catalog; renders the wizard's charts."""
