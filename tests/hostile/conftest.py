"""Shared builders of the hostile-input cases: a valid small workbook, zip-part surgery, and a
command-line run in a child process whose peak memory is measured (and capped).

Every case starts from `valid_book` (or the `book` fixture, a fresh copy per test) and breaks one
thing with `rewrite_part` / `edit_part`; `run_cli` runs `egov-bsc` on it and returns a `Run` with
the exit code, the output, and the child's peak resident memory in MiB.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.books import sample_book, sample_tables, write_book

__all__ = [
    "MEMORY_CAP_MB",
    "Run",
    "assert_clean_failure",
    "corrupt_part",
    "demo_workbook",
    "digest",
    "edit_part",
    "read_part",
    "rewrite_part",
    "run_cli",
    "run_main",
    "sample_tables",
    "sheet_part",
    "table_part",
    "valid_book",
    "write_book",
]

# The address space a child may use (RLIMIT_AS): a reader that tries to allocate for the whole
# sheet fails quickly instead of taking the machine down. Python with numpy, pandas and calamine
# maps about 1 GiB of address space before it reads anything.
MEMORY_CAP_MB = 3072


def valid_book(folder: Path, lang: str = "id") -> Path:
    """A small valid scorecard workbook (.xlsx, the SPEC 3 tables, openpyxl)."""
    return sample_book(folder, lang)


@pytest.fixture(scope="session")
def _original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return valid_book(tmp_path_factory.mktemp("hostile-orig"))


@pytest.fixture
def book(_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the valid workbook for one test to break."""
    path = tmp_path / "kinerja.xlsx"
    shutil.copy(_original, path)
    return path


def demo_workbook(path: Path, lang: str = "id") -> Path:
    """The product's own demo workbook (.xlsm, shared strings, styles, VBA), as `egov-bsc new --demo` makes it."""
    from egov_bsc_xl.workbook.template.build import build_template

    return build_template(path, lang, "udf", demo=True, overwrite=True)


@pytest.fixture(scope="session")
def _demo_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_workbook(tmp_path_factory.mktemp("hostile-demo") / "kinerja.xlsm")


@pytest.fixture
def demo(_demo_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo workbook (.xlsm) for one test to break."""
    path = tmp_path / "kinerja.xlsm"
    shutil.copy(_demo_original, path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


Change = bytes | Callable[[bytes], bytes] | None


def rewrite_part(
    path: Path, name: str, change: Change, *, compress: int = zipfile.ZIP_DEFLATED
) -> Path:
    """Replace part `name` of the package at `path` (in place): with bytes, with change(old bytes),
    or delete it (None). A part that does not exist is added (bytes only)."""
    tmp = path.with_name(path.name + ".surgery")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        names = src.namelist()
        for info in src.infolist():
            if info.filename != name:
                out.writestr(info, src.read(info.filename), compress_type=info.compress_type)
                continue
            if change is None:
                continue
            data = change(src.read(name)) if callable(change) else change
            out.writestr(zipfile.ZipInfo(name, info.date_time), data, compress_type=compress)
        if name not in names and isinstance(change, bytes):
            out.writestr(name, change, compress_type=compress)
    os.replace(tmp, path)
    return path


def corrupt_part(path: Path, name: str) -> Path:
    """Overwrite the middle of part `name`'s stored (deflated) bytes: its deflate stream is broken."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    with open(path, "r+b") as fh:
        fh.seek(info.header_offset + 26)
        name_len, extra_len = (
            int.from_bytes(fh.read(2), "little"),
            int.from_bytes(fh.read(2), "little"),
        )
        start = info.header_offset + 30 + name_len + extra_len
        fh.seek(start + info.compress_size // 3)
        fh.write(b"\xff\x00\xfe\x13" * max(1, min(64, info.compress_size // 12)))
    return path


def edit_part(path: Path, name: str, old: bytes | str, new: bytes | str, count: int = 1) -> Path:
    """Replace the first `count` occurrences of `old` by `new` in part `name` (regex when `old` is str)."""

    def change(data: bytes) -> bytes:
        if isinstance(old, str):
            out, n = re.subn(
                old.encode(), new.encode() if isinstance(new, str) else new, data, count=count
            )
        else:
            n = data.count(old)
            out = data.replace(old, new if isinstance(new, bytes) else new.encode(), count)
        assert n, f"{old!r} not found in {name}"
        return out

    return rewrite_part(path, name, change)


def sheet_part(path: Path, sheet: str) -> str:
    """The part holding worksheet `sheet` (e.g. 'xl/worksheets/sheet6.xml')."""
    from egov_bsc_xl.workbook.opc.package import sheet_part_names

    with zipfile.ZipFile(path) as zf:
        return sheet_part_names(zf)[sheet]


def table_part(path: Path, table: str) -> str:
    """The part holding the Excel table called `table` (e.g. 'xl/tables/table6.xml')."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if (
                name.startswith("xl/tables/")
                and name.endswith(".xml")
                and re.search(rb'displayName="%s"' % table.encode(), zf.read(name))
            ):
                return name
    raise KeyError(table)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    peak_mb: float  # the child's peak resident memory

    def json(self) -> object:
        return json.loads(self.stdout)


_WRAPPER = """
import resource, subprocess, sys
cap = int(sys.argv[1]) * 1024 * 1024
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
p = subprocess.run(sys.argv[2:], preexec_fn=limit)
sys.stderr.write("\\n@@peak_kb=%d@@\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
"""


def run_cli(
    *args: object,
    cap_mb: int = MEMORY_CAP_MB,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Run:
    """Run `egov-bsc ARGS` in a child process capped at `cap_mb` of address space."""
    environ = dict(os.environ, COLUMNS="160")
    environ.pop("EGOV_BSC_DEBUG", None)
    environ.update(env or {})
    cmd = [
        sys.executable,
        "-c",
        _WRAPPER,
        str(cap_mb),
        sys.executable,
        "-m",
        "egov_bsc_xl.cli",
        *map(str, args),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, env=environ, timeout=timeout)
    m = re.search(r"\n@@peak_kb=(\d+)@@\n", out.stderr)
    stderr = out.stderr[: m.start()] if m else out.stderr
    return Run(out.returncode, out.stdout, stderr, int(m.group(1)) / 1024 if m else float("nan"))


def run_main(*args: object, env: dict[str, str] | None = None) -> Run:
    """Run `egov-bsc ARGS` in this process through cli.main() (for cases that patch the code)."""
    import contextlib
    import io

    from egov_bsc_xl import cli

    out, err = io.StringIO(), io.StringIO()
    saved_argv, saved_env = sys.argv, dict(os.environ)
    sys.argv = ["egov-bsc", *map(str, args)]
    os.environ.pop("EGOV_BSC_DEBUG", None)
    os.environ.update(env or {})
    code: int | str | None = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli.main()
            except SystemExit as exc:
                code = exc.code
    finally:
        sys.argv = saved_argv
        os.environ.clear()
        os.environ.update(saved_env)
    return Run(code if isinstance(code, int) else 1, out.getvalue(), err.getvalue(), float("nan"))


def assert_clean_failure(run: Run, code: int, *words: str) -> None:
    """Exit `code`, no traceback, no catch-all message, and the sentence names each of `words`."""
    text = run.stdout + run.stderr
    assert run.code == code, (run.code, text)
    assert "Traceback" not in text and "panicked" not in text, text
    assert "Kesalahan tak terduga" not in text and "unexpected error" not in text, text
    for word in words:
        assert word.lower() in text.lower(), (word, text)
