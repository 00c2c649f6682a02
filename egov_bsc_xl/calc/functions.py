"""The pure side of the Excel functions: a cell or a whole column in, a value or a column out.

Excel (through xlwings) passes one cell as a value and a range as a list of rows; these
functions accept both, read numbers typed as text ("85,5", "85%") and yes/no words, and return
a readable error text instead of raising. No Excel or xlwings import here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from egov_bsc_xl.calc.achievement import DEFAULT_CAP, achievement
from egov_bsc_xl.calc.bands import band_labels
from egov_bsc_xl.calc.weights import weighted_mean
from egov_bsc_xl.errors import InputError
from egov_bsc_xl.i18n.catalogue import slash
from egov_bsc_xl.i18n.numbers import SCORE_TOP, number_from_text, percent_fraction
from egov_bsc_xl.model.enums import MinimizeMethod, Polarity, parse_yes_no
from egov_bsc_xl.model.scorecard import DEFAULT_BANDS, Band, Settings

Cell = Any


def _column(values: Cell) -> tuple[list[Cell], bool]:
    """Flatten one cell or a range to a list; True when the input was a range."""
    if isinstance(values, list | tuple):
        flat: list[Cell] = []
        for row in values:
            flat.extend(row if isinstance(row, list | tuple) else [row])
        return flat, True
    return [values], False


def _number(cell: Cell, allow_yes_no: bool = False) -> float:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return np.nan
    if isinstance(cell, bool):
        return 1.0 if cell else 0.0
    if isinstance(cell, int | float):
        return float(cell)
    if allow_yes_no and parse_yes_no(cell) is not None:
        return 1.0 if parse_yes_no(cell) else 0.0
    number = number_from_text(str(cell))
    if number is None:
        raise InputError(f"#BSC! {slash('msg.udf.not_number')}: {cell}")
    return number


def _broadcast(values: list[Cell], size: int) -> list[Cell]:
    if len(values) == size:
        return values
    if len(values) == 1:
        return values * size
    raise InputError(f"#BSC! {slash('msg.udf.lengths')} ({len(values)} vs {size})")


def _shape(values: list[Any], as_column: bool) -> Any:
    out = [None if isinstance(v, float) and v != v else v for v in values]
    return [[v] for v in out] if as_column else out[0]


def achievement_cells(
    actual: Cell,
    target: Cell,
    polarity: Cell,
    target_upper: Cell = None,
    cap: Cell = None,
    minimize_method: Cell = None,
) -> Any:
    """BSC_ACHIEVEMENT: scored achievement (fraction, clipped to [0, cap]); blank when no data."""
    try:
        acts, is_col = _column(actual)
        size = len(acts)
        pols = _broadcast(_column(polarity)[0], size)
        words = []
        for p in pols:
            member = Polarity.parse(p)
            if member is None:
                raise InputError(f"#BSC! {slash('msg.udf.polarity')}: {p}")
            words.append(member.value)
        binary = [w == Polarity.BINARY.value for w in words]
        a = [_number(v, b) for v, b in zip(acts, binary, strict=True)]
        t = [_number(v, True) for v in _broadcast(_column(target)[0], size)]
        u = [_number(v) for v in _broadcast(_column(target_upper)[0], size)]
        cap_value = _number(cap) if cap not in (None, "") else DEFAULT_CAP
        if cap_value != cap_value or cap_value <= 0:
            raise InputError(f"#BSC! {slash('msg.udf.cap')}: {cap}")
        method = MinimizeMethod.parse(minimize_method) or MinimizeMethod.PERMENPAN
        for tv, w, av in zip(t, words, a, strict=True):  # E023: a zero target is fine for minimize
            if (
                tv == tv
                and av == av
                and ((w == "maximize" and tv <= 0) or (w == "minimize" and tv < 0))
            ):
                limit = "> 0" if w == "maximize" else ">= 0"
                raise InputError(f"#BSC! {slash('msg.udf.target', limit=limit)}: {tv:g}")
        _, scored = achievement(a, t, u, words, cap_value, method)
        return _shape(scored.tolist(), is_col)
    except InputError as exc:
        return str(exc)


def status_cells(achievement_values: Cell, lower_bounds: Cell = None, labels: Cell = None) -> Any:
    """BSC_STATUS: the band label of each achievement; bands from two columns or the defaults."""
    try:
        values, is_col = _column(achievement_values)
        scores = [_number(v) for v in values]
        settings = Settings()
        if lower_bounds is not None and labels is not None:
            bounds = [_number(v) for v in _column(lower_bounds)[0]]
            names = [str(v) for v in _column(labels)[0]]
            bands = [
                Band(
                    lower_bound=percent_fraction(b, False, SCORE_TOP),
                    label_id=n,
                    label_en=n,
                    colour="#9E9E9E",
                )
                for b, n in zip(bounds, names, strict=False)
                if b == b and n
            ]
            settings.bands = bands or list(DEFAULT_BANDS)
        return _shape(band_labels(scores, settings, "id"), is_col)
    except InputError as exc:
        return str(exc)


def weighted_score_cells(scores: Cell, weights: Cell) -> Any:
    """BSC_WEIGHTED_SCORE: weighted mean of the scores that have data, weights renormalised."""
    try:
        values = [_number(v) for v in _column(scores)[0]]
        ws = _broadcast(_column(weights)[0], len(values))
        numbers = [_number(w) for w in ws]
        if any(w < 0 for w in numbers if w == w):
            raise InputError(f"#BSC! {slash('msg.udf.negative_weight')}")
        pairs = [(s, 0.0 if w != w else w) for s, w in zip(values, numbers, strict=True)]
        result = weighted_mean([s if s == s else None for s, _ in pairs], [w for _, w in pairs])
        return "" if result is None else result
    except InputError as exc:
        return str(exc)
