"""Helpers of the file-safety tests (H4): the CLI as a user runs it, and what a run leaves beside a file."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from egov_bsc_xl.cli import main


class Ran:
    def __init__(self, exit_code: int, output: str):
        self.exit_code, self.output = exit_code, output

    @property
    def sentence(self) -> str:
        return self.output.strip()


def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> Ran:
    """`egov-bsc ARGS` through main(): exit code and everything printed, as a user sees it."""
    monkeypatch.setattr(sys, "argv", ["egov-bsc", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    out = capsys.readouterr()
    return Ran(int(exit_.value.code or 0), out.out + out.err)


def no_traceback(text: str) -> bool:
    return "Traceback" not in text and "Kesalahan tak terduga" not in text


def leftovers(folder: Path) -> list[str]:
    """Hidden files a run may leave (temp and lock files): none after any run, good or failed."""
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.name.startswith(".") and (".egov-bsc" in p.name or p.name.endswith(".tmp"))
    )


def complete_zip(path: Path) -> bool:
    with zipfile.ZipFile(path) as zf:
        return zf.testzip() is None
