"""`egov-bsc deck`: default output next to the workbook, audiences, errors that still give a deck, exit 2."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pytest
from pptx import Presentation

from egov_bsc_xl.cli import main

from ..books import sample_book, sample_tables
from .helpers import slide_titled, tables, titles


@pytest.fixture
def run(monkeypatch, capsys):
    """`egov-bsc deck ARGS` in-process through the real entry point: (returncode, stdout, stderr)."""

    def call(*args):
        monkeypatch.setattr(sys, "argv", ["egov-bsc", "deck", *map(str, args)])
        with pytest.raises(SystemExit) as stop:
            main()
        captured = capsys.readouterr()
        return SimpleNamespace(returncode=stop.value.code, stdout=captured.out, stderr=captured.err)

    return call


def test_console_script_runs_the_deck_command(tmp_path):
    book = sample_book(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "egov_bsc_xl.cli", "deck", str(book), "--audience", "public"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "sample-id-public-2026-Q2.pptx").is_file()


def test_deck_written_next_to_the_workbook(tmp_path, run):
    book = sample_book(tmp_path)
    out = run(book)
    assert out.returncode == 0, out.stderr
    target = tmp_path / "sample-id-leadership-2026-Q2.pptx"
    assert target.is_file() and str(target.name) in out.stdout
    prs = Presentation(str(target))
    assert titles(prs)[1] == "Ringkasan Eksekutif"
    public = tmp_path / "out" / "publik.pptx"
    out = run(book, "--audience", "public", "--output", public, "--period", "2026-Q1")
    assert out.returncode == 0, out.stderr
    assert titles(Presentation(str(public)))[1] == "Hasil Kinerja TW I 2026"


def test_workbook_with_validation_errors_still_gets_a_deck_with_the_errors(tmp_path, run):
    tables_ = sample_tables()
    keys, rows = tables_["tblKpis"]
    rows = [list(r) for r in rows]
    rows[1][5] = "abc"  # weight of K2: E021
    book = sample_book(tmp_path, tblKpis=(keys, rows))
    target = tmp_path / "d.pptx"
    out = run(book, "--output", target)
    assert out.returncode == 0, out.stderr
    assert "kesalahan validasi" in out.stderr
    slide = slide_titled(Presentation(str(target)), "Kualitas Data")[0]
    table = tables(slide)[0].table
    assert table.cell(1, 0).text == "E021" and table.cell(1, 1).text == "IKU!F3"


def test_unusable_input_exits_2_with_a_clear_message(tmp_path, run):
    out = run(tmp_path / "nothere.xlsx")
    assert out.returncode == 2 and "nothere.xlsx" in out.stderr and "Traceback" not in out.stderr
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    out = run(fake)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    book = sample_book(tmp_path)
    out = run(book, "--audience", "board")
    assert out.returncode == 2 and "--audience" in out.stderr
    out = run(book, "--master", fake)
    assert out.returncode == 2 and "fake.xlsx" in out.stderr and "Traceback" not in out.stderr
    assert not list(tmp_path.glob("*.pptx"))


def test_errors_that_leave_nothing_to_score_exit_1_without_a_deck(tmp_path, run):
    keys, _ = sample_tables()["tblKpis"]
    book = sample_book(tmp_path, tblKpis=(keys, []))
    out = run(book)
    assert out.returncode == 1
    assert "presentasi tidak dibuat" in out.stderr
    assert not list(tmp_path.glob("*.pptx"))
