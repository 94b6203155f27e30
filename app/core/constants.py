"""Defaults that light modules need without importing the models (and pydantic) with them."""

# The date the default exchange rate (150 JPY/USD) was set; the report cites it (issue 7).
DEFAULT_FX_AS_OF = "2026-11-28"
