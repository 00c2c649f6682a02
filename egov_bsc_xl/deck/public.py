"""The public summary deck: at most six slides (and the feedback channel), no budget figures, no
internal owner names, no KPI marked not public."""

from __future__ import annotations

import re

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Pt

from egov_bsc_xl.deck.base import BOTTOM, LEFT, TOP, WIDTH, Deck, box
from egov_bsc_xl.deck.charts import band_bar_chart
from egov_bsc_xl.deck.common import (
    key_messages_box,
    kpi_achievement_chart,
    kpi_table,
    perspective_scores_slide,
    score_panel,
    title_slide,
)
from egov_bsc_xl.deck.master import GREY, LAYOUT_SECTION, TEAL
from egov_bsc_xl.deck.messages import key_messages, kpis_below
from egov_bsc_xl.deck.tables import add_table, fit_paragraphs, paginate, shorten
from egov_bsc_xl.i18n.formats import display_text
from egov_bsc_xl.model.report import ScoreReport

MAX_SLIDES = 7  # six, and the feedback channel's slide when the profile names one
MAX_PROGRAMMES = 8
_CUSTOMER = re.compile(
    r"pelanggan|customer|masyarakat|citizen|pengguna|user|layanan|service|stakeholder", re.I
)


def customer_perspective_id(deck: Deck) -> str | None:
    """The perspective that holds the citizens' service KPIs (by its id or name, else the first one)."""
    active = sorted((p for p in deck.card.perspectives if p.active), key=lambda p: (p.order, p.id))
    for perspective in active:
        if _CUSTOMER.search(perspective.id) or _CUSTOMER.search(perspective.name):
            return perspective.id
    return active[0].id if active else None


def overall_slide(deck: Deck) -> None:
    slide = deck.slide(deck.t("public_overall", period=deck.period.label(deck.lang)))
    score_panel(deck, slide, LEFT, TOP, 4.3, BOTTOM - TOP)
    lines = [deck.t("public_intro", period=deck.period.label(deck.lang))]
    lines += key_messages(deck, public=True)  # first the LKjIP sentence of the public KPIs
    key_messages_box(deck, slide, lines[:5])


def services_slide(deck: Deck) -> None:
    perspective_id = customer_perspective_id(deck)
    results = [k for k in deck.report.kpis if k.perspective_id == perspective_id]
    columns, rows = kpi_table(deck, results)
    slide = deck.slide(deck.t("public_services"))
    pages = paginate(rows, columns, BOTTOM - TOP - 0.4, balance=False)
    if pages:  # one slide only: the first page of the citizens' KPIs
        frame = add_table(slide, LEFT, TOP, columns, pages[0], name="Tabel Layanan / Service table")
        chart_h = min(max(frame.height / 914400 + 0.3, 2.2), BOTTOM - TOP)
        if len(rows) > len(pages[0]):
            deck.text(
                slide,
                box(LEFT, BOTTOM - 0.35, 8.0, 0.35),
                deck.t("public_more", n=len(rows) - len(pages[0])),
                size=12,
                colour=GREY,
            )
        kpi_achievement_chart(
            deck, slide, results[: len(pages[0])], box(LEFT + 8.45, TOP, WIDTH - 8.45, chart_h)
        )


def improving_slide(deck: Deck) -> None:
    slide = deck.slide(deck.t("public_improving"))
    results = {r.id: r for r in deck.report.initiatives}
    shown = [(i, results[i.id]) for i in deck.card.initiatives if i.id in results][:MAX_PROGRAMMES]
    deck.text(
        slide,
        box(LEFT, TOP - 0.1, 7.5, 0.4),
        deck.t("public_improve_note"),
        size=14,
        colour=GREY,
        bold=True,
    )
    if shown:  # progress only: no budget, no owners
        band_bar_chart(
            slide,
            box(LEFT, TOP + 0.35, 7.6, min(BOTTOM - TOP - 0.35, 0.75 * len(shown) + 0.8)),
            [shorten(i.name, 2.6, 12, 2) for i, _ in shown],
            [r.progress for _, r in shown],
            [str(TEAL)] * len(shown),
            [deck.pct(r.progress, 0) for _, r in shown],
            horizontal=True,
            name="Progres Program / Programme progress",
        )
    else:
        deck.text(slide, box(LEFT, TOP + 0.5, 7.5, 0.6), deck.t("public_no_initiatives"), size=16)
    names = {k.id: k.name for k in deck.card.kpis}
    below = kpis_below(deck)[:5]
    if below:
        focus = [names[k.id] for k in below]
        deck.text(
            slide,
            box(LEFT + 8.0, TOP - 0.1, WIDTH - 8.0, 0.4),
            deck.t("public_focus"),
            size=14,
            colour=GREY,
            bold=True,
        )
        deck.text(
            slide,
            box(LEFT + 8.0, TOP + 0.4, WIDTH - 8.0, BOTTOM - TOP - 0.4),
            focus,
            size=18,
            bullets=True,
            spacing=8,
            name="Fokus / Focus",
            fit=True,
        )


def closing_slide(deck: Deck) -> None:
    slide = deck.slide(deck.t("public_closing"), LAYOUT_SECTION, keep=(PP_PLACEHOLDER.BODY,))
    lines = [deck.t("public_thanks"), deck.t("public_feedback")]
    profile = deck.card.profile
    lines = [
        display_text(line) for line in lines + [profile.agency, profile.unit] if display_text(line)
    ]
    bodies = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.BODY]
    if bodies:
        lines = fit_paragraphs(
            lines, Emu(bodies[0].width).inches - 0.2, Emu(bodies[0].height).inches, 20
        )
        frame = bodies[0].text_frame
        frame.word_wrap = True
        frame.text = display_text(lines[0])
        for line in lines[1:]:
            frame.add_paragraph().text = display_text(line)
    else:
        deck.text(slide, box(5.8, 1.2, 7.0, 5.2), lines, size=20, fit=True)


def feedback_slide(deck: Deck) -> None:
    """The last slide: where citizens send feedback (the profile's feedback_channel); none when empty."""
    channel = display_text(deck.card.profile.feedback_channel or "").strip()
    if not channel:
        return
    slide = deck.slide(deck.t("public_feedback_title"), LAYOUT_SECTION, keep=(PP_PLACEHOLDER.BODY,))
    line = deck.t("public_feedback_channel", channel=channel)
    bodies = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.BODY]
    if bodies:
        shown = fit_paragraphs(
            [line], Emu(bodies[0].width).inches - 0.2, Emu(bodies[0].height).inches, 24
        )
        frame = bodies[0].text_frame
        frame.word_wrap = True
        frame.text = display_text(shown[0])
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(24)
    else:
        deck.text(slide, box(5.8, 1.2, 7.0, 5.2), line, size=24, fit=True)


def public_report(deck: Deck) -> ScoreReport:
    """The report without the KPIs marked not public (Kpi.public = False): they appear in no table,
    chart or count of the public deck. The perspective and overall scores stay the engine's."""
    hidden = {k.id for k in deck.card.kpis if not k.public}
    if not hidden:
        return deck.report
    kept = [k for k in deck.report.kpis if k.id not in hidden]
    return deck.report.model_copy(update={"kpis": kept})


def build_public(deck: Deck) -> None:
    """The public deck: title, overall result, perspective scores, services, improvements, thanks,
    and the feedback channel when the profile names one."""
    deck.report = public_report(deck)
    title_slide(deck, deck.t("deck_title_public"))
    overall_slide(deck)
    perspective_scores_slide(deck, deck.t("perspective_scores"), show_weight=False)
    services_slide(deck)
    improving_slide(deck)
    closing_slide(deck)
    feedback_slide(deck)
    assert len(deck.prs.slides) <= MAX_SLIDES
