"""`egov-bsc validate` on hostile variants of the 100,000-row workbook: memory follows the tables.

Variants: the clean workbook; a stray value far from the measurement table (XFD5000, XFD1048576),
which a whole-sheet read would allocate gigabytes for; and a sheet padded to inflate 600 MiB from
under 1 MB (a zip bomb), which is refused before it is inflated.

Run: python benchmarks/bench_hostile.py. Prints exit code, seconds and peak memory of each run
(under an address-space cap of 3 GiB). Figures only; nothing here asserts a time.
"""

from __future__ import annotations

import re
import subprocess
import time
import zipfile
from pathlib import Path

from common import OUT, big_workbook, python

CAP_MIB = 3 * 1024
# The command runs under a small wrapper process: a child forked from this (large) process would
# count this process's memory in its peak.
WRAPPER = """
import resource, subprocess, sys
cap = int(sys.argv[1]) * 1024 * 1024
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=limit).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(argv: list[str]) -> tuple[int, float, float]:
    start = time.perf_counter()
    out = subprocess.run(
        python("-c", WRAPPER, str(CAP_MIB), *argv), capture_output=True, text=True, check=True
    )
    code, peak_kib = out.stdout.split()
    return int(code), time.perf_counter() - start, int(peak_kib) / 1024


def variant(book: Path, name: str, change) -> Path:
    out = book.with_name(f"{book.stem}-{name}.xlsx")
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet5.xml":  # Realisasi
                data = change(data)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out


def stray(cell: str):
    row = re.sub(r"\D", "", cell)
    return lambda xml: xml.replace(
        b"</sheetData>", f'<row r="{row}"><c r="{cell}"><v>1</v></c></row></sheetData>'.encode(), 1
    )


def main() -> None:
    book = big_workbook(OUT / "bench-100000.xlsx", 100_000)
    variants = {
        "clean": book,
        "stray XFD5000": variant(book, "xfd5000", stray("XFD5000")),
        "stray XFD1048576": variant(book, "xfd1048576", stray("XFD1048576")),
        "600 MiB of padding": variant(
            book,
            "bomb",
            lambda xml: xml.replace(b"<sheetData>", b" " * (600 * 1024 * 1024) + b"<sheetData>", 1),
        ),
    }
    for name, path in variants.items():
        code, seconds, peak = run(python("-m", "egov_bsc_xl.cli", "validate", str(path)))
        size = path.stat().st_size / 1e6
        print(f"{name:20s} {size:6.1f} MB  exit {code}  {seconds:6.2f} s  peak {peak:6.0f} MiB")
    for path in variants.values():
        if path != book:
            path.unlink()


if __name__ == "__main__":
    main()
