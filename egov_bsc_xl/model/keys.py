"""Looking up a value per row by the row's key (a KPI ID) in frames of a million measurements.

`Series.map(dict)`, `Series.isin` and `Series.reindex` on a column of Python strings build an index
of the dictionary and hash, and in pandas 3 first convert, every cell. Each distinct key is looked
up once here instead (pd.factorize), and the answers are spread over the rows by code: the same
values, about ten times faster on 1,000,000 rows of 2,500 KPIs.
"""

from __future__ import annotations

from collections.abc import Container, Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd


def lookup(
    keys: pd.Series, mapping: Mapping[Any, object], default: object, dtype: object = object
) -> np.ndarray:
    """`mapping[key]` for each row's key, `default` where the key is not in `mapping` (or blank)."""
    codes, uniques = pd.factorize(keys.to_numpy(dtype=object))
    table = np.empty(len(uniques) + 1, dtype=dtype)  # type: ignore[call-overload]
    for i, key in enumerate(uniques.tolist()):
        table[i] = mapping.get(key, default)
    table[-1] = default  # code -1: a blank key
    return table[codes]


def member(keys: pd.Series, wanted: Container[Hashable]) -> np.ndarray:
    """True for each row whose key is in `wanted` (Series.isin, as a boolean array)."""
    codes, uniques = pd.factorize(keys.to_numpy(dtype=object))
    table = np.fromiter((key in wanted for key in uniques.tolist()), dtype=bool, count=len(uniques))
    return np.append(table, False)[codes]
