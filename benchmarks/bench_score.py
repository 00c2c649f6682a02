"""`egov-bsc score --json` on 100,000 measurements against a process that only reads the tables.

The reference process reads every table with fastexcel into pandas; the Arrow-only read (no
pandas import) is printed as well.

Run: python benchmarks/bench_score.py [ROWS] (100000 by default; 1000000 for the large case; the
workbook is generated into benchmarks/out/, not committed). Prints seconds, peak memory and the
ratio (targets: <= 2.0 at 100,000 rows, <= 2.5 at 1,000,000; peak <= 2 GB). The reference needs
pyarrow, and is checked to read every row before anything is timed. Figures only; nothing here
asserts a time.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys

from common import (
    FASTEXCEL_READ,
    FASTEXCEL_READ_ARROW,
    OUT,
    ROOT,
    cpu,
    floor,
    python,
    timed,
)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    # An installed package carries its bytecode; an editable checkout may not (PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(str(ROOT.parent / "egov_bsc_xl"), quiet=1)
    book = OUT / f"bench-{rows}.xlsx"
    if not book.exists():  # in a child process: see bench_recalc (peak memory of later children)
        code = "import sys; from pathlib import Path; from common import big_workbook as b; "
        code += "b(Path(sys.argv[1]), int(sys.argv[2]))"
        subprocess.run([sys.executable, "-c", code, str(book), str(rows)], check=True, cwd=ROOT)
    size = book.stat().st_size / 1e6
    load = os.getloadavg()[0]  # the machine is shared: wall times mean little when it is busy
    read_s, read_mb = timed(floor(FASTEXCEL_READ, book, rows), ok=(0,))
    arrow_s, arrow_mb = timed(floor(FASTEXCEL_READ_ARROW, book, rows), ok=(0,))
    score_s, score_mb = timed(python("-m", "egov_bsc_xl.cli", "score", str(book), "--json"))
    validate_s, validate_mb = timed(
        python("-m", "egov_bsc_xl.cli", "validate", str(book), "--json")
    )
    print(f"workbook: {book.name}, {rows:,} measurement rows, {size:.1f} MB")
    print(
        f"fastexcel read only : {read_s:6.2f} s  peak {read_mb:6.0f} MiB  (tables into pandas: the reference)"
    )
    print(f"fastexcel to Arrow  : {arrow_s:6.2f} s  peak {arrow_mb:6.0f} MiB  (no pandas import)")
    print(
        f"egov-bsc score      : {score_s:6.2f} s  peak {score_mb:6.0f} MiB  ratio {score_s / read_s:4.2f}x"
    )
    print(
        f"egov-bsc validate   : {validate_s:6.2f} s  peak {validate_mb:6.0f} MiB  ratio {validate_s / read_s:4.2f}x"
    )
    print(f"score / Arrow-only read: {score_s / arrow_s:4.2f}x")
    reference = python("-c", FASTEXCEL_READ, str(book))
    score_cpu = cpu(python("-m", "egov_bsc_xl.cli", "score"))
    print(
        f"CPU seconds (user + system, least of the runs): read {cpu(reference):.2f}, score {score_cpu:.2f}; "
        f"ratio {score_cpu / cpu(reference):.2f}"
    )
    print(
        f"load average (1 min) before / after: {load:.2f} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    target = 2.0 if rows <= 100_000 else 2.5
    print(f"targets: score ratio <= {target}, peak <= 2048 MiB")


if __name__ == "__main__":
    main()
