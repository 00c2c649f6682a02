"""Per-row lookups by key give what the pandas calls they replace give (map, isin, duplicated)."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_bsc_xl.model.keys import Keyed, duplicated, lookup, member

ids = st.lists(st.sampled_from(["K1", "K2", "K3", "", None]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(ids, st.lists(st.sampled_from(["2026-Q1", "2026-Q2", None]), min_size=40, max_size=40))
def test_duplicated_is_dataframe_duplicated(kpis, periods):
    frame = pd.DataFrame({"k": kpis, "p": periods[: len(kpis)]}, dtype=object)
    expected = frame.duplicated(["k", "p"], keep="first").to_numpy()
    got = duplicated(Keyed.of(frame["k"]), Keyed.of(frame["p"].to_numpy()))
    assert got.tolist() == expected.tolist()


@settings(max_examples=200, deadline=None)
@given(ids, st.lists(st.booleans(), min_size=40, max_size=40))
def test_lookup_member_and_take_agree_with_pandas(kpis, mask):
    keys = pd.Series(kpis, dtype=object)
    mapping = {"K1": 1.5, "": 2.0}
    expected = keys.map(lambda k: mapping.get(k, np.nan)).to_numpy(dtype="float64")
    np.testing.assert_array_equal(lookup(keys, mapping, np.nan, "float64"), expected)
    assert member(keys.to_numpy(), {"K2", ""}).tolist() == keys.isin(["K2", ""]).tolist()
    rows = np.array(mask[: len(kpis)], dtype=bool)
    taken = Keyed.of(keys).take(rows)
    assert taken.member({"K3"}).tolist() == keys[rows].isin(["K3"]).tolist()
