"""Forms and collect on a large workbook: the demo plus N history rows (prints, asserts nothing).

Run: python benchmarks/bench_forms.py [EXTRA_ROWS]     (default 100,000)

Prints the seconds of `forms` (TW IV forms for every owner), of `collect` (all forms filled,
one row per due KPI added under the table), of a second `collect` of the same forms (nothing
written) and of `recalc` on the same workbook, and the ratio collect / recalc.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from egov_bsc_xl.app import recalc  # noqa: E402
from egov_bsc_xl.forms.collect import collect  # noqa: E402
from egov_bsc_xl.forms.make import make_forms  # noqa: E402
from tests.forms.fill import fill, form_rows  # noqa: E402
from tests.workbook.recalc_books import build_book  # noqa: E402


def main(extra_rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = build_book(folder / "kinerja.xlsm", extra_rows=extra_rows)
        copy = folder / "recalc.xlsm"
        shutil.copy(book, copy)
        started = time.perf_counter()
        made = make_forms(book, "2026-Q4", output=folder / "forms")
        t_forms = time.perf_counter() - started
        for form in made.files:
            fill(form.path, {(k, p): {"actual": 7.0} for _, k, p in form_rows(form.path)})
        paths = [f.path for f in made.files]
        started = time.perf_counter()
        first = collect(book, paths)
        t_collect = time.perf_counter() - started
        started = time.perf_counter()
        second = collect(book, paths)
        t_again = time.perf_counter() - started
        started = time.perf_counter()
        recalc(copy)
        t_recalc = time.perf_counter() - started
    print(
        f"workbook: demo + {extra_rows:,} rows; {len(paths)} forms, {first.rows_added} rows added"
    )
    print(f"forms            {t_forms:7.2f} s")
    print(f"collect          {t_collect:7.2f} s  (exit {first.exit_code})")
    print(f"collect again    {t_again:7.2f} s  (changed: {second.changed})")
    print(f"recalc           {t_recalc:7.2f} s")
    print(f"collect / recalc {t_collect / t_recalc:7.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
