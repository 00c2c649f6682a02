"""Deck build time in-process: 40-KPI scorecard, leadership and public decks (prints, asserts nothing).

Run: python benchmarks/bench_deck.py [N_KPIS] [REPEATS]
     python benchmarks/bench_deck.py --long-names [N_KPIS]   (default 200 KPIs, every name 32,767 characters)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from egov_bsc_xl.app import analysis_of as deck_data  # noqa: E402
from egov_bsc_xl.deck.build import deck_bytes  # noqa: E402
from tests.deck.sample_card import sample_card  # noqa: E402

EXCEL_MAX_TEXT = 32_767  # characters in one Excel cell


def long_name(seed: str, length: int = EXCEL_MAX_TEXT) -> str:
    """A name of exactly `length` characters: Indonesian words, as pasted from a long document."""
    words = f"{seed} meningkatkan kualitas layanan publik berbasis elektronik yang terpadu dan "
    return (words * (length // len(words) + 1))[:length]


def long_names(n_kpis: int) -> None:
    """Every perspective, objective, KPI, initiative and owner name at Excel's maximum cell text."""
    card = sample_card(n_kpis)
    for item in (*card.perspectives, *card.objectives, *card.kpis, *card.initiatives):
        item.name = long_name(item.id)
    for kpi in card.kpis:
        kpi.owner = long_name("Kepala Bidang")
    data = deck_data(card)
    for audience in ("leadership", "public"):
        started = time.perf_counter()
        blob = deck_bytes(data, audience)
        seconds = time.perf_counter() - started
        print(
            f"{audience:10s} {n_kpis} KPIs, names of {EXCEL_MAX_TEXT:,} characters: {seconds:.2f} s, "
            f"{len(blob) / 1024:.0f} KiB"
        )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--long-names":
        long_names(int(sys.argv[2]) if len(sys.argv) > 2 else 200)
        return
    n_kpis = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    card = sample_card(n_kpis)
    started = time.perf_counter()
    data = deck_data(card)
    scoring = time.perf_counter() - started
    deck_bytes(data)  # warm-up: imports, master parse
    for audience in ("leadership", "public"):
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            blob = deck_bytes(data, audience)
            times.append(time.perf_counter() - started)
        print(
            f"{audience:10s} {n_kpis} KPIs: median {statistics.median(times) * 1000:.0f} ms, "
            f"min {min(times) * 1000:.0f} ms, {len(blob) / 1024:.0f} KiB"
        )
    print(f"scoring + trend (engine, not the deck): {scoring * 1000:.0f} ms")


if __name__ == "__main__":
    main()
