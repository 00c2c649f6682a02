"""Achievement (capaian) of measurements, vectorised: SPEC 2's four polarities, ranges, cap.

All values are fractions (1.0 = 100 %); NaN means no data (missing actual, missing or unusable
target). Inputs may be scalars, lists, numpy arrays or pandas Series of equal length.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from egov_bsc_xl.model.enums import MinimizeMethod, Polarity

DEFAULT_CAP = 1.20
RAW_LIMIT = 1e6  # raw achievement is kept within ±1,000,000 (100 million %), so JSON stays finite


def _floats(values: Any, size: int) -> np.ndarray:
    arr = np.asarray(values, dtype="float64") if values is not None else np.full(size, np.nan)
    return np.broadcast_to(arr, (size,)).astype("float64", copy=True) if arr.ndim == 0 else arr


def _polarity_codes(polarity: Any, size: int) -> np.ndarray:
    """Polarity words (either language) or members -> array of member values ('' when unknown)."""
    if isinstance(polarity, str | Polarity) or polarity is None:
        member = Polarity.parse(polarity)
        return np.full(size, member.value if member else "", dtype=object)
    words = np.asarray(polarity, dtype=object)
    uniques = {
        w: (Polarity.parse(w).value if Polarity.parse(w) else "") for w in set(words.tolist())
    }
    return np.array([uniques[w] for w in words.tolist()], dtype=object)


def achievement(
    actual: Any,
    target: Any,
    target_upper: Any = None,
    polarity: Any = Polarity.MAXIMIZE,
    cap: float = DEFAULT_CAP,
    minimize_method: MinimizeMethod | str = MinimizeMethod.PERMENPAN,
) -> tuple[np.ndarray, np.ndarray]:
    """(raw, scored) achievement of each measurement; scored is raw clipped to [0, cap].

    With M = the actual clipped to the target [L, U] (a single target T is the range [T, T]):
    maximize: A / M, so A<L A/L, in range 1, A>U A/U; needs L > 0.
    minimize: 2 - A/M (permenpan) or M/A (inverse; the cap when A <= 0); needs L >= 0. When
    M is 0 (a target of zero, or a range from 0 with A <= 0): A <= 0 -> 1, A > 0 -> 0 (SPEC 8).
    stabilize: range only: A<L A/L (0 when L is 0), in range 1, A>U 2 - A/U; needs L >= 0, U > 0.
    binary: the actual itself, 1 (yes) or 0 (no), or a share of yes over several periods;
    targets are not used.
    Any other target gives NaN (validation reports E023 or E024). The native Excel formulas
    (workbook.template_formulas) follow these same steps.
    """
    a = np.atleast_1d(np.asarray(actual, dtype="float64"))
    size = a.shape[0]
    lo = _floats(target, size)
    up = _floats(target_upper, size)
    pol = _polarity_codes(polarity, size)
    inverse = MinimizeMethod.parse(minimize_method) is MinimizeMethod.INVERSE

    has_range = ~np.isnan(up)
    top = np.where(has_range, up, lo)
    # A range needs lower <= upper; when it is reversed (E024) the row has no achievement.
    good = ~np.isnan(lo) & ~(has_range & (lo > up))
    with np.errstate(invalid="ignore"):
        m = np.clip(a, lo, top)  # the actual brought into the target range (NaN when a target is)

    raw = np.full(size, np.nan)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # maximize
        sel = (pol == Polarity.MAXIMIZE.value) & good & (lo > 0)
        raw = np.where(sel, a / m, raw)

        # minimize; a zero target (or a range from zero reached) scores 1 for A <= 0, 0 above
        sel = (pol == Polarity.MINIMIZE.value) & good & (lo >= 0)
        zero = m == 0
        ratio = np.where(a > 0, m / a, cap) if inverse else 2.0 - a / m
        raw = np.where(sel, np.where(zero, np.where(a <= 0, 1.0, 0.0), ratio), raw)

        # stabilize (range only)
        sel = (pol == Polarity.STABILIZE.value) & good & has_range & (lo >= 0) & (up > 0)
        below = np.where(lo > 0, a / lo, 0.0)
        value = np.where(a > up, 2.0 - a / up, np.where(a >= lo, 1.0, below))
        raw = np.where(sel, value, raw)

        # binary
        sel = pol == Polarity.BINARY.value
        raw = np.where(sel, np.clip(a, 0.0, 1.0), raw)

    raw = np.where(np.isnan(a), np.nan, raw)
    raw = np.clip(raw, -RAW_LIMIT, RAW_LIMIT)  # an actual near zero under T/A stays a finite number
    scored = np.clip(raw, 0.0, cap)
    return raw, scored
