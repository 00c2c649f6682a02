"""Looking up a value per row by the row's key (a KPI ID) in frames of a million measurements.

`Series.map(dict)`, `Series.isin` and `Series.reindex` on a column of Python strings build an index
of the dictionary and hash, and in pandas 3 first convert, every cell. Each distinct key is looked
up once here instead (pd.factorize), and the answers are spread over the rows by code: the same
values, about ten times faster on 1,000,000 rows of 2,500 KPIs. The keys may be a Series or the
column's array; `Keyed` factorizes a column once for several lookups (60 ms each at 1,000,000).
"""

from __future__ import annotations

from collections.abc import Container, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

Keys: TypeAlias = "pd.Series | np.ndarray"


@dataclass
class Keyed:
    """A column of keys as codes into its distinct keys (code -1: a blank key)."""

    codes: np.ndarray
    uniques: list[Any]

    @classmethod
    def of(cls, keys: Keys) -> Keyed:
        codes, distinct = pd.factorize(np.asarray(keys, dtype=object))
        return cls(codes, distinct.tolist())

    def take(self, rows: np.ndarray) -> Keyed:
        """The keys of `rows` (a boolean mask or positions)."""
        return Keyed(self.codes[rows], self.uniques)

    def lookup(
        self, mapping: Mapping[Any, object], default: object, dtype: object = object
    ) -> np.ndarray:
        """`mapping[key]` for each row's key, `default` where the key is not in `mapping` (or blank)."""
        table = np.empty(len(self.uniques) + 1, dtype=dtype)  # type: ignore[call-overload]
        for i, key in enumerate(self.uniques):
            table[i] = mapping.get(key, default)
        table[-1] = default  # code -1: a blank key
        return table[self.codes]

    def member(self, wanted: Container[Hashable]) -> np.ndarray:
        """True for each row whose key is in `wanted` (Series.isin, as a boolean array)."""
        table = np.fromiter(
            (key in wanted for key in self.uniques), dtype=bool, count=len(self.uniques)
        )
        return np.append(table, False)[self.codes]


def lookup(
    keys: Keys, mapping: Mapping[Any, object], default: object, dtype: object = object
) -> np.ndarray:
    """`mapping[key]` for each row's key, `default` where the key is not in `mapping` (or blank)."""
    return Keyed.of(keys).lookup(mapping, default, dtype)


def member(keys: Keys, wanted: Container[Hashable]) -> np.ndarray:
    """True for each row whose key is in `wanted` (Series.isin, as a boolean array)."""
    return Keyed.of(keys).member(wanted)


def duplicated(first: Keyed, second: Keyed) -> np.ndarray:
    """True for each row whose pair of keys an earlier row has: DataFrame.duplicated over two
    columns, keep="first" (blank keys equal to each other)."""
    pair = (first.codes + 1) * (len(second.uniques) + 1) + (second.codes + 1)  # < (rows + 1) ** 2
    return pd.Series(pair).duplicated(keep="first").to_numpy()
