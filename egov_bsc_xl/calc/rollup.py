"""The roll-up of SPEC 9: units' figures of one KPI, period by period, into the parent's figure.

Pure functions over numbers: no files, no workbooks. A unit without a value for a period is left
out of that period (it neither counts as zero nor lowers an average); a period no unit has a value
for has no rolled-up value (None).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from egov_bsc_xl.model.enums import RollupMethod

METHODS = tuple(m.value for m in RollupMethod)

# (actual, target, target_upper) of one period; None where the unit has no value.
Figures = tuple[float | None, float | None, float | None]


def _present(value: float | None) -> bool:
    return value is not None and value == value  # NaN is no value


def roll(method: str, values: Sequence[float | None], weights: Sequence[float]) -> float | None:
    """`method` (sum, average, weighted, min, max) over the values that are there.

    `weighted` is the mean weighted by the units' weights; when the units that have a value weigh
    nothing together, there is no weighted value (None).
    """
    pairs = [
        (float(v), float(w))
        for v, w in zip(values, weights, strict=True)
        if v is not None and _present(v)
    ]
    if not pairs:
        return None
    numbers = [v for v, _ in pairs]
    if method == RollupMethod.SUM:
        return math.fsum(numbers)
    if method == RollupMethod.AVERAGE:
        return math.fsum(numbers) / len(numbers)
    if method == RollupMethod.MIN:
        return min(numbers)
    if method == RollupMethod.MAX:
        return max(numbers)
    if method == RollupMethod.WEIGHTED:
        total = math.fsum(w for _, w in pairs)
        if total <= 0:
            return None
        return math.fsum(v * w for v, w in pairs) / total
    raise ValueError(f"unknown roll-up method {method!r}")


@dataclass(frozen=True)
class UnitSeries:
    """One unit's figures of one source KPI: period code -> (actual, target, target_upper)."""

    unit_id: str
    weight: float
    periods: dict[str, Figures] = field(default_factory=dict)


def roll_periods(method: str, units: Iterable[UnitSeries]) -> dict[str, Figures]:
    """Period code -> rolled-up (actual, target, target_upper), for every period any unit has.

    Actuals, targets and upper targets are each rolled up the same way, over the units that have
    that figure for the period.
    """
    series = list(units)
    codes = sorted({code for s in series for code in s.periods})
    out: dict[str, Figures] = {}
    for code in codes:
        rows = [(s.periods.get(code, (None, None, None)), s.weight) for s in series]
        weights = [w for _, w in rows]
        actual, target, upper = (
            roll(method, [figures[k] for figures, _ in rows], weights) for k in range(3)
        )
        out[code] = (actual, target, upper)
    return out


@dataclass(frozen=True)
class Differs:
    """A value the parent typed that differs from its units' roll-up (W040)."""

    row: int  # data row of the parent's tblMeasurements
    key: str  # actual | target
    typed: float
    rolled: float
    kpi_id: str
    period: str


def differs(typed: float, rolled: float) -> bool:
    """Whether a value the parent typed is another figure than the roll-up (beyond rounding)."""
    return not math.isclose(typed, rolled, rel_tol=1e-9, abs_tol=1e-9)
