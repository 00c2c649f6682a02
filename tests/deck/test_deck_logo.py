"""The profile's logo: only from the workbook's folder unless allowed; an unreadable one is left out with a warning."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from typer.testing import CliRunner

from egov_bsc_xl.app import analysis_of as deck_data
from egov_bsc_xl.cli import app
from egov_bsc_xl.deck.base import DeckWarning
from egov_bsc_xl.deck.build import build_deck
from egov_bsc_xl.deck.logo import check_logo
from egov_bsc_xl.errors import LogoProblem

from ..books import sample_book, sample_tables
from ..ooxml_check import assert_valid_ooxml
from .sample_card import sample_card


def has_logo(path: Path) -> bool:
    prs = Presentation(str(path))
    return any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in prs.slides[0].shapes) or any(
        s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in prs.slide_master.shapes
    )


def png(path: Path, size=(200, 100)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (11, 46, 89)).save(path)
    return path


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that declares width x height pixels (a few bytes on disk, gigabytes once decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    return path


def deck_with_logo(folder: Path, logo: str, **options) -> tuple[Path, list[str]]:
    card = sample_card(16)
    card.profile.logo = logo
    notes: list[str] = []
    out = build_deck(
        deck_data(card),
        "leadership",
        folder / "out" / "deck.pptx",
        base_dir=folder,
        on_warning=notes.append,
        **options,
    )
    return out, notes


def test_logo_in_the_workbook_folder_or_below_is_placed(tmp_path):
    png(tmp_path / "gambar" / "logo.png")
    path, notes = deck_with_logo(tmp_path, "gambar/logo.png")
    assert has_logo(path) and notes == []
    assert_valid_ooxml(path)


def test_logo_outside_the_workbook_folder_is_left_out_unless_allowed(tmp_path):
    folder = tmp_path / "buku"
    folder.mkdir()
    outside = png(tmp_path / "elsewhere" / "logo.png")
    for raw in (str(outside), "../elsewhere/logo.png"):
        path, notes = deck_with_logo(folder, raw)
        assert not has_logo(path)
        assert (
            len(notes) == 1
            and "luar folder buku kerja" in notes[0]
            and "outside the workbook's folder" in notes[0]
        )
        assert raw in notes[0] and "--allow-logo-outside" in notes[0]
    path, notes = deck_with_logo(folder, str(outside), allow_logo_outside=True)
    assert has_logo(path) and notes == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_inside_the_folder_to_a_file_outside_counts_as_outside(tmp_path):
    folder = tmp_path / "buku"
    folder.mkdir()
    (folder / "logo.png").symlink_to(png(tmp_path / "secret.png"))
    path, notes = deck_with_logo(folder, "logo.png")
    assert not has_logo(path) and "luar folder" in notes[0]


def unreadable_logos(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "teks.png").write_text("bukan gambar, hanya teks\n")
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    )
    (folder / "svg-bernama.png").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    )
    Image.new("RGB", (40, 20), (1, 2, 3)).save(folder / "logo.webp", "WEBP")
    Image.new("RGB", (40, 20), (1, 2, 3)).save(folder / "webp-bernama.png", "WEBP")
    png_header_only(folder / "raksasa.png", 30_000, 30_000)
    Image.new("L", (30_000, 2), 255).save(folder / "lebar.png")
    good = png(folder / "terpotong-asli.png", (300, 300))
    (folder / "terpotong.png").write_bytes(good.read_bytes()[:200])
    (folder / "kosong.png").write_bytes(b"")
    (folder / "map.png").mkdir()
    return {
        name: folder / name
        for name in (
            "teks.png",
            "logo.svg",
            "svg-bernama.png",
            "logo.webp",
            "webp-bernama.png",
            "raksasa.png",
            "lebar.png",
            "terpotong.png",
            "kosong.png",
            "map.png",
            "tidak-ada.png",
        )
    }


def test_unreadable_logos_are_left_out_with_a_warning_and_the_deck_is_written(tmp_path):
    for name in unreadable_logos(tmp_path):
        path, notes = deck_with_logo(tmp_path, name)
        assert path.is_file() and not has_logo(path), name
        assert (
            len(notes) == 1 and notes[0].startswith("Logo tidak dipasang:") and name in notes[0]
        ), (name, notes)
        assert "(logo left out:" in notes[0]


def test_check_logo_says_why(tmp_path):
    logos = unreadable_logos(tmp_path)
    with pytest.raises(LogoProblem, match="30000 × 30000|too large"):
        check_logo("raksasa.png", tmp_path)
    with pytest.raises(LogoProblem, match="WEBP"):
        check_logo("webp-bernama.png", tmp_path)
    with pytest.raises(LogoProblem, match="not a readable image"):
        check_logo("teks.png", tmp_path)
    with pytest.raises(LogoProblem, match="not found"):
        check_logo("tidak-ada.png", tmp_path)
    assert logos
    assert check_logo("terpotong-asli.png", tmp_path) == (tmp_path / "terpotong-asli.png").resolve()


def test_without_a_handler_a_left_out_logo_is_a_deck_warning(tmp_path):
    (tmp_path / "teks.png").write_text("teks")
    card = sample_card(16)
    card.profile.logo = "teks.png"
    with pytest.warns(DeckWarning, match="teks.png"):
        build_deck(deck_data(card), "public", tmp_path / "d.pptx", base_dir=tmp_path)


def profile_with_logo(logo: str):
    keys, rows = sample_tables()["tblProfile"]
    return keys, [*rows, ["logo", "Logo", logo]]


def test_deck_command_warns_and_writes_the_deck_without_the_outside_logo(tmp_path):
    folder = tmp_path / "buku"
    folder.mkdir()
    outside = png(tmp_path / "lain" / "logo.png")
    book = sample_book(folder, tblProfile=profile_with_logo(str(outside)))
    runner = CliRunner()
    result = runner.invoke(app, ["deck", str(book), "--output", str(folder / "d.pptx")])
    assert result.exit_code == 0, result.output
    assert "luar folder buku kerja" in result.stderr and str(outside) in result.stderr
    assert not has_logo(folder / "d.pptx")
    result = runner.invoke(
        app, ["deck", str(book), "--output", str(folder / "e.pptx"), "--allow-logo-outside"]
    )
    assert result.exit_code == 0, result.output
    assert has_logo(folder / "e.pptx") and "Logo" not in result.stderr


def test_deck_command_survives_a_text_file_named_png(tmp_path):
    (tmp_path / "logo.png").write_text("bukan gambar")
    book = sample_book(tmp_path, tblProfile=profile_with_logo("logo.png"))
    result = CliRunner().invoke(app, ["deck", str(book), "--output", str(tmp_path / "d.pptx")])
    assert result.exit_code == 0 and (tmp_path / "d.pptx").is_file()
    assert (
        "Logo tidak dipasang" in result.stderr and "Traceback" not in result.output + result.stderr
    )
