"""Deck build time in-process: 40-KPI scorecard, leadership and public decks (prints, asserts nothing).

Run: python benchmarks/bench_deck.py [N_KPIS] [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from egov_bsc_xl.deck.build import deck_bytes, deck_data  # noqa: E402
from tests.deck.sample_card import sample_card  # noqa: E402


def main() -> None:
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
        print(f"{audience:10s} {n_kpis} KPIs: median {statistics.median(times) * 1000:.0f} ms, "
              f"min {min(times) * 1000:.0f} ms, {len(blob) / 1024:.0f} KiB")
    print(f"scoring + trend (engine, not the deck): {scoring * 1000:.0f} ms")


if __name__ == "__main__":
    main()
