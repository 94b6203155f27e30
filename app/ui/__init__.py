"""The Qt user interface. Only this package imports PySide6 widgets and pyqtgraph."""
