"""Text made safe for a slide: no control characters, no characters XML cannot hold."""

from __future__ import annotations

import re

# C0 controls (tab, line feed and Word's vertical tab included), DEL and C1 controls: shown
# as one space, runs of them and of spaces together as one. A name is one line on a slide.
_CONTROLS = re.compile(r"[\x00-\x20\x7f-\x9f]+")
# Lone surrogates and the noncharacters U+FFFE/U+FFFF cannot be written to XML at all.
_NOT_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")


def clean_text(value: object) -> str:
    """`value` as slide text: control characters become spaces, unwritable characters '\ufffd'.

    lxml (and so python-pptx) refuses text holding control characters such as the vertical
    tab (\\x0b) that Word puts in a pasted line break; every text the deck writes passes here.
    None gives ''.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable() and "  " not in text and text == text.strip():
        return text  # the common case: nothing to do, no copy
    return _NOT_XML.sub("\ufffd", _CONTROLS.sub(" ", text)).strip()
