"""Benchmark: `egov-bsc consolidate` over N unit workbooks vs. a process pool that only reads them.

    python benchmarks/bench_consolidate.py [--units 100 1000] [--cache /tmp/egov-bsc-bench-units]
                                           [--repeat 3]

Generates once, into the cache folder (outside the repository), demo-size unit workbooks made by
the template builder from the demo data with varied numbers (--variants distinct builds, copied to
N files), and a parent workbook whose tblUnits lists them and whose KPIs are all rolled up (the
five methods in turn). Then times, each in its own process:
  1. the floor: a process pool (all cores) that only opens each unit with fastexcel and loads every
     table into pandas;
  2. consolidate: the parent consolidated (read every unit in the pool, validate and score it, roll
     up, score the parent). With the Konsolidasi layout present it is the whole command, writing
     the parent; without it (before the layout is merged) the same work without the writing.
Prints seconds, the ratio (target <= 3) and the peak memory of the process tree, the parent and
its workers summed (sampled from /proc; target <= 1 GB), for each N, and how the time grows; with
--repeat, the best of that many runs of each, taken in turn.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import python

POOL_READ = (
    "import sys, os\n"
    "from concurrent.futures import ProcessPoolExecutor\n"
    "def load(path):\n"
    "    import fastexcel\n"
    "    r = fastexcel.read_excel(path)\n"
    "    return sum(r.load_table(n).to_pandas().shape[0] for n in r.table_names())\n"
    "if __name__ == '__main__':\n"
    "    files = [os.path.join(sys.argv[1], f) for f in sorted(os.listdir(sys.argv[1]))]\n"
    "    workers = os.cpu_count() or 1\n"
    "    chunk = max(1, min(8, len(files) // (workers * 4)))\n"
    "    with ProcessPoolExecutor(workers) as pool:\n"
    "        rows = sum(pool.map(load, files, chunksize=chunk))\n"
    "    print(len(files), rows)\n"
)

ENGINE_ONLY = (
    "import json, sys\n"
    "from pathlib import Path\n"
    "from egov_bsc_xl.consolidate import consolidate_book\n"
    "if __name__ == '__main__':\n"
    "    parent = Path(sys.argv[1])\n"
    "    report = consolidate_book(parent, parent).report\n"
    "    print(len(report.units), sum(u.status == 'ok' for u in report.units))\n"
)

METHODS = ("sum", "average", "weighted", "min", "max")


def make_units(folder: Path, count: int, variants: int) -> list[Path]:
    """`count` unit workbooks u0001.xlsm ... in `folder` (made once; kept between runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"u{n:04d}.xlsm" for n in range(1, count + 1)]
    if all(p.exists() for p in paths):
        return paths
    sources = [_variant(folder.parent / "variants", v) for v in range(min(variants, count))]
    for n, path in enumerate(paths):
        if not path.exists():
            shutil.copyfile(sources[n % len(sources)], path)
    return paths


def _variant(folder: Path, v: int) -> Path:
    """The demo unit with its actuals and targets scaled by a factor of its own."""
    from egov_bsc_xl.model.scorecard import measurements_frame
    from egov_bsc_xl.workbook.opc.files import atomic_write
    from egov_bsc_xl.workbook.template.build import build, demo_content

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"variant{v:03d}.xlsm"
    if path.exists():
        return path
    content = demo_content("id")
    factor = 0.8 + (v * 37 % 41) / 100  # 0.80 .. 1.20
    rows = []
    for i, m in enumerate(content.entries):
        scale = factor if (i + v) % 3 else 1.0
        rows.append(
            m.model_copy(
                update={
                    "actual": None if m.actual is None else round(m.actual * scale, 2),
                    "target": m.target,
                }
            )
        )
    content = content.model_copy(update={"entries": rows})
    content.measurements = measurements_frame(rows)
    content.profile = content.profile.model_copy(update={"unit": f"Unit {v}"})
    atomic_write(path, build("id", "native", content=content))
    return path


def make_parent(path: Path, units: list[Path]) -> Path:
    """The demo workbook as a parent of `units`: tblUnits and every KPI rolled up."""
    from openpyxl import load_workbook
    from openpyxl.worksheet.table import Table

    from egov_bsc_xl.workbook.opc.files import atomic_write
    from egov_bsc_xl.workbook.template.build import build

    if path.exists():
        return path
    atomic_write(path, build("id", "native", demo=True))
    wb = load_workbook(path, keep_vba=True)
    ws = wb["IKU"]
    heads = [cell.value for cell in ws[ws.tables["tblKpis"].ref.split(":")[0][1:]]]
    top = int(ws.tables["tblKpis"].ref.split(":")[0][1:])
    col = {h: j + 1 for j, h in enumerate(heads) if h}
    for n, r in enumerate(range(top + 1, ws.max_row + 1)):
        if ws.cell(r, col["ID"]).value:
            ws.cell(r, col["Agregasi Unit"], METHODS[n % len(METHODS)])
    us = wb.create_sheet("Unit")
    for j, head in enumerate(["ID", "Nama Unit", "Berkas", "Bobot", "Penanggung Jawab", "Aktif"]):
        us.cell(1, j + 1, head)
    for i, unit in enumerate(units, start=2):
        rel = os.path.relpath(unit, path.parent)
        for j, value in enumerate([f"U{i - 1:04d}", f"Unit {i - 1}", rel, 1 + i % 3, "", "Ya"]):
            us.cell(i, j + 1, value)
    us.add_table(Table(displayName="tblUnits", ref=f"A1:F{len(units) + 1}"))
    wb.save(path)
    return path


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and every process below it, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/statm", "rb") as f:
                resident = int(f.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
        rss[int(entry)] = resident
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def measured(argv: list[str]) -> tuple[float, float, float, str]:
    """(seconds, CPU seconds of the process and its workers, peak MiB of the process tree summed,
    standard output) of one run of `argv`. CPU time is the steadier figure on a shared machine."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(proc.pid))
                time.sleep(0.05)

        start = time.perf_counter()
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # the workers' times are in it once reaped
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed (exit {code}):\n{err.read().decode()}")
        cpu = usage.ru_utime + usage.ru_stime
        return seconds, cpu, peak[0] / 2**20, out.read().decode()


def _best(runs: list[tuple[float, float, float, str]]) -> tuple[float, float, float]:
    """The smallest seconds and CPU seconds of `runs` (each its own best), the largest peak."""
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--variants", type=int, default=40)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/egov-bsc-bench-units"))
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each; the best wall and CPU are shown"
    )
    args = parser.parse_args()
    try:
        import egov_bsc_xl.workbook.writing.layout_consolidation  # noqa: F401

        whole = True
    except ImportError:
        whole = False
    print(f"cores: {os.cpu_count()}; machine load: {os.getloadavg()[0]:.1f} (shared machine)")
    print(
        "consolidate = the whole command (writes the parent)"
        if whole
        else "consolidate = the engine without writing (the Konsolidasi layout is not here yet)"
    )
    results = []
    for count in args.units:
        folder = args.cache / f"n{count}"
        started = time.perf_counter()
        units = make_units(folder / "units", count, args.variants)
        parent = make_parent(folder / f"pemda-{count}.xlsm", units)
        made = time.perf_counter() - started
        work = folder / "work.xlsm"
        if whole:
            argv = [str(Path(sys.executable).with_name("egov-bsc")), "consolidate", str(work)]
        else:
            argv = python("-c", ENGINE_ONLY, str(work))
        floors, runs = [], []
        for _ in range(args.repeat):  # alternately, so that both see the same load
            floors.append(measured(python("-c", POOL_READ, str(folder / "units"))))
            assert floors[-1][3].split()[0] == str(count), floors[-1][3]
            shutil.copyfile(parent, work)
            runs.append(measured(argv))
        floor_s, floor_cpu, floor_mb = _best(floors)
        cons_s, cons_cpu, cons_mb = _best(runs)
        results.append((count, floor_s, cons_s))
        print(
            f"{count:>5} units (made in {made:.0f} s, load {os.getloadavg()[0]:.1f}): "
            f"floor {floor_s:6.2f} s wall {floor_cpu:6.2f} s CPU {floor_mb:5.0f} MiB | "
            f"consolidate {cons_s:6.2f} s wall {cons_cpu:6.2f} s CPU {cons_mb:5.0f} MiB | "
            f"ratio wall {cons_s / floor_s:4.2f} CPU {cons_cpu / floor_cpu:4.2f} (target <= 3); "
            f"{cons_cpu / count * 1000:5.1f} ms CPU per unit"
        )
    if len(results) > 1:
        (n0, f0, c0), (n1, f1, c1) = results[0], results[-1]
        print(
            f"growth {n0} -> {n1} units ({n1 / n0:.0f}x): floor {f1 / f0:.1f}x, "
            f"consolidate {c1 / c0:.1f}x"
        )


if __name__ == "__main__":
    main()
