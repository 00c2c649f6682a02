"""`egov-bsc ARGS` run inside the test process: what a user sees, without a Python start-up per call.

`egov_bsc()` goes through `egov_bsc_xl.cli.main`, the function the installed `egov-bsc` script
calls, so the exit code, the sentences on stdout/stderr and the never-a-traceback guard are the
ones a user gets. It returns the fields of `subprocess.CompletedProcess` the tests read
(`returncode`, `stdout`, `stderr`). Tests that prove the installed entry point, a kill, a signal
or a memory cap keep a real subprocess.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from egov_bsc_xl.cli import main


@dataclass(frozen=True)
class Ran:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def egov_bsc(
    *args: object, cwd: Path | str | None = None, env: dict[str, str] | None = None
) -> Ran:
    """Run `egov-bsc ARGS` through main() in this process (in `cwd`, with `env` added)."""
    argv = ["egov-bsc", *map(str, args)]
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(sys, "argv", argv))
        stack.enter_context(mock.patch.dict(os.environ, env or {}))
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            main()
        except SystemExit as exc:
            code = exc.code
    returncode = code if isinstance(code, int) else 0 if code is None else 1
    return Ran(argv[1:], returncode, out.getvalue(), err.getvalue())
