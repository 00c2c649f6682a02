"""The project's exceptions, all in one place: one base class, then input errors and file errors.

    BscError                      every error this package raises on purpose
    ├── UnusableInput             the input cannot be used at all (exit 2)
    │   └── FileError             a file cannot be read or written safely (exit 2)
    │       ├── PartRefused       a zip part is absurdly big or inflates absurdly
    │       ├── BrokenPart        a part is missing, cannot be inflated, or is not well-formed XML
    │       ├── WriteError        a file cannot be written (disk full, no permission, a folder)
    │       ├── BusyError         another run holds the file's lock
    │       └── RecalcError       recalc cannot write the workbook (locked, read-only, vanished, changed)
    ├── PeriodError               the report period asked for is not a period of SPEC 3
    ├── NothingToScore            validation errors leave no score to present: no deck (exit 1)
    ├── InputError                an Excel function's cell cannot be used (also a ValueError)
    ├── LogoProblem               the profile's logo is left out of a deck (also a ValueError)
    ├── FormRefused               collect cannot use a returned form (a status of that form, E051)
    └── StampError                a form's hidden stamp cannot be trusted (also a ValueError)

The message of each is the sentence a user reads (Indonesian, then English); the command line
prints it without a traceback and exits 2 for UnusableInput and its subclasses.
"""

from __future__ import annotations

from typing import Any


class BscError(Exception):
    """Base class of every error this package raises on purpose."""


# ---------------------------------------------------------------- input errors


class UnusableInput(BscError):
    """The input cannot be used at all: missing, unreadable, not a workbook, missing tables (exit 2)."""


class PeriodError(BscError):
    """The report period asked for is not a period of SPEC 3."""


class NothingToScore(BscError):
    """Validation errors leave no score to present, so no deck is made (exit 1, not 2).

    `analysis` is the workbook's analysis (egov_bsc_xl.workbook.reading.analysis.Analysis), for its issues.
    """

    def __init__(self, analysis: Any):
        super().__init__(f"{analysis.errors} validation errors leave nothing to score")
        self.analysis = analysis


class InputError(BscError, ValueError):
    """A cell that cannot be used; its text is what the Excel cell shows."""


class LogoProblem(BscError, ValueError):
    """Why the logo is left out; the message names the path, in Indonesian then English."""


# ---------------------------------------------------------------- file errors


class FileError(UnusableInput):
    """A file cannot be read or written safely (exit 2)."""


class PartRefused(FileError):
    """A part of the zip package is absurdly big or inflates absurdly (exit 2)."""


class BrokenPart(FileError):
    """A part of the package is missing, cannot be inflated, or is not well-formed XML (exit 2)."""


class WriteError(FileError):
    """A file cannot be written: disk full, no permission, a folder in the way (exit 2)."""


class BusyError(FileError):
    """Another run holds the lock of the file (exit 2)."""


class RecalcError(FileError):
    """The workbook cannot be written: locked, read-only, vanished or changed (exit 2)."""


# ---------------------------------------------------------------- forms (SPEC 9)


class FormRefused(BscError):
    """A returned form `collect` cannot use: not a form, unreadable, or its stamp or KPI rows were
    changed. The message is one sentence naming the file; `stamp` is the form's stamp when it was
    read; `broken` is True for a form of ours that was changed (refused, E051), False for a file
    that is no form at all (unusable)."""

    def __init__(self, message: str, stamp: Any = None, *, broken: bool = False):
        super().__init__(message)
        self.stamp = stamp
        self.broken = broken or stamp is not None


class StampError(BscError, ValueError):
    """A form's stamp that cannot be trusted; the message names the stamp row at fault."""
