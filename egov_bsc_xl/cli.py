"""The egov-bsc command: validate, score, new, recalc, deck, demo (SPEC 5)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from egov_bsc_xl.errors import BscError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Kartu skor berimbang SPBE di Excel / Balanced Scorecard for e-Government in Excel.",
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2

PathArg = Annotated[Path, typer.Argument(help="Buku kerja .xlsx/.xlsm / workbook file.")]
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", help="Periode laporan, mis. 2026-Q2 / report period, e.g. 2026-Q2."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Keluaran JSON / JSON output.")]


def fail(message: str, code: int = EXIT_UNUSABLE) -> typer.Exit:
    """Print one clear sentence to stderr and return the Exit to raise."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def _analyse(path: Path, period: str | None, *, with_trend: bool = False):
    from egov_bsc_xl.calc.engine import PeriodError
    from egov_bsc_xl.workbook.analysis import analyse

    try:
        return analyse(path, period, with_trend=with_trend)
    except PeriodError as exc:
        raise fail(
            f"Periode '{exc}' tidak dikenali; tulis misalnya 2026-Q2, TW II 2026, 2026-S1, 2026-06 atau 2026 "
            f"(period '{exc}' is not recognised)."
        ) from None


@app.command()
def validate(path: PathArg, as_json: JsonOpt = False) -> None:
    """Periksa buku kerja (kode E/W SPEC 6) / check the workbook. Exit 1 when there are errors."""
    analysis = _analyse(path, None)
    if as_json:
        payload = {"errors": analysis.errors, "warnings": analysis.warnings,
                   "issues": [i.public() for i in analysis.issues]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        from egov_bsc_xl.cli_view import show_issues

        show_issues(analysis)
    raise typer.Exit(EXIT_INVALID if analysis.errors else EXIT_OK)


@app.command()
def score(path: PathArg, period: PeriodOpt = None, as_json: JsonOpt = False) -> None:
    """Hitung skor periode laporan / compute the scores of the report period."""
    analysis = _analyse(path, period)
    assert analysis.report is not None
    if as_json:
        typer.echo(json.dumps(analysis.report.public(), ensure_ascii=False, indent=2))
    else:
        from egov_bsc_xl.cli_view import show_scores

        show_scores(analysis)
    if analysis.errors:
        typer.echo(
            f"{analysis.errors} galat validasi; jalankan 'egov-bsc validate' "
            f"({analysis.errors} validation errors; run 'egov-bsc validate').",
            err=True,
        )
    raise typer.Exit(EXIT_INVALID if analysis.errors else EXIT_OK)


def main() -> None:
    """Entry point: bad input ends with one sentence and exit 2, never a traceback."""
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except BscError as exc:
        typer.echo(str(exc), err=True)
        sys.exit(EXIT_UNUSABLE)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("Dibatalkan (aborted).", err=True)
        sys.exit(EXIT_UNUSABLE)
    except Exception as exc:  # noqa: BLE001 - the last guard before a user would see a traceback
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(EXIT_UNUSABLE)
        if os.environ.get("EGOV_BSC_DEBUG"):
            raise
        typer.echo(
            f"Kesalahan tak terduga: {type(exc).__name__}: {exc} "
            "(unexpected error; set EGOV_BSC_DEBUG=1 to see the details).",
            err=True,
        )
        sys.exit(EXIT_UNUSABLE)


if __name__ == "__main__":
    main()
