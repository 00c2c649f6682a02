"""The consolidation outputs for many units (prints, asserts nothing): the Konsolidasi grid, the
comparison workbook and the parent's leadership deck with its units slide.

Run: python benchmarks/bench_consolidation_outputs.py [N_UNITS ...]   (default 100 1000 5000)

Each unit has four perspective scores; five rolled-up KPIs list every unit's value, so the sheet
grows as units x (1 + 1 + 1 + 5) rows. Figures are per size, with the ratio to the smallest.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from egov_bsc_xl.app import analysis_of  # noqa: E402
from egov_bsc_xl.deck.build import deck_bytes  # noqa: E402
from egov_bsc_xl.model.consolidation import (  # noqa: E402
    ConsolidationReport,
    RollupResult,
    UnitValue,
)
from egov_bsc_xl.model.period import parse_period  # noqa: E402
from egov_bsc_xl.model.report import ReportPeriod  # noqa: E402
from egov_bsc_xl.workbook.template.demo_data import demo_scorecard  # noqa: E402
from egov_bsc_xl.workbook.writing.compare_book import write_comparison  # noqa: E402
from egov_bsc_xl.workbook.writing.layout_consolidation import consolidation  # noqa: E402
from tests.consolidation.reports import unit  # noqa: E402


def report(n: int) -> ConsolidationReport:
    units = [
        unit(
            f"U{i:05d}",
            f"Unit Kerja {i}",
            overall=(i % 97) / 97 + 0.2,
            scores=((i % 13) / 13 + 0.3, (i % 7) / 7 + 0.3, 0.8, None),
        )
        for i in range(n)
    ]
    rollups = [
        RollupResult(
            kpi_id=f"IKU-{k:02d}",
            source_kpi=f"LAY-{k:02d}",
            method="sum",
            actual=float(n),
            target=float(n),
            units=[UnitValue(id=u.id, actual=1.0, target=1.0) for u in units],
        )
        for k in range(5)
    ]
    return ConsolidationReport(
        period=ReportPeriod(parse_period("2026-Q3")), units=units, rollups=rollups
    )


def main(sizes: list[int]) -> None:
    analysis = analysis_of(demo_scorecard("id"))
    base: dict[str, float] = {}
    print(
        f"{'units':>6} {'grid s':>8} {'xlsx s':>8} {'xlsx KB':>8} {'deck s':>8}  ratios to {sizes[0]}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for n in sizes:
            made = report(n)
            t0 = time.perf_counter()
            consolidation(made, analysis, None)
            t1 = time.perf_counter()
            path = Path(folder) / f"compare-{n}.xlsx"
            write_comparison(made, path, "id")
            t2 = time.perf_counter()
            deck_bytes(analysis, "leadership", units=made)
            t3 = time.perf_counter()
            figures = {"grid": t1 - t0, "xlsx": t2 - t1, "deck": t3 - t2}
            base = base or figures
            ratios = " ".join(f"{k} x{v / base[k]:.1f}" for k, v in figures.items())
            print(
                f"{n:>6} {figures['grid']:>8.2f} {figures['xlsx']:>8.2f} "
                f"{path.stat().st_size / 1024:>8.0f} {figures['deck']:>8.2f}  {ratios}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
