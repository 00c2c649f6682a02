"""Long names: shorten() is linear and bounded, titles and messages stay on the slide, big strategy maps stay readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from ooxml_integrity.pptx_checks import check_pptx
from pptx import Presentation
from pptx.util import Emu

from egov_bsc_xl.app import analysis_of as deck_data
from egov_bsc_xl.deck.build import build_deck
from egov_bsc_xl.deck.tables import _chars_per_line, _lines, fit_paragraphs, shorten
from egov_bsc_xl.model import Objective

from .helpers import slide_titled, title_of
from .sample_card import sample_card

EXCEL_MAX = 32_767
LAYOUT_CODES = {"PPT001", "PPT003", "PPT004", "PPT006"}


def long_text(seed: str, length: int = EXCEL_MAX) -> str:
    words = f"{seed} meningkatkan kualitas layanan publik berbasis elektronik yang terpadu dan "
    return (words * (length // len(words) + 1))[:length]


@pytest.mark.parametrize(
    "text",
    [
        long_text("IKU", 1_000_000),
        "x" * 1_000_000,
        " " * 500_000 + "kata akhir",
        "\x0b".join(["kata"] * 100_000),
    ],
)
@pytest.mark.parametrize(("width", "size", "lines"), [(3.1, 12, 2), (1.5, 10, 3), (12.0, 26, 1)])
def test_shorten_keeps_at_most_the_lines_asked_for(text, width, size, lines):
    shown = shorten(text, width, size, lines)
    assert _lines(shown, width, size) <= lines
    assert len(shown) <= lines * (_chars_per_line(width, size) + 1)
    assert shown.endswith("…") or shown == "kata akhir"


def test_shorten_cuts_between_words_and_keeps_what_fits():
    assert shorten("Indeks kepuasan masyarakat", 3.1, 12, 2) == "Indeks kepuasan masyarakat"
    shown = shorten(long_text("IKU-01"), 3.1, 12, 2)
    assert shown.startswith("IKU-01 meningkatkan kualitas") and shown.endswith(" …")
    assert long_text("IKU-01").startswith(shown[:-2])
    assert shorten("A" * 500, 2.0, 12, 2) == "A" * (2 * _chars_per_line(2.0, 12) - 1) + "…"


def test_fit_paragraphs_shares_the_box_between_long_paragraphs():
    items = [long_text("satu"), "pendek", long_text("dua")]
    shown = fit_paragraphs(items, 7.5, 4.0, 18, spacing_pt=12)
    assert shown[1] == "pendek"
    total = sum(_lines(s, 7.5, 18) for s in shown)
    assert total * 18 * 1.2 / 72 + 2 * 12 / 72 <= 4.0
    assert fit_paragraphs(["a b", "c"], 7.5, 4.0, 18) == ["a b", "c"]


def long_card(n_kpis: int = 16):
    card = sample_card(n_kpis)
    card.profile.agency = long_text("Dinas")
    card.profile.unit = long_text("Bidang")
    for item in (*card.perspectives, *card.objectives, *card.kpis, *card.initiatives):
        item.name = long_text(item.id)
    for kpi in card.kpis:
        kpi.owner = long_text("Kepala")
    return card


@pytest.fixture(scope="module")
def long_decks(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("long")
    data = deck_data(long_card())
    return {
        audience: build_deck(data, audience, folder / f"{audience}.pptx")
        for audience in ("leadership", "public")
    }


def inside_slide(prs) -> list[str]:
    width, height = prs.slide_width, prs.slide_height
    return [
        f"{title_of(slide)[:40]}/{shape.name}"
        for slide in prs.slides
        for shape in slide.shapes
        if shape.left is not None
        and (
            shape.left < 0
            or shape.top < 0
            or shape.left + shape.width > width
            or shape.top + shape.height > height
        )
    ]


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_names_of_excel_maximum_length_stay_inside_the_slides(long_decks, audience):
    path = long_decks[audience]
    prs = Presentation(str(path))
    assert inside_slide(prs) == []
    for slide in prs.slides:
        assert len(title_of(slide)) < 200
        for shape in slide.shapes:
            if shape.has_text_frame:
                assert len(shape.text_frame.text) < 1500, (title_of(slide)[:40], shape.name)
    findings = [
        f"{f.code} {f.where}: {f.message}" for f in check_pptx(path) if f.code in LAYOUT_CODES
    ]
    assert findings == []


def test_long_perspective_title_is_cut_and_smaller(long_decks):
    prs = Presentation(str(long_decks["leadership"]))
    slide = slide_titled(prs, "Perspektif P1 meningkatkan")[0]
    title = slide.shapes.title
    assert title_of(slide).endswith("…")
    sizes = {
        run.font.size.pt for p in title.text_frame.paragraphs for run in p.runs if run.font.size
    }
    assert sizes and max(sizes) < 26
    lines = _lines(title_of(slide), Emu(title.width).inches - 0.2, int(max(sizes)))
    assert lines * max(sizes) * 1.2 / 72 <= Emu(title.height).inches - 0.1


def test_key_messages_keep_their_scores_with_long_names(long_decks):
    prs = Presentation(str(long_decks["leadership"]))
    box = next(
        s for slide in prs.slides for s in slide.shapes if s.name == "Pesan Kunci / Key messages"
    )
    text = box.text_frame.text
    assert "%" in text and "…" in text


def crowded_card(per_lane: int, lanes: tuple[str, ...] = ("P1",)):
    card = sample_card(16)
    for lane in lanes:
        for number in range(per_lane - sum(1 for o in card.objectives if o.perspective_id == lane)):
            card.objectives.append(
                Objective(
                    id=f"S{lane[1:]}.{number + 10}",
                    perspective_id=lane,
                    name=f"Sasaran strategis tambahan nomor {number + 10} bidang layanan",
                )
            )
    return card


def map_boxes(slide):
    return [s for s in slide.shapes if s.name.startswith("Sasaran ")]


def test_twenty_objectives_in_a_lane_stay_readable_on_one_slide(tmp_path):
    path = build_deck(deck_data(crowded_card(20)), "leadership", tmp_path / "crowded.pptx")
    prs = Presentation(str(path))
    maps = slide_titled(prs, "Peta Strategi")
    assert len(maps) == 1
    boxes = map_boxes(maps[0])
    assert len(boxes) == 20 + 6
    assert min(Emu(b.width).inches for b in boxes) >= 1.0
    assert min(Emu(b.height).inches for b in boxes) >= 0.45
    lane = [b for b in boxes if b.name.startswith("Sasaran S1.")]
    assert len({b.top for b in lane}) == 3  # three rows of at most seven
    for box in boxes:  # no two boxes overlap
        for other in boxes:
            if box is not other:
                assert (
                    box.left + box.width <= other.left
                    or other.left + other.width <= box.left
                    or box.top + box.height <= other.top
                    or other.top + other.height <= box.top
                )
    findings = [
        f"{f.code} {f.where}: {f.message}"
        for f in check_pptx(path)
        if f.code in LAYOUT_CODES
        and f.where.startswith(f"slide{list(prs.slides).index(maps[0]) + 1}/")
    ]
    assert findings == []


def test_twenty_objectives_in_every_lane_continue_on_a_second_slide(tmp_path):
    card = crowded_card(20, ("P1", "P2", "P3", "P4"))
    prs = Presentation(str(build_deck(deck_data(card), "leadership", tmp_path / "full.pptx")))
    maps = slide_titled(prs, "Peta Strategi")
    assert len(maps) == 2 and title_of(maps[1]).endswith("(lanjutan)")
    shown = [b.name for slide in maps for b in map_boxes(slide)]
    assert sorted(shown) == sorted(f"Sasaran {o.id}" for o in card.objectives)
    assert min(Emu(b.width).inches for slide in maps for b in map_boxes(slide)) >= 1.0


def test_a_lane_of_130_objectives_is_split_over_slides_with_readable_boxes(tmp_path):
    card = crowded_card(130)
    path = build_deck(deck_data(card), "leadership", tmp_path / "huge.pptx")
    prs = Presentation(str(path))
    maps = slide_titled(prs, "Peta Strategi")
    assert (
        len(maps) == 4
    )  # P1: 42, 42, 42, then 4 objectives (1 row) with the three other lanes (1 row each)
    shown = [b.name for slide in maps for b in map_boxes(slide)]
    assert sorted(shown) == sorted(f"Sasaran {o.id}" for o in card.objectives)
    assert min(Emu(b.width).inches for slide in maps for b in map_boxes(slide)) >= 1.0
    assert min(Emu(b.height).inches for slide in maps for b in map_boxes(slide)) >= 0.6
