"""Shared benchmark helpers: a large SPEC 3 workbook, and timing of whole processes with peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

from egov_bsc_xl.workbook import contract as c

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "out"

# The reference reads: every table of the workbook with fastexcel, into pandas, and into Arrow
# only (the lightest possible read, without importing pandas). Both need pyarrow. Each prints the
# number of rows it read and exits 0; `floor` refuses anything else, so a reference that fails
# (pyarrow missing made it fail in 0.04 s, silently, and every ratio meaningless) stops the run.
FASTEXCEL_READ = (
    "import sys, fastexcel\n"
    "r = fastexcel.read_excel(sys.argv[1])\n"
    "rows = 0\n"
    "for name in r.table_names():\n"
    "    rows += r.load_table(name).to_pandas().shape[0]\n"
    "print(rows)\n"
)
FASTEXCEL_READ_ARROW = FASTEXCEL_READ.replace("to_pandas().shape[0]", "to_arrow().num_rows")


def _table(
    ws, name: str, spec: c.TableSpec, keys: list[str], rows: list[list], first_col: int = 0
) -> None:
    headers = [{"header": spec.column(k).label_id} for k in keys]
    data = rows if rows else [[None] * len(keys)]
    ws.add_table(
        0,
        first_col,
        len(data),
        first_col + len(keys) - 1,
        {"name": name, "columns": headers, "data": data, "style": "Table Style Light 9"},
    )


def big_workbook(path: Path, measurements: int = 100_000, kpis: int = 2_500) -> Path:
    """A scorecard with `measurements` rows: `kpis` KPIs measured monthly over the years needed."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    months = max(1, measurements // kpis)
    wb = xlsxwriter.Workbook(str(path))
    profile = [
        ["agency", "Instansi", "Dinas Kominfo Kabupaten Benchmark"],
        ["year", "Tahun", 2026],
        ["language", "Bahasa", "id"],
    ]
    _table(wb.add_worksheet("Profil"), "tblProfile", c.PROFILE, ["key", "label", "value"], profile)
    _table(
        wb.add_worksheet("Perspektif"),
        "tblPerspectives",
        c.PERSPECTIVES,
        ["id", "name", "weight", "order", "active"],
        [[f"P{i}", f"Perspektif {i}", 0.25, i, "Ya"] for i in range(1, 5)],
    )
    objectives = [[f"S{i}", f"P{i % 4 + 1}", f"Sasaran {i}", "", ""] for i in range(1, 41)]
    _table(
        wb.add_worksheet("Sasaran"),
        "tblObjectives",
        c.OBJECTIVES,
        ["id", "perspective_id", "objective", "supports", "description"],
        objectives,
    )
    polarities = ["Maksimal", "Minimal", "Stabil", "Ya/Tidak"]
    aggregations = ["Terakhir", "Jumlah", "Rata-rata"]
    kpi_rows = [
        [
            f"K{i}",
            f"S{i % 40 + 1}",
            f"IKU {i}",
            polarities[i % 4],
            1 + i % 3,
            "Bulanan",
            aggregations[i % 3],
            f"Pemilik {i % 17}",
        ]
        for i in range(kpis)
    ]
    _table(
        wb.add_worksheet("IKU"),
        "tblKpis",
        c.KPIS,
        ["id", "objective_id", "name", "polarity", "weight", "frequency", "aggregation", "owner"],
        kpi_rows,
    )
    rows = []
    start_year = 2026 - (months - 1) // 12
    for m in range(months):
        year, month = start_year + m // 12, m % 12 + 1
        for i in range(kpis):
            pol = i % 4
            target = 80.0 + i % 20
            upper = target + 5 if pol == 2 else None
            actual = (
                (1 if (i + m) % 3 else 0)
                if pol == 3
                else round(target * (0.7 + ((i * 7 + m) % 50) / 100), 2)
            )
            rows.append(
                [
                    f"K{i}",
                    f"{year}-{month:02d}",
                    None if pol == 3 else target,
                    upper,
                    actual,
                    None,
                    None,
                ]
            )
            if len(rows) >= measurements:
                break
    _table(
        wb.add_worksheet("Realisasi"),
        "tblMeasurements",
        c.MEASUREMENTS,
        ["kpi_id", "period", "target", "target_upper", "actual", "note", "evidence"],
        rows,
    )
    _table(
        wb.add_worksheet("Inisiatif"),
        "tblInitiatives",
        c.INITIATIVES,
        ["id", "name", "objective_ids"],
        [[f"I{i}", f"Inisiatif {i}", f"S{i}"] for i in range(1, 11)],
    )
    wb.close()
    return path


CPU_SECONDS: dict[str, list[float]] = {}  # command -> CPU seconds (user + system) of each run


def cpu(argv: list[str]) -> float:
    """The smallest CPU time (user + system) of the runs of this command so far: less noisy than
    wall time on a shared machine, and what the structure's waste costs."""
    return min(CPU_SECONDS.get(" ".join(argv[1:4])) or [float("nan")])


def run(argv: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float, int, str]:
    """(seconds, peak resident memory in MiB, exit code, standard output) of one child process.
    Its CPU time is kept in CPU_SECONDS (see `cpu`).

    An exit code outside `ok` stops the benchmark with the child's error output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        out.seek(0)
        err.seek(0)
        text, error = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if code not in ok:
        raise SystemExit(f"{' '.join(argv)} failed (exit {code}):\n{error}")
    CPU_SECONDS.setdefault(" ".join(argv[1:4]), []).append(usage.ru_utime + usage.ru_stime)
    return seconds, usage.ru_maxrss / 1024, code, text


def timed(argv: list[str], repeat: int = 3, ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """(median seconds, peak resident memory in MiB) of running `argv` as a process `repeat` times."""
    runs = [run(argv, ok) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def floor(script: str, book: Path, rows: int) -> list[str]:
    """The argv of a reference read, after checking that it works and reads at least `rows` rows."""
    argv = python("-c", script, str(book))
    *_, out = run(argv, ok=(0,))
    got = int(out.strip() or 0)
    if got < rows:
        raise SystemExit(
            f"the reference read saw {got:,} rows, fewer than the {rows:,} measurements: "
            "the floor is broken (is pyarrow installed?)"
        )
    return argv


def python(*args: str) -> list[str]:
    return [sys.executable, *args]
