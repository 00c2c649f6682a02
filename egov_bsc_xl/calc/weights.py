"""Weighted means with coverage: the share of weight that has data (SPEC 2)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike


def weighted_mean(
    scores: list[float | None], weights: list[float], *, equal_when_weightless: bool = True
) -> float | None:
    """Weighted mean of the scores that are not None, weights renormalised over them.

    Weights are relative (any scale); when the weights of the scores with data add up to zero,
    those scores count equally (BSC_WEIGHTED_SCORE), or there is no mean with
    `equal_when_weightless=False` (the overall score: only weightless perspectives have data).
    None when no score has data.
    """
    pairs = [
        (s, max(float(w), 0.0))
        for s, w in zip(scores, weights, strict=True)
        if s is not None and s == s
    ]
    if not pairs:
        return None
    total = sum(w for _, w in pairs)
    if total <= 0:
        return sum(s for s, _ in pairs) / len(pairs) if equal_when_weightless else None
    return sum(s * w for s, w in pairs) / total


def weighted_group_scores(
    values: ArrayLike, weights: ArrayLike, has_data: ArrayLike, groups: ArrayLike
) -> dict[str, tuple[float | None, float]]:
    """group -> (score, coverage), groups in the order they first appear. `values` NaN = left out
    (no data); weights are relative.

    Score = sum(w * v) / sum(w) over members with a value; coverage = weight with data / all
    weight. A group whose weights are all zero counts its members equally.

    Plain Python and numpy over the KPI rows: the pandas groupby this replaces cost about 2 ms a
    call whatever the size (two calls per score, two more per trend point; ~5 ms of a unit's
    30 ms in a consolidation); this costs 0.02 ms for a unit's 13 KPIs and no more than pandas
    at 2,500. The sums are group_sums: pandas' own, bit for bit.
    """
    labels, keys = _labels(np.asarray(groups, dtype=object).tolist())
    n = len(keys)
    w = np.asarray(weights, dtype="float64").tolist()
    weightless = [total <= 0 for total in group_sums(labels, w, n)]
    w = [1.0 if g >= 0 and weightless[g] else x for g, x in zip(labels, w, strict=True)]
    v = np.asarray(values, dtype="float64").tolist()
    wv = [x * y if y == y else 0.0 for x, y in zip(w, v, strict=True)]
    wc = [x if y == y else 0.0 for x, y in zip(w, v, strict=True)]
    wd = [x if d else 0.0 for x, d in zip(w, np.asarray(has_data).tolist(), strict=True)]
    out = {}
    for key, swv, swc, swd, sw in zip(
        keys,
        group_sums(labels, wv, n),
        group_sums(labels, wc, n),
        group_sums(labels, wd, n),
        group_sums(labels, w, n),
        strict=True,
    ):
        s = swv / swc if swc > 0 else math.nan
        out[str(key)] = (None if s != s else s, swd / sw if sw > 0 else 0.0)
    return out


def group_sums(labels: list[int], values: list[float], groups: int) -> list[float]:
    """The sum of `values` per group label (0 .. groups - 1 in the order the groups first appear;
    -1: no group), as pandas' groupby sum gives it, bit for bit (tests/calc/test_weights.py
    compares the two on random frames): an empty group 0.0, NaN skipped, and

    - rows of each group together (labels never decrease) and no NaN: numpy's add.reduceat over
      each group's run of rows, as pandas 3 does (pandas/core/groupby/ops.py _reduceat_aggregate;
      the first value plus numpy's pairwise sum of the others);
    - otherwise in row order with Kahan's compensation, as pandas' group_sum kernel
      (pandas/_libs/groupby.pyx; a compensation that is not finite is reset, GH#53606).

    A plain sum, or numpy's bincount, differs from either in the last bit now and then. The test
    compares with the pandas installed, so a pandas that sums otherwise (2.x: Kahan only) fails it.
    """
    sums = [0.0] * groups
    if groups == 0:
        return sums
    together = all(a <= b for a, b in zip(labels, labels[1:], strict=False))
    if together and not any(x != x for x in values):
        first = labels.count(-1)  # rows without a group come first
        starts = [first] + [i for i in range(first + 1, len(labels)) if labels[i] != labels[i - 1]]
        reduced = np.add.reduceat(np.asarray(values, dtype="float64"), starts).tolist()
        for i, total in zip(starts, reduced, strict=True):
            sums[labels[i]] = total
        return sums
    compensation = [0.0] * groups
    for g, x in zip(labels, values, strict=True):
        if g < 0 or x != x:
            continue
        y = x - compensation[g]
        t = sums[g] + y
        c = t - sums[g] - y
        compensation[g] = c if math.isfinite(c) else 0.0
        sums[g] = t
    return sums


def _labels(keys: list[object]) -> tuple[list[int], list[object]]:
    """Each row's group number, in the order groups first appear, and the groups; a blank key
    (None, NaN) is in no group (-1), as groupby drops it."""
    number: dict[object, int] = {}
    labels = []
    for key in keys:
        if key is None or key != key:
            labels.append(-1)
        else:
            labels.append(number.setdefault(key, len(number)))
    return labels, list(number)
