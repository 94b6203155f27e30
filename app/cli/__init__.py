"""Command line: ``gpu-planner`` (the GUI), ``gpu-planner plan …``, ``catalog …``, ``capacity``,
``backtest``, ``--selftest``. argparse only: the parser (parser.py), arguments -> PlanRequest
(args.py) and the commands (commands.py). The contract scripts rely on is docs/cli.md."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.catalog.errors import CatalogError, CatalogWriteError
from app.cli.commands import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    catalog,
    cmd_backtest,
    cmd_calibrate,
    cmd_capacity,
    cmd_catalog,
    cmd_compare,
    cmd_gui,
    cmd_plan,
    cmd_tokens,
    default_lang,
    scenario_from_args,
    use_language,
)
from app.cli.parser import UsageError, argv_lang, build_parser, translated_argparse
from app.i18n import translate

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "UsageError", "build_parser", "catalog", "main", "scenario_from_args"]

COMMANDS = {"plan": cmd_plan, "catalog": cmd_catalog, "backtest": cmd_backtest, "capacity": cmd_capacity,
            "calibrate": cmd_calibrate, "tokens": cmd_tokens, "compare": cmd_compare}


def tolerant_streams() -> None:
    """stdout and stderr never fail on a character their encoding lacks (a Shift-JIS, EUC-JP or
    Latin-1 console, or Windows with redirected output): it is written as a \\uXXXX escape instead,
    one character at a time, and the rest of the text is unchanged."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream
                pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    tolerant_streams()
    use_language(argv_lang(argv) or default_lang())
    try:
        parser = build_parser()
        with translated_argparse():
            a = parser.parse_args(argv)
        if a.selftest:
            from app.selftest import run as selftest

            return selftest()
        if a.command in (None, "gui"):
            return cmd_gui(a)
        if a.command in COMMANDS:
            return COMMANDS[a.command](a)
        raise UsageError(translate("CLI", "unknown command {0!r}").format(a.command))
    except UsageError as e:
        print(translate("CLI", "gpu-planner: error: {0}").format(e), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_ERROR
    except CatalogWriteError as e:  # the user's data folder: something they can fix
        print(translate("CLI", "gpu-planner: error: {0}").format(e), file=sys.stderr)
        return EXIT_USAGE
    except CatalogError as e:
        print(translate("CLI", "gpu-planner: error: {0}").format(e), file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # never a traceback for the user; the message names what failed
        print(translate("CLI", "gpu-planner: internal error: {0}: {1}").format(type(e).__name__, e), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
