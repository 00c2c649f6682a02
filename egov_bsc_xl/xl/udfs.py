"""Excel functions (xlwings UDFs): each a one-line call into calc; they accept cells or whole columns."""

from __future__ import annotations

from typing import Any

import xlwings as xw

from egov_bsc_xl.calc.functions import achievement_cells, status_cells, weighted_score_cells


@xw.func
@xw.arg("actual", ndim=2)
@xw.arg("target", ndim=2)
@xw.arg("polarity", ndim=2)
@xw.arg("target_upper", ndim=2)
def BSC_ACHIEVEMENT(
    actual: Any,
    target: Any,
    polarity: Any,
    target_upper: Any = None,
    cap: Any = None,  # noqa: N802
    minimize_method: Any = None,
) -> Any:
    """Capaian (fraction, 1 = 100 %) clipped to [0, cap]; polarity in Indonesian or English."""
    return achievement_cells(actual, target, polarity, target_upper, cap, minimize_method)


@xw.func
@xw.arg("achievement", ndim=2)
@xw.arg("lower_bounds", ndim=2)
@xw.arg("labels", ndim=2)
def BSC_STATUS(achievement: Any, lower_bounds: Any = None, labels: Any = None) -> Any:  # noqa: N802
    """Status band of an achievement; bands from tblBands columns or the SPEC defaults."""
    return status_cells(achievement, lower_bounds, labels)


@xw.func
@xw.arg("scores", ndim=2)
@xw.arg("weights", ndim=2)
def BSC_WEIGHTED_SCORE(scores: Any, weights: Any) -> Any:  # noqa: N802
    """Weighted mean of the scores with data; weights are relative and renormalised."""
    return weighted_score_cells(scores, weights)
