"""pyqtgraph charts that only draw what they are given (design habit 1 and 7). Imported lazily:
pyqtgraph costs ~0.9 s to import (platform.md), so the result page creates them on first use."""
