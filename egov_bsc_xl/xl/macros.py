"""What the dashboard buttons run (macros/*.bas call these through xlwings' RunPython).

Each entry point takes the calling workbook (`xw.Book.caller()`), wraps it in an XlwingsBook
and calls the same use cases as the command line (egov_bsc_xl.app). Problems reach the planner as a message box in
the workbook's language, never as a traceback. The names validate, recalculate and make_deck
are fixed: the template's VBA calls them.

Errors are logged to a file of our own (log_path(); the message of an unexpected error names it),
not to stderr: xlwings deletes its own log when Python exits 0 (Windows, ExecuteWindows in
addin/Main.bas), and on a Mac it shows everything written to stderr in a second box
(ExecuteMac + xlwings-*.applescript redirect stderr to the log it then shows).
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from egov_bsc_xl.app import NothingToScore, deck_inputs, make_decks, refresh, workbook_language
from egov_bsc_xl.errors import BscError
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.i18n.formats import fmt_percent
from egov_bsc_xl.i18n.sheet_texts import text
from egov_bsc_xl.workbook.opc.files import workbook_lock
from egov_bsc_xl.xl.book import XlwingsBook

log = logging.getLogger(__name__)

LOG_ENV = "EGOV_BSC_LOG"  # a path overriding where the buttons log
_LOG_NAME = "egov-bsc-xl.log"


def log_path() -> Path:
    """Where the buttons log: $EGOV_BSC_LOG, else ~/.egov-bsc-xl/egov-bsc-xl.log."""
    configured = os.environ.get(LOG_ENV)
    return Path(configured) if configured else Path.home() / ".egov-bsc-xl" / _LOG_NAME


@contextmanager
def logging_to_file() -> Iterator[Path]:
    """While a button runs, every log record and warning goes to the log file, none to stderr.

    The handler sits on the root logger so that a record of any library is kept as well and
    Python's last-resort handler (which writes to stderr) is never used.
    """
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=1, encoding="utf-8", delay=True
        )
    except OSError:
        path = Path(tempfile.gettempdir()) / _LOG_NAME
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=1, encoding="utf-8", delay=True
        )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    logging.captureWarnings(True)
    try:
        yield path
    finally:
        logging.captureWarnings(False)
        root.removeHandler(handler)
        handler.close()


def _caller() -> Any:
    import xlwings as xw

    return xw.Book.caller()


def _language(book: XlwingsBook) -> str:
    """The language of the message box: the workbook's, by the reader's one rule."""
    return workbook_language(book.source, book.sheet_names())


def _run(action: str, book: Any = None) -> str:
    """Run one button's action on `book` (default: the calling workbook); returns the message shown."""
    with logging_to_file() as log_file:
        try:
            xl = XlwingsBook(book if book is not None else _caller())
            lang = _language(xl)
        except Exception as exc:  # no workbook to show a message box in: one sentence for xlwings
            log.exception("egov-bsc %s: no calling workbook", action)
            raise SystemExit(
                both("msg.xl.no_caller", kind=type(exc).__name__, log=log_file) + "."
            ) from None
        try:
            with _one_at_a_time(xl):
                message, lang = _ACTIONS[action](xl)
        except BscError as exc:
            log.warning("egov-bsc %s: %s", action, exc)
            message = text("msg_failed", lang, reason=exc)
        except Exception as exc:  # noqa: BLE001 - the planner gets a message box, the log gets the details
            log.exception("egov-bsc %s failed", action)
            message = text("msg_unexpected", lang, kind=type(exc).__name__, log=log_file)
        xl.alert(message, text("msg_title", lang))
    return message


def _one_at_a_time(xl: XlwingsBook) -> contextlib.AbstractContextManager[object]:
    """The workbook's lock (workbook/opc/files.py) while a button runs: a second click, or a
    `egov-bsc recalc` of the same file, is refused with a sentence instead of writing alongside.
    A workbook never saved (no folder yet) has no file to lock."""
    try:
        path = Path(str(xl.book.fullname))
    except Exception:  # noqa: BLE001 - a book without a name cannot be locked, nor written twice to disk
        return contextlib.nullcontext()
    if not path.parent.is_dir() or not path.is_file():
        return contextlib.nullcontext()
    return workbook_lock(path)


def _validate(xl: XlwingsBook) -> tuple[str, str]:
    analysis = refresh(xl, dashboard=False)
    lang = analysis.language
    return text("msg_validate_ok", lang, errors=analysis.errors, warnings=analysis.warnings), lang


def _recalculate(xl: XlwingsBook) -> tuple[str, str]:
    analysis = refresh(xl)
    lang = analysis.language
    if analysis.errors or analysis.report is None:
        return text("msg_recalc_errors", lang, errors=analysis.errors), lang
    overall = analysis.report.overall
    return text(
        "msg_recalc_ok",
        lang,
        period=analysis.period.label(lang),
        score=fmt_percent(overall.score, lang),
        band=overall.band,
    ), lang


def _make_deck(xl: XlwingsBook) -> tuple[str, str]:
    try:
        analysis, units = deck_inputs(xl.source, None, xl.path)
    except NothingToScore as exc:
        lang = exc.analysis.language
        return text("msg_deck_errors", lang, errors=exc.analysis.errors), lang
    lang = analysis.language
    notes: list[str] = []  # a logo left out: said once, after the paths
    paths = make_decks(analysis, xl.path, on_warning=notes.append, units=units)
    message = text("msg_deck_ok", lang, path="\n".join(str(p) for p in paths))
    if notes:
        message += "\n" + notes[0]
    if analysis.errors:  # the deck lists them on its data-quality slide, as `egov-bsc deck` does
        message += " " + text("msg_deck_with_errors", lang, errors=analysis.errors)
    return message, lang


_ACTIONS = {"validate": _validate, "recalculate": _recalculate, "make_deck": _make_deck}


def validate(book: Any = None) -> str:
    """Button Validasi / Validate: write the Validasi sheet and say how many errors and warnings."""
    return _run("validate", book)


def recalculate(book: Any = None) -> str:
    """Button Hitung Ulang / Recalculate: write Dasbor and Validasi from the open workbook."""
    return _run("recalculate", book)


def make_deck(book: Any = None) -> str:
    """Button Buat Presentasi / Make deck: the leadership and the public deck, saved next to the workbook."""
    return _run("make_deck", book)
