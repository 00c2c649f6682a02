"""The one XML escaping of the product: text content and attribute values written as strings.

`escape` and `quote_attr` give exactly what xml.sax.saxutils' escape and quoteattr give, so the
parts written before this module existed stay byte-identical; `text_bytes` is `escape` as UTF-8
for the byte-level writers (recalc's cached values).
"""

from __future__ import annotations

import re

# Characters XML 1.0 does not allow at all (even escaped); Excel refuses a part that holds them.
ILLEGAL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Escape &, < and > for element text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quote_attr(value: str) -> str:
    """An attribute value with its quotes: escaped, newlines and tabs as character references,
    in double quotes unless the value holds a double quote and no single quote."""
    value = escape(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def text_bytes(value: object) -> bytes:
    """`escape(str(value))` as UTF-8 bytes."""
    return escape(str(value)).encode("utf-8")


def clean_text(value: object) -> str:
    """`value` as escaped element text, with the characters XML cannot hold removed."""
    return escape(ILLEGAL_CHARS.sub("", str(value)))
