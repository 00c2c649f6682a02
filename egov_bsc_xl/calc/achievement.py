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
    uniques = {w: (Polarity.parse(w).value if Polarity.parse(w) else "") for w in set(words.tolist())}
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

    maximize: A/T; range: A<L A/L, in range 1, A>U A/U.
    minimize: 2 - A/T (permenpan) or T/A (inverse); range: A<L 2 - A/L, in range 1, A>U 2 - A/U
    (inverse: L/A and U/A).
    stabilize: range only: A<L A/L, in range 1, A>U 2 - A/U.
    binary: the actual itself, 1 (yes) or 0 (no), or a share of yes over several periods;
    targets are not used.
    A target <= 0 for maximize/minimize gives NaN (validation reports E023).
    """
    a = np.atleast_1d(np.asarray(actual, dtype="float64"))
    size = a.shape[0]
    lo = _floats(target, size)
    up = _floats(target_upper, size)
    pol = _polarity_codes(polarity, size)
    inverse = MinimizeMethod.parse(minimize_method) is MinimizeMethod.INVERSE

    raw = np.full(size, np.nan)
    has_range = ~np.isnan(up)
    # A range needs lower <= upper; when it is reversed (E024) the row has no achievement.
    bad_range = has_range & (lo > up)
    below = a < lo
    above = a > up
    inside = has_range & ~below & ~above
    positive = lo > 0
    positive_up = up > 0

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # maximize
        m = pol == Polarity.MAXIMIZE.value
        single = m & ~has_range & positive
        raw = np.where(single, a / lo, raw)
        rng = m & has_range & positive & positive_up
        raw = np.where(rng & below, a / lo, raw)
        raw = np.where(rng & inside, 1.0, raw)
        raw = np.where(rng & above, a / up, raw)

        # minimize
        m = pol == Polarity.MINIMIZE.value
        single = m & ~has_range & positive
        if inverse:
            raw = np.where(single, np.where(a > 0, lo / a, cap), raw)
        else:
            raw = np.where(single, 2.0 - a / lo, raw)
        rng = m & has_range & positive & positive_up
        if inverse:
            raw = np.where(rng & below, np.where(a > 0, lo / a, cap), raw)
            raw = np.where(rng & above, up / a, raw)
        else:
            raw = np.where(rng & below, 2.0 - a / lo, raw)
            raw = np.where(rng & above, 2.0 - a / up, raw)
        raw = np.where(rng & inside, 1.0, raw)

        # stabilize (range only)
        m = (pol == Polarity.STABILIZE.value) & has_range & positive & positive_up
        raw = np.where(m & below, a / lo, raw)
        raw = np.where(m & inside, 1.0, raw)
        raw = np.where(m & above, 2.0 - a / up, raw)

        # binary
        m = pol == Polarity.BINARY.value
        raw = np.where(m, np.clip(a, 0.0, 1.0), raw)

    raw = np.where(np.isnan(a) | (bad_range & (pol != Polarity.BINARY.value)), np.nan, raw)
    raw = np.clip(raw, -RAW_LIMIT, RAW_LIMIT)  # an actual near zero under T/A stays a finite number
    scored = np.clip(raw, 0.0, cap)
    return raw, scored
