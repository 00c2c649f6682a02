"""Needs attention (SPEC 8): one rule, the setting attention_below, used by score, dashboard and decks."""

from __future__ import annotations

import numpy as np

from egov_bsc_xl.calc.attention import attention_list, needs_attention
from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.model import Polarity, Settings

from .cards import card


def test_below_the_setting_needs_attention_no_data_does_not():
    got = needs_attention([0.5, 0.999, 1.0, 1.2, np.nan], Settings())
    assert got.tolist() == [True, True, False, False, False]
    assert needs_attention([0.5, 0.8, 0.95], Settings(attention_below=0.8)).tolist() == [
        True,
        False,
        False,
    ]


def _sample(**settings):
    kpis = [(f"K{i}", "S1", {"polarity": Polarity.MAXIMIZE}) for i in range(1, 6)]
    rows = [
        ("K1", "2026-Q1", 100, None, 99),
        ("K2", "2026-Q1", 100, None, 70),
        ("K3", "2026-Q1", 100, None, 100),
        ("K4", "2026-Q1", 100, None, 85),
        ("K5", "2026-Q1", 100, None, None),
    ]
    return card(kpis, rows, weights=(1.0,), **settings)


def test_score_marks_every_kpi_and_the_list_is_lowest_first():
    report = score(_sample())
    flags = {k.id: k.needs_attention for k in report.kpis}
    # 99 % is below the target, so it needs attention by default; 100 % and no data do not
    assert flags == {"K1": True, "K2": True, "K3": False, "K4": True, "K5": False}
    assert [k.id for k in attention_list(report.kpis)] == ["K2", "K4", "K1"]


def test_attention_below_moves_the_bound():
    report = score(_sample(attention_below=0.80))
    assert [k.id for k in attention_list(report.kpis)] == ["K2"]
