"""The project's exceptions: one base class, and the one that means 'unusable input' (exit 2)."""


class BscError(Exception):
    """Base class of every error this package raises on purpose."""


class UnusableInput(BscError):
    """The input cannot be used at all: missing, unreadable, not a workbook, missing tables (exit 2)."""
