"""The deck being built: master and layouts, slides with title and page number, text and number helpers."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Length, Pt

from egov_bsc_xl.deck.logo import check_logo
from egov_bsc_xl.deck.master import (
    AGENCY_SHAPE,
    DEFAULT_MASTER,
    FONT,
    INK,
    LAYOUT_CONTENT,
    LAYOUT_SECTION,
    LAYOUT_TITLE_ONLY,
    PAGE_SHAPE,
    REQUIRED_LAYOUTS,
)
from egov_bsc_xl.errors import LogoProblem, UnusableInput
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.i18n.deck_texts import text
from egov_bsc_xl.i18n.formats import display_text, fmt_date, fmt_money, fmt_number, fmt_percent
from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.report import ScoreReport, TrendPoint
from egov_bsc_xl.model.scorecard import Band, Scorecard, is_light

# Content area of a slide (inches): below the title's accent bar, above the footer rule.
LEFT, TOP, WIDTH, BOTTOM = 0.5, 1.4, 12.333, 6.85


class DeckWarning(UserWarning):
    """Something was left out of a deck (an unreadable logo); the deck is still written."""


class DeckSource(Protocol):
    """What a deck is made from: `egov_bsc_xl.workbook.reading.analysis.Analysis` (app.analyse, app.analysis_of)."""

    @property
    def card(self) -> Scorecard: ...
    @property
    def report(self) -> ScoreReport | None: ...
    @property
    def trend(self) -> list[TrendPoint]: ...
    @property
    def period(self) -> Period: ...
    @property
    def language(self) -> str: ...
    @property
    def issues(self) -> list[Issue]: ...


def box(
    left: float, top: float, width: float, height: float
) -> tuple[Length, Length, Length, Length]:
    """A shape's (left, top, width, height) from inches."""
    return Inches(left), Inches(top), Inches(width), Inches(height)


def text_colour_on(fill_hex: str) -> RGBColor:
    """White or dark text, whichever reads better on `fill_hex` (yellow bands get dark text)."""
    return INK if is_light(fill_hex) else RGBColor(0xFF, 0xFF, 0xFF)


class Deck:
    """One presentation under construction for one DeckSource."""

    def __init__(
        self,
        source: DeckSource,
        master: Path | None = None,
        base_dir: Path | None = None,
        *,
        allow_logo_outside: bool = False,
        on_warning: Callable[[str], None] | None = None,
    ):
        """on_warning: called with each warning (a logo left out); default: `warnings.warn(DeckWarning)`."""
        self.source = source
        self.warnings: list[str] = []
        self._on_warning = on_warning
        self.allow_logo_outside = allow_logo_outside
        self.card: Scorecard = source.card
        if source.report is None:
            raise UnusableInput(both("msg.deck.no_scores") + ".")
        self.report: ScoreReport = source.report
        self.trend: list[TrendPoint] = list(source.trend or [])
        self.lang = pick(source.language, "id", "en")
        self.period: Period = source.period
        self.report_date: dt.date = self.card.profile.report_date or self.period.end
        self.issues: list[Issue] = list(source.issues or [])
        self.base_dir = base_dir  # a relative logo path is read from here (the workbook's folder)
        self.master_path = Path(master) if master else DEFAULT_MASTER
        self.prs = self._open_master(self.master_path)
        self._layouts = {layout.name: layout for layout in self.prs.slide_layouts}
        self.logo = self._check_logo()
        self._fill_master()

    # --- master ---------------------------------------------------------------------------
    def _open_master(self, path: Path) -> Any:
        if not path.is_file():
            raise UnusableInput(self.t_err("err_master_missing", path=path))
        try:
            prs = Presentation(str(path))
        except Exception as exc:  # python-pptx raises several kinds for a non-pptx file
            raise UnusableInput(self.t_err("err_master_not_pptx", path=path, reason=exc)) from exc
        names = [layout.name for layout in prs.slide_layouts]
        missing = [name for name in REQUIRED_LAYOUTS if name not in names]
        if missing:
            raise UnusableInput(
                self.t_err(
                    "err_master_layouts",
                    name=path.name,
                    missing=", ".join(missing),
                    layouts=", ".join(names),
                )
            )
        slide_ids = prs.slides._sldIdLst
        for slide_id in list(slide_ids):  # a user's master may carry example slides
            prs.part.drop_rel(slide_id.rId)
            slide_ids.remove(slide_id)
        return prs

    def t_err(self, key: str, **fields: object) -> str:
        """An error about the master, possibly before the deck's language is set (then Indonesian)."""
        return text(key, getattr(self, "lang", "id"), **fields)

    def _fill_master(self) -> None:
        agency = self.card.profile.agency or ""
        unit = self.card.profile.unit or ""
        footer = " · ".join(part for part in (agency, unit) if part)
        for shape in self.prs.slide_master.shapes:
            if shape.name == AGENCY_SHAPE and shape.has_text_frame:
                runs = shape.text_frame.paragraphs[0].runs
                from egov_bsc_xl.deck.tables import shorten  # tables builds on this module

                footer = shorten(footer, Emu(shape.width).inches - 0.2, 10, 1)
                if runs:
                    runs[0].text = display_text(footer)
                    for extra in runs[1:]:
                        extra.text = ""
                else:
                    shape.text_frame.text = display_text(footer)
        logo = self.logo_path()
        if logo is not None:  # top right of content slides; the title slide gets its own copy
            placed = _add_master_picture(
                self.prs.slide_master,
                logo,
                self.prs.slide_width - Inches(0.5) - Inches(1.6),
                Inches(0.22),
                Inches(0.75),
            )
            if placed is None:
                self.warn(both("msg.logo.unreadable_master", logo=logo))
                self.logo = None

    def warn(self, message: str) -> None:
        """Report a problem that leaves something out of the deck but does not stop it."""
        self.warnings.append(message)
        if self._on_warning is not None:
            self._on_warning(message)
        else:
            warnings.warn(message, DeckWarning, stacklevel=3)

    def _check_logo(self) -> Path | None:
        raw = display_text(self.card.profile.logo or "")
        if not raw:
            return None
        try:
            return check_logo(raw, self.base_dir, self.allow_logo_outside)
        except LogoProblem as problem:
            self.warn(str(problem))
            return None

    def logo_path(self) -> Path | None:
        """The profile's logo once checked (egov_bsc_xl.deck.logo), None when there is none or it was left out."""
        return self.logo

    def layout(self, name: str) -> Any:
        layout = self._layouts.get(name)
        if layout is None and name == LAYOUT_TITLE_ONLY:
            layout = self._layouts[LAYOUT_CONTENT]
        if layout is None:
            raise UnusableInput(f"layout {name!r} missing in {self.master_path.name}")
        return layout

    # --- slides ---------------------------------------------------------------------------
    def slide(
        self, title: str, layout: str = LAYOUT_TITLE_ONLY, keep: Sequence[PP_PLACEHOLDER] = ()
    ) -> Any:
        """A new slide with `title`; placeholders other than the title (and `keep` types) are removed."""
        slide = self.prs.slides.add_slide(self.layout(layout))
        for shape in list(slide.placeholders):
            ptype = shape.placeholder_format.type
            if ptype in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                base = (
                    36
                    if ptype == PP_PLACEHOLDER.CENTER_TITLE
                    else 32
                    if layout == LAYOUT_SECTION
                    else 26
                )
                _fit_title(shape, display_text(title), base)
            elif ptype not in keep:
                shape._element.getparent().remove(shape._element)
        self._page_number(slide)
        return slide

    def _page_number(self, slide: Any) -> None:
        number = len(self.prs.slides)
        if number == 1:
            return
        geometry = None
        for shape in self.prs.slide_master.shapes:
            if shape.name == PAGE_SHAPE:
                geometry = (shape.left, shape.top, shape.width, shape.height)
        if geometry is None:
            geometry = box(11.33, 7.06, 1.5, 0.36)
        self.text(
            slide,
            geometry,
            str(number),
            size=10,
            colour=RGBColor(0x5F, 0x6B, 0x7A),
            align=PP_ALIGN.RIGHT,
            name="Nomor Halaman / Page number",
        )

    def text(
        self,
        slide: Any,
        geometry: Any,
        paragraphs: str | Sequence[str],
        *,
        size: int = 16,
        colour: RGBColor = INK,
        bold: bool = False,
        align: Any = PP_ALIGN.LEFT,
        anchor: Any = MSO_ANCHOR.TOP,
        name: str | None = None,
        bullets: bool = False,
        spacing: int = 0,
        fit: bool = False,
    ) -> Any:
        """A text box; each paragraph a line (with a bullet sign when `bullets`).

        fit: shorten the paragraphs (with an ellipsis) so that they stay inside the box, for texts
        that carry names of any length.
        """
        shape = slide.shapes.add_textbox(*geometry)
        if name:
            shape.name = name
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = Inches(0.05)
        items = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
        if fit:
            from egov_bsc_xl.deck.tables import fit_paragraphs  # tables builds on this module

            items = fit_paragraphs(
                items,
                Emu(geometry[2]).inches - 0.1,
                Emu(geometry[3]).inches,
                size,
                spacing,
                indent_in=size * 1.65 / 72 if bullets else 0.0,
            )
        for index, item in enumerate(items):
            para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            para.alignment = align
            if spacing:
                para.space_after = Pt(spacing)
            run = para.add_run()
            run.text = ("•  " + display_text(item)) if bullets else display_text(item)
            font = run.font
            font.size, font.bold, font.name = Pt(size), bold, FONT
            font.color.rgb = colour
        return shape

    # --- words and numbers --------------------------------------------------------------------
    def t(self, key: str, **fields: object) -> str:
        return text(key, self.lang, **fields)

    def pct(self, fraction: float | None, decimals: int = 1) -> str:
        return fmt_percent(fraction, self.lang, decimals)

    def num(self, value: float | None) -> str:
        if value is None or value != value:
            return "–"
        decimals = (
            0
            if float(value).is_integer()
            else (1 if abs(value * 10 - round(value * 10)) < 1e-9 else 2)
        )
        return fmt_number(value, self.lang, decimals)

    def money(self, amount: float | None) -> str:
        return fmt_money(amount, self.lang)

    def date(self, day: dt.date | None) -> str:
        return fmt_date(day, self.lang)

    def band(self, score: float | None) -> Band:
        return self.card.settings.band(score)

    def threshold(self) -> float:
        """The setting attention_below (default 100 %): below it a KPI needs attention (calc.attention)."""
        return self.card.settings.attention_below

    def perspective_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.card.perspectives}


def _fit_title(shape: Any, title: str, size: int) -> None:
    """`title` in its placeholder: at the master's `size` when it fits, else smaller (down to 16 pt)
    and, for a title still too long, cut with an ellipsis; it never runs out of its box."""
    from egov_bsc_xl.deck.tables import _lines, shorten  # tables builds on this module

    if not shape.width or not shape.height:  # a user's master without a size for its title
        shape.text_frame.text = shorten(title, 12.0, size, 2)
        return
    width, height = Emu(shape.width).inches - 0.2, Emu(shape.height).inches - 0.1
    chosen = size
    while chosen > 16 and _lines(title, width, chosen) * chosen * 1.2 / 72 > height:
        chosen -= 2
    lines = max(int(height / (chosen * 1.2 / 72)), 1)
    shown = shorten(title, width, chosen, lines) if _lines(title, width, chosen) > lines else title
    shape.text_frame.text = shown
    if chosen != size:
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(chosen)


def _add_master_picture(master: Any, path: Path, left: int, top: int, height: int) -> Any:
    """Put the logo on the master (top right of content slides); None when the image is unreadable."""
    from pptx.parts.image import Image  # local: only decks with a logo need it

    try:
        image = Image.from_file(str(path))
    except Exception:
        return None
    _, rel_id = master.part.get_or_add_image_part(str(path))
    width = int(height * image.size[0] / max(image.size[1], 1))
    from pptx.oxml.shapes.picture import CT_Picture

    tree = master.shapes._spTree
    ids = [int(v) for v in tree.xpath(".//p:cNvPr/@id") if str(v).isdigit()]
    pic = CT_Picture.new_pic(
        max(ids, default=1) + 1,
        "Logo",
        "logo",
        rel_id,
        left + int(Inches(1.6)) - width,
        top,
        width,
        int(height),
    )
    tree.append(pic)
    return pic
