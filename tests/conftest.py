import os

# Qt must never try to open a display in tests (platform.md: without it pytest aborts the process).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
