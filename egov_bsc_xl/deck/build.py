"""Build a briefing deck from an analysis: `build_deck(analysis, audience, output, master) -> Path`.

The deck renders the same Analysis as the dashboard (app.analyse, or app.analysis_of for a
scorecard made in code); it scores nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_bsc_xl.deck.base import Deck, DeckSource
from egov_bsc_xl.deck.leadership import build_leadership
from egov_bsc_xl.deck.output import deterministic_bytes, set_core_properties, write_atomically
from egov_bsc_xl.deck.public import build_public
from egov_bsc_xl.i18n.formats import display_text

if TYPE_CHECKING:
    from egov_bsc_xl.model.consolidation import ConsolidationReport

AUDIENCES: dict[str, Callable[[Deck], None]] = {
    "leadership": build_leadership,
    "public": build_public,
}


def period_code(source: DeckSource) -> str:
    return source.period.code


def default_output(workbook: str | Path, audience: str, period: str) -> Path:
    """`<stem>-leadership-<period>.pptx` next to the workbook."""
    path = Path(workbook)
    return path.with_name(f"{path.stem}-{audience}-{period}.pptx")


def render_deck(
    source: DeckSource,
    audience: str = "leadership",
    master: str | Path | None = None,
    base_dir: str | Path | None = None,
    *,
    allow_logo_outside: bool = False,
    on_warning: Callable[[str], None] | None = None,
    units: ConsolidationReport | None = None,
) -> Any:
    """The python-pptx Presentation of the deck (not saved).

    The profile's logo is read from `base_dir` (the workbook's folder) and must lie inside it
    unless `allow_logo_outside`; a logo that is outside, missing or unreadable is left out and
    reported through `on_warning` (default: a DeckWarning). `units`: a parent workbook's
    consolidation (SPEC 9); the leadership deck then gets the units slide (deck/units.py).
    """
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCES)}, not {audience!r}")
    deck = Deck(
        source,
        Path(master) if master else None,
        Path(base_dir) if base_dir else None,
        allow_logo_outside=allow_logo_outside,
        on_warning=on_warning,
    )
    if audience == "leadership":
        build_leadership(deck)
        from egov_bsc_xl.deck.units import add_units_slides

        add_units_slides(deck, units)
    else:
        AUDIENCES[audience](deck)
    title_key = "deck_title_leadership" if audience == "leadership" else "deck_title_public"
    agency = deck.card.profile.agency or "egov-bsc-xl"
    set_core_properties(
        deck.prs,
        title=display_text(f"{deck.t(title_key)} – {deck.period.label(deck.lang)}"),
        author=display_text(agency),
        when=deck.report_date,
    )
    return deck.prs


def deck_bytes(
    source: DeckSource,
    audience: str = "leadership",
    master: str | Path | None = None,
    base_dir: str | Path | None = None,
    *,
    allow_logo_outside: bool = False,
    on_warning: Callable[[str], None] | None = None,
    units: ConsolidationReport | None = None,
) -> bytes:
    """The .pptx file's bytes; the same source gives the same bytes."""
    return deterministic_bytes(
        render_deck(
            source,
            audience,
            master,
            base_dir,
            allow_logo_outside=allow_logo_outside,
            on_warning=on_warning,
            units=units,
        )
    )


def build_deck(
    analysis: DeckSource,
    audience: str = "leadership",
    output: str | Path | None = None,
    master: str | Path | None = None,
    base_dir: str | Path | None = None,
    *,
    allow_logo_outside: bool = False,
    on_warning: Callable[[str], None] | None = None,
    units: ConsolidationReport | None = None,
) -> Path:
    """Write the `audience` deck of `analysis` to `output` (default: ./egov-bsc-<audience>-<period>.pptx).

    `base_dir` is the workbook's folder: the profile's logo is read from it and must lie inside it
    unless `allow_logo_outside` (default: the output's folder). A logo left out is reported
    through `on_warning`. `units`: a parent workbook's consolidation (the units slide).
    """
    target = (
        Path(output) if output else Path.cwd() / f"egov-bsc-{audience}-{period_code(analysis)}.pptx"
    )
    folder = Path(base_dir) if base_dir else target.parent
    blob = deck_bytes(
        analysis,
        audience,
        master,
        folder,
        allow_logo_outside=allow_logo_outside,
        on_warning=on_warning,
        units=units,
    )
    return write_atomically(blob, target)
