"""``python -m app.cli``: the same as ``gpu-planner`` (and ``python -m app``)."""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
