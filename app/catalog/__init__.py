"""The catalog: sourced GPUs, models (and later runs and offers). Knows no Qt."""
