"""The command's JSON (cli_json.dumps) is json.dumps(indent=2) byte for byte, NaN and infinity as null."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_bsc_xl.cli_json import dumps, finite


def reference(payload: object) -> str:
    """What the command printed before: the json module's own indented text."""
    return json.dumps(finite(payload), ensure_ascii=False, indent=2, allow_nan=False)


class Text(str):
    pass


class Number(float):
    pass


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(["", "\n", '"', "\\", "\x00\x1f", "é ü", "{[,]}: ", "\ud800", "💡"])
    | st.builds(Text, st.text(max_size=5))
    | st.builds(Number, st.floats())
)
KEYS = st.text(max_size=8) | st.sampled_from(["a", "b", 'q"', "\n"])
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(KEYS, inner, max_size=6)
        | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3)
    ),
    max_leaves=40,
)


@settings(max_examples=600, deadline=None)
@given(DOCUMENTS)
def test_the_text_is_the_json_modules(payload):
    assert dumps(payload) == reference(payload)


@pytest.mark.parametrize(
    "payload",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[]], "d": [{}]},
        {"kpis": [{"id": "K1", "actual": math.nan, "target": math.inf}, {"id": "K2"}]},
        [1, [2, [3, [4, {"x": -math.inf}]]]],
        {"t": (1, 2.5, "x")},
        "text",
        math.nan,
    ],
)
def test_nested_empty_and_non_finite(payload):
    assert dumps(payload) == reference(payload)


def test_what_the_json_module_refuses_is_still_refused():
    with pytest.raises(ValueError):
        dumps({math.nan: 1})
    with pytest.raises(TypeError):
        dumps({"a": object()})
    with pytest.raises(TypeError):
        dumps({(1, 2): 1})
