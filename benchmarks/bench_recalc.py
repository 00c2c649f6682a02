"""Benchmark: `egov-bsc recalc` in place on a 100,000-measurement workbook vs. only reading its tables.

    python benchmarks/bench_recalc.py [--rows 100000] [--repeat 3] [--keep DIR]
    python benchmarks/bench_recalc.py --rows 1000000 --repeat 1   # the large case (generated, not committed)
    python benchmarks/bench_recalc.py --phases [--rows N]           # where a recalc's time goes
    python benchmarks/bench_recalc.py --phases --workbook FILE      # ... on a copy of FILE

Writes a SPEC 3 workbook (.xlsm-shaped .xlsx written with XlsxWriter: 500 KPIs x 200 monthly
periods, computed columns as formulas with cached values), then times, each in its own process
and best of --repeat:
  1. a process that only reads every table with fastexcel (the floor: any tool must read them);
  2. `egov-bsc recalc FILE` in place (read, validate, score, trend, write Dasbor/Validasi, refresh
     the computed cells' cached values, atomic replace with backup).
Prints seconds, the ratios (targets: recalc <= 3.0 and score <= 2.0 at 100,000 rows, recalc <= 3.5
and score <= 2.5 at 1,000,000) and the peak memory of each process (target <= 2 GB). The package
is compiled to bytecode first, as an install has it; the reference read (common.FASTEXCEL_READ,
which needs pyarrow) is checked to read every row before anything is timed.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import FASTEXCEL_READ, ROOT, cpu, floor, run


def make_workbook(path: Path, rows: int) -> Path:
    """A SPEC 3 workbook with `rows` measurements (the same shape as the template's tables)."""
    import xlsxwriter

    from egov_bsc_xl.workbook import contract as c

    # 500 KPIs over 200 months at 100,000 rows; beyond that more KPIs, at most 100 months each, so
    # every period stays a real one (1,000,000 rows over 500 KPIs would reach back to 1860: E026).
    kpis = 500 if rows <= 100_000 else max(500, rows // 100)
    periods = max(1, rows // kpis)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": False})
    pct = wb.add_format({"num_format": "0.0%"})

    def table(
        spec: c.TableSpec, data: list[list], sheet: str | None = None, top: int = 2, left: int = 0
    ):
        ws = wb.get_worksheet_by_name(sheet or spec.sheet("id")) or wb.add_worksheet(
            sheet or spec.sheet("id")
        )
        ws.add_table(
            top,
            left,
            top + max(len(data), 1),
            left + len(spec.columns) - 1,
            {
                "name": spec.name,
                "data": data,
                "columns": [{"header": col.label("id")} for col in spec.columns],
            },
        )
        return ws

    wb.add_worksheet("Dasbor").write(0, 0, "Dasbor")
    wb.add_worksheet("Validasi").write(0, 0, "Validasi")
    table(
        c.PROFILE,
        [
            ["agency", "Instansi", "Dinas Kominfo Kabupaten Contoh"],
            ["year", "Tahun", 2026],
            ["report_period", "Periode Laporan", ""],
            ["language", "Bahasa", "id"],
        ],
    )
    table(c.PERSPECTIVES, [[f"P{i}", f"Perspektif {i}", 0.25, i, "Ya"] for i in range(1, 5)])
    table(
        c.OBJECTIVES, [[f"S{i:02d}", f"P{i % 4 + 1}", f"Sasaran {i}", "", ""] for i in range(1, 51)]
    )
    polarities = ("Maksimal", "Minimal", "Stabil", "Maksimal")
    table(
        c.KPIS,
        [
            [
                f"K{i:03d}",
                f"S{i % 50 + 1:02d}",
                f"IKU {i}",
                "",
                "%",
                polarities[i % 4],
                1,
                None,
                "Bulanan",
                "Terakhir",
                "",
                "",
                f"Bidang {i % 7}",
            ]
            for i in range(kpis)
        ],
    )
    ws = wb.add_worksheet(c.MEASUREMENTS.sheet("id"))
    ws.add_table(
        2,
        0,
        2 + kpis * periods,
        8,
        {
            "name": c.MEASUREMENTS.name,
            "columns": [{"header": col.label("id")} for col in c.MEASUREMENTS.columns],
        },
    )
    r = 3
    last = 2026 * 12 + 8  # months counted from year 0; the newest period is 2026-09
    for p in range(periods):
        year, month0 = divmod(last - (periods - 1 - p), 12)
        code = f"{year}-{month0 + 1:02d}"
        for k in range(kpis):
            target = 50.0 + k % 40
            actual = target * (0.6 + ((k * 7 + p * 13) % 60) / 100)
            ws.write_string(r, 0, f"K{k:03d}")
            ws.write_string(r, 1, code)
            ws.write_number(r, 2, target)
            if k % 4 == 2:
                ws.write_number(r, 3, target + 5)
            ws.write_number(r, 4, round(actual, 2))
            ws.write_formula(r, 7, f'=IF(E{r + 1}="","",E{r + 1}/C{r + 1})', pct, 0)
            ws.write_formula(r, 8, f'=IF(H{r + 1}="","","?")', None, "")
            r += 1
    table(
        c.INITIATIVES,
        [
            [
                f"I{i}",
                f"Inisiatif {i}",
                f"S{i:02d}",
                f"K{i:03d}",
                "Bidang",
                None,
                None,
                1e9,
                4e8,
                0.5,
                "Berjalan",
                "",
            ]
            for i in range(1, 21)
        ],
    )
    ws = table(
        c.SETTINGS,
        [
            ["cap", "Batas atas capaian", 1.2],
            ["minimize_method", "Rumus", "permenpan"],
            ["missing", "Data kosong", "exclude"],
            ["language", "Bahasa", "id"],
        ],
    )
    table(
        c.BANDS,
        [
            [0.91, "Sangat Baik", "Excellent", "#1B5E20"],
            [0.76, "Baik", "Good", "#43A047"],
            [0.66, "Cukup", "Fair", "#FDD835"],
            [0.51, "Kurang", "Poor", "#FB8C00"],
            [0, "Sangat Kurang", "Very poor", "#E53935"],
        ],
        sheet=c.SETTINGS.sheet("id"),
        top=10,
    )
    wb.close()
    return path


# In a child process: `app.recalc` of argv[1] with wall and CPU timers around each step (CPU is
# the whole process's, so it counts the prefetch and deflate threads too). It runs under the
# collector setting of cli.main (garbage.fewer_collections), so the figures are the command's.
PHASES = """
import sys, time
from egov_bsc_xl import app
from egov_bsc_xl.garbage import fewer_collections
from egov_bsc_xl.workbook.opc import package
from egov_bsc_xl.workbook.writing import recalc
seen = {}
def timer(owner, name, label):
    real = getattr(owner, name)
    def timed(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            w, c = seen.get(label, (0.0, 0.0))
            seen[label] = (w + time.perf_counter() - wall, c + time.process_time() - cpu)
    setattr(owner, name, timed)
for owner, name, label in [
    (recalc.FileBook, "__init__", "open the package"),
    (app, "read_workbook", "read the tables"),
    (app, "analyse", "validate, score, trend"),
    (app, "owned_grids", "grids of Dasbor, LKjIP, Validasi"),
    (recalc.FileBook, "write_sheets", "their sheet XML, styles"),
    (app, "computed_values", "computed values per row"),
    (recalc, "refresh_measurement_cache", "cached values (and deflate)"),
    (recalc.FileBook, "refresh_computed", "  ... with band rules, calcPr"),
    (package.Package, "write_to", "zip write"),
    (recalc, "write_atomically", "  ... with fsync, backup, replace"),
]:
    timer(owner, name, label)
wall, cpu = time.perf_counter(), time.process_time()
with fewer_collections():
    app.recalc(sys.argv[1])
seen["recalc (after imports)"] = (time.perf_counter() - wall, time.process_time() - cpu)
for label, (w, c) in seen.items():
    print(f"  {label:34s} {w:7.3f} s wall {c:7.3f} s CPU")
import os, resource
times = os.times()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"  whole process: {times.user:.2f} s user, {times.system:.2f} s system, peak {peak:,.0f} MB")
"""


def phases(path: Path) -> None:
    """Print where the time of a first recalc (stale cached values) and of a re-run goes."""
    for run_name in ("first run (stale cached values)", "re-run"):
        out = subprocess.run(
            [sys.executable, "-c", PHASES, str(path)],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
        print(f"{run_name}:\n{out}", end="")


def timed(cmd: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one child process."""
    seconds, peak, code, _ = run(cmd, ok)
    return seconds, peak, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder to keep the generated workbook in")
    parser.add_argument("--phases", action="store_true", help="time the steps of recalc instead")
    parser.add_argument(
        "--workbook", type=Path, help="with --phases: a copy of this workbook instead of a new one"
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-recalc-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{args.rows}.xlsm"
    # An installed package carries its bytecode; an editable checkout may not (PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(str(ROOT.parent / "egov_bsc_xl"), quiet=1)
    if args.phases and args.workbook:
        shutil.copyfile(args.workbook, path)
        print(f"workbook: {path} (a copy of {args.workbook})")
        phases(path)
        cleanup(folder, args.keep)
        return
    t0 = time.perf_counter()
    # In a child process: a parent grown by writing the workbook would count in every later
    # child's peak memory (a forked child's resident pages are the parent's until it execs).
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from bench_recalc import make_workbook as m; "
            "from pathlib import Path; m(Path(sys.argv[1]), int(sys.argv[2]))",
            str(path),
            str(args.rows),
        ],
        check=True,
        cwd=ROOT,
    )
    print(
        f"workbook: {path} ({path.stat().st_size / 1e6:.1f} MB, {args.rows:,} measurements, "
        f"made in {time.perf_counter() - t0:.1f} s)"
    )

    if args.phases:
        phases(path)
        cleanup(folder, args.keep)
        return
    cli = [sys.executable, "-m", "egov_bsc_xl.cli"]
    reference = floor(FASTEXCEL_READ, path, args.rows)
    first = timed([*cli, "recalc", str(path)])  # rewrites every stale cached value
    read, recalc, score = [], [], []
    for _ in range(args.repeat):  # interleaved, so that a busy machine weighs on all three alike
        read.append(timed(reference, ok=(0,)))
        recalc.append(timed([*cli, "recalc", str(path)]))
        score.append(timed([*cli, "score", str(path), "--json"]))
    read_s, recalc_s, score_s = (min(r[0] for r in runs) for runs in (read, recalc, score))
    read_mb, recalc_mb = max(r[1] for r in read), max(r[1] for r in [*recalc, first])
    ratio = recalc_s / read_s
    large = args.rows > 100_000
    print(f"fastexcel read only : {read_s:6.2f} s   peak {read_mb:7.1f} MB")
    print(
        f"egov-bsc recalc     : {recalc_s:6.2f} s   peak {recalc_mb:7.1f} MB   (exit {recalc[-1][2]}; "
        f"first run on stale cached values {first[0]:.2f} s)"
    )
    print(
        f"egov-bsc score      : {score_s:6.2f} s   (the shared read/validate/score path; recalc adds "
        f"{recalc_s - score_s:.2f} s: trend, both sheets, cached values, zip)"
    )
    print(f"ratio recalc / read : {ratio:6.2f}   (target <= {3.5 if large else 3.0})")
    print(
        f"ratio score / read  : {score_s / read_s:6.2f}   (target <= {2.5 if large else 2.0})   "
        f"peak memory target <= 2048 MB"
    )
    read_cpu, recalc_cpu, score_cpu = cpu(reference), cpu([*cli, "recalc"]), cpu([*cli, "score"])
    print(
        f"CPU seconds (user + system, least of the runs): read {read_cpu:.2f}, recalc {recalc_cpu:.2f}, "
        f"score {score_cpu:.2f}; ratios recalc {recalc_cpu / read_cpu:.2f}, score {score_cpu / read_cpu:.2f}"
    )
    print(f"file after recalc   : {path.stat().st_size / 1e6:.1f} MB")
    cleanup(folder, args.keep)


def cleanup(folder: Path, keep: Path | None) -> None:
    if not keep:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
