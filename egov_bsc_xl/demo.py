"""`egov-bsc demo`: the whole product once — demo workbook, validation, recalculation, both decks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from egov_bsc_xl.errors import BscError
from egov_bsc_xl.workbook.analysis import Analysis

WORKBOOK_NAME = "egov-bsc-demo.xlsm"
STEPS = ("build", "recalc", "leadership", "public")


@dataclass
class DemoResult:
    folder: Path
    workbook: Path
    decks: dict[str, Path] = field(default_factory=dict)
    analysis: Analysis | None = None


def run_demo(folder: str | Path, step: Callable[[str], None] = lambda _: None) -> DemoResult:
    """Make the Indonesian demo in `folder`, replacing only the files the demo itself writes.

    `step` is called with each name of STEPS before that step starts (for a progress display).
    The workbook uses native Excel formulas so that it also shows its numbers where Python
    is not installed; the decks are named <workbook>-<audience>-<period>.pptx.
    """
    from egov_bsc_xl.deck.build import build_deck, default_output
    from egov_bsc_xl.workbook.files import atomic_write
    from egov_bsc_xl.workbook.recalc import recalc
    from egov_bsc_xl.workbook.template import build

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise BscError(f"{target} bukan folder (is not a folder).")
    target.mkdir(parents=True, exist_ok=True)
    workbook = target / WORKBOOK_NAME
    draft = target / f".{WORKBOOK_NAME}.draft.xlsm"

    step("build")
    atomic_write(draft, build("id", "native", demo=True))
    try:
        step("recalc")  # recalc validates too: one read of the workbook for both
        result = recalc(draft, output=workbook)
    finally:
        draft.unlink(missing_ok=True)
    if result.analysis.errors:
        raise BscError(f"Data demo memiliki {result.analysis.errors} kesalahan validasi (the demo data has errors).")
    demo = DemoResult(folder=target, workbook=workbook, analysis=result.analysis)
    for audience in ("leadership", "public"):
        step(audience)
        path = default_output(workbook, audience, result.analysis.period.code)
        demo.decks[audience] = build_deck(result.analysis, audience, path)
    return demo
