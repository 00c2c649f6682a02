"""Golden files: the parts egov-bsc owns in the demo's workbooks and decks stay as committed.

The dashboard and validation sheets (with their drawings, charts and formats) of the demo
workbook in both languages, and every slide and chart of both Indonesian decks, are compared
with the pretty XML committed next to this file. A deliberate change of an output is made
visible by rewriting them (``python tools/golden.py``) and reviewing ``git diff tests/golden``.
"""

from __future__ import annotations

import pytest

from tools import golden

KINDS = ["workbook-id", "workbook-en", "deck-id-leadership", "deck-id-public"]
HOW = f"if the change is intended, run: {golden.COMMAND} (then review git diff tests/golden)"


@pytest.fixture(scope="module")
def made() -> dict[str, str]:
    return golden.current()


@pytest.fixture(scope="module")
def pinned() -> dict[str, str]:
    return golden.committed()


def of(files: dict[str, str], kind: str) -> dict[str, str]:
    return {name: text for name, text in files.items() if name.startswith(kind + "/")}


def test_the_golden_sets_are_the_demo_outputs(made: dict[str, str], pinned: dict[str, str]) -> None:
    assert sorted({name.split("/")[0] for name in pinned}) == sorted(KINDS)
    assert sorted({name.split("/")[0] for name in made}) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_owned_parts_match_the_golden_files(
    made: dict[str, str], pinned: dict[str, str], kind: str
) -> None:
    now, then = of(made, kind), of(pinned, kind)
    assert now, f"{kind}: nothing made"
    assert sorted(now) == sorted(then), (
        f"{kind}: parts differ: new {sorted(now.keys() - then.keys())}, "
        f"gone {sorted(then.keys() - now.keys())}; {HOW}"
    )
    changed = [name for name in sorted(now) if now[name] != then[name]]
    if changed:
        first = changed[0]
        pytest.fail(
            f"{len(changed)} golden part(s) of {kind} differ, first {first}:\n"
            f"{golden.unified_diff(first, then[first], now[first])}\n{HOW}",
            pytrace=False,
        )


def test_a_changed_part_is_reported_with_its_diff() -> None:
    """The comparison finds a one-attribute change and names it (so a real change cannot slip by)."""
    old = {"a/x.xml": golden.pretty(b'<r><c v="1"/><d/></r>')}
    new = {"a/x.xml": golden.pretty(b'<r><c v="2"/><d/></r>'), "a/y.xml": "<y/>\n"}
    assert golden.differences(old, new) == [
        ("a/x.xml", "berubah / changed: +1 -1 lines"),
        ("a/y.xml", "baru / new (not committed)"),
    ]
    diff = golden.unified_diff("a/x.xml", old["a/x.xml"], new["a/x.xml"])
    assert '-<c v="1"/>' in diff and '+<c v="2"/>' in diff
    assert golden.differences(new, new) == []


def test_pretty_keeps_text_and_only_moves_whitespace_between_elements() -> None:
    text = golden.pretty(b'<r xmlns="u"><t xml:space="preserve">  dua  spasi </t>\n  <e/></r>')
    assert '<t xml:space="preserve">  dua  spasi </t>' in text
    assert text.splitlines()[1:] == [
        '<r xmlns="u">',
        '<t xml:space="preserve">  dua  spasi </t>',
        "<e/>",
        "</r>",
    ]
