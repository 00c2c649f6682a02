"""Weighted means with coverage: the share of weight that has data (SPEC 2)."""

from __future__ import annotations

import numpy as np
import pandas as pd


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
    values: pd.Series, weights: pd.Series, has_data: pd.Series, groups: pd.Series
) -> dict[str, tuple[float | None, float]]:
    """group -> (score, coverage). `values` NaN = left out (no data); weights are relative.

    Score = sum(w * v) / sum(w) over members with a value; coverage = weight with data / all
    weight. A group whose weights are all zero counts its members equally.
    """
    frame = pd.DataFrame({"v": values, "w": weights.astype("float64"), "d": has_data, "g": groups})
    all_zero = frame.groupby("g")["w"].transform("sum") <= 0
    frame.loc[all_zero, "w"] = 1.0
    counted = frame["v"].notna()
    frame["wv"] = np.where(counted, frame["w"] * frame["v"].fillna(0.0), 0.0)
    frame["wc"] = np.where(counted, frame["w"], 0.0)
    frame["wd"] = np.where(frame["d"], frame["w"], 0.0)
    sums = frame.groupby("g", sort=False)[["wv", "wc", "wd", "w"]].sum()
    wv, wc, wd, w = (sums[k].to_numpy() for k in ("wv", "wc", "wd", "w"))
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = np.where(wc > 0, wv / wc, np.nan)
        coverage = np.where(w > 0, wd / w, 0.0)
    return {
        str(group): (None if s != s else float(s), float(cov))
        for group, s, cov in zip(
            sums.index.tolist(), scores.tolist(), coverage.tolist(), strict=True
        )
    }
