"""LLM GPU Planner: which GPUs, how many, how connected, how long, and what it costs."""

__version__ = "0.1.0"
