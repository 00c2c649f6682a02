"""The JSON the command prints: json.dumps(indent=2) byte for byte, non-finite floats as null.

Python's json module formats an indented document in Python, one generator step per value (its C
encoder only writes unindented text): `score --json` of 10,000 KPIs (250,000 values) took
0.18-0.30 s with the pass that replaces NaN and infinity first. Here every object or list that
holds only plain values (a KPI's dict: the bulk of any report) is written by the C encoder in one
call, with its indentation as the item separator: 0.06-0.11 s (2,500 KPIs: 0.05 -> 0.015 s).
The C encoder writes separators only between items, never inside a string, and writes each value
as the Python encoder does, so the text is the same; tests/cli/test_json_text.py compares the two
on random documents.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from json.encoder import encode_basestring

_PLAIN = frozenset({str, int, float, bool, type(None)})  # what the C encoder writes as one value
_TEXT = frozenset({str})
_INDENT = "  "


def dumps(payload: object) -> str:
    """json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) after every non-finite
    float (NaN, infinity) became None (JSON has neither)."""
    return _encode(payload, "\n")


def finite(value: object) -> object:
    """The payload with non-finite floats as None (tuples become lists, as JSON writes them)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def _encode(value: object, newline: str) -> str:
    """`value` as the Python encoder writes it at the depth whose line break is `newline`."""
    if (type(value) is dict or type(value) is list) and value:
        inner = newline + _INDENT
        items = value.values() if isinstance(value, dict) else value
        if _PLAIN.issuperset(map(type, items)):
            flat = _flat(value, inner)
            return flat[0] + inner + flat[1:-1] + newline + flat[-1]
        if isinstance(value, list):
            parts = [_encode(v, inner) for v in value]
            return "[" + inner + ("," + inner).join(parts) + newline + "]"
        if _TEXT.issuperset(map(type, value)):
            parts = [encode_basestring(k) + ": " + _encode(v, inner) for k, v in value.items()]
            return "{" + inner + ("," + inner).join(parts) + newline + "}"
    # Anything else (a plain value, an empty or unusual container) as the json module writes it;
    # its own line breaks then take this depth's indentation.
    text = json.dumps(finite(value), ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("\n", newline) if newline != "\n" else text


def _flat(value: dict[object, object] | list[object], inner: str) -> str:
    """A non-empty object or list of plain values in one line per item (the C encoder)."""
    encode = _encoder(inner)
    try:
        return encode(value)
    except ValueError:  # NaN or infinity: written as null
        return encode(finite(value))


@lru_cache(maxsize=32)
def _encoder(inner: str) -> Callable[[object], str]:
    """The C encoder's writer with `inner` (line break and indentation) after each item's comma;
    one per depth (a pure function of `inner`: nothing in it can go stale)."""
    return json.JSONEncoder(
        ensure_ascii=False, allow_nan=False, separators=("," + inner, ": ")
    ).encode
