"""`egov-bsc` with a pause half-way through writing a workbook: the test hook, kept out of the package.

Run as a child process by the kill-during-write and concurrency tests:

    python tests/write_pause.py [--pause SECONDS] [--gate PATH] -- COMMAND ARGS...

It wraps `Package.write_to` so that, right after the first bytes of the temporary file are written
(and flushed), the run sleeps SECONDS, and, with --gate, creates PATH.reached and waits (up to
120 s) until PATH exists; two runs are then put in a known order. Then it runs egov_bsc_xl.cli.main.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import BinaryIO

from egov_bsc_xl.cli import main
from egov_bsc_xl.workbook.opc.package import Package


class _PausingFile:
    """A binary file that pauses once, after its first write; everything else is the real file's."""

    def __init__(self, real: BinaryIO, pause: float, gate: str) -> None:
        self._real, self._pause, self._gate, self._paused = real, pause, gate, False

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    def write(self, data: bytes) -> int:
        written = self._real.write(data)
        if not self._paused and written:
            self._paused = True
            self._real.flush()
            _wait(self._pause, self._gate)
        return written


def _wait(pause: float, gate: str) -> None:
    time.sleep(pause)
    if gate:
        Path(gate + ".reached").touch()
        deadline = time.monotonic() + 120
        while not Path(gate).exists() and time.monotonic() < deadline:
            time.sleep(0.02)


def install(pause: float, gate: str) -> None:
    """Make every workbook write of this process pause half-way (see the module's text)."""
    real = Package.write_to

    def write_to(self: Package, fileobj: BinaryIO) -> None:
        real(self, _PausingFile(fileobj, pause, gate))  # type: ignore[arg-type]

    Package.write_to = write_to  # type: ignore[method-assign]


def run(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--gate", default="")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    install(args.pause, args.gate)
    sys.argv = ["egov-bsc", *command]
    main()


if __name__ == "__main__":
    run(sys.argv[1:])
