"""The button entry points and the workbook UDFs, run on the xlwings STAND-IN (tests/xl/xlwings_standin.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from egov_bsc_xl.app import analyse
from egov_bsc_xl.workbook.reading.source import FileSource
from egov_bsc_xl.xl import macros
from egov_bsc_xl.xl.udfs_book import BSC_OVERALL_SCORE, BSC_PERSPECTIVE_SCORES, perspective_scores
from tests.books import sample_book, sample_tables
from tests.workbook.recalc_books import build_book
from tests.xl.xlwings_standin import Book, CallerRange


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_book(tmp_path_factory.mktemp("buttons") / "kinerja.xlsm", stale=False)


@pytest.fixture
def book(demo: Path, tmp_path: Path) -> Book:
    path = tmp_path / "kinerja.xlsm"
    shutil.copy(demo, path)
    return Book(path)


def test_recalculate_button_writes_the_sheets_and_says_so(book: Book) -> None:
    message = macros.recalculate(book)
    assert message == "Dasbor diperbarui untuk TW III 2026. Skor keseluruhan 94,1 % (Sangat Baik)."
    assert book.app.alerts == [(message, "Balanced Scorecard SPBE")]
    assert book._wb["Dasbor"]["B7"].value == pytest.approx(
        0.9406441294743169
    )  # 94,1 %, by hand in test_demo_data
    assert book._wb["LKjIP"]["A1"].value.startswith("Laporan Kinerja (LKjIP)")


def test_validate_button_writes_only_the_validation_sheet(book: Book) -> None:
    before = book._wb["Dasbor"]["A1"].value
    message = macros.validate(book)
    assert message.startswith("Validasi selesai: 0 kesalahan, 2 peringatan")
    assert book._wb["Dasbor"]["A1"].value == before
    assert book._wb["Validasi"]["A2"].value == "0 kesalahan, 2 peringatan"
    assert "LKjIP" not in book._wb.sheetnames  # only Hitung Ulang writes the LKjIP sheet


def test_make_deck_button_saves_the_deck_next_to_the_workbook(book: Book) -> None:
    message = macros.make_deck(book)
    deck = Path(book.fullname).with_name("kinerja-leadership-2026-Q3.pptx")
    public = Path(book.fullname).with_name("kinerja-public-2026-Q3.pptx")
    assert message == f"Presentasi disimpan:\n{deck}\n{public}"
    assert len(Presentation(str(deck)).slides) > 5
    assert 1 <= len(Presentation(str(public)).slides) <= 6


def test_english_workbook_gets_english_messages(tmp_path: Path) -> None:
    book = Book(build_book(tmp_path / "en.xlsm", lang="en", stale=False))
    assert (
        macros.recalculate(book)
        == "Dashboard updated for Q3 2026. Overall score 94.1% (Excellent)."
    )


def test_unusable_workbook_gives_a_message_box_not_a_traceback(tmp_path: Path) -> None:
    tables = sample_tables()
    del tables["tblKpis"]
    from tests.books import write_book

    book = Book(write_book(tmp_path / "broken.xlsx", tables))
    message = macros.recalculate(book)
    assert message.startswith("Gagal: ") and "tblKpis" in message
    assert "Traceback" not in message and book.app.alerts[0][0] == message


def test_unexpected_error_is_logged_and_shown_politely(
    book: Book, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    log_file = tmp_path / "logs" / "buttons.log"
    monkeypatch.setenv(macros.LOG_ENV, str(log_file))

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(macros, "refresh", boom)
    message = macros.recalculate(book)
    assert message.startswith("Terjadi kesalahan tak terduga (RuntimeError)")
    assert message.endswith(str(log_file))  # the message names the file that has the details
    assert "disk on fire" in caplog.text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: disk on fire" in logged


def test_a_failed_check_is_logged_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log_file = tmp_path / "buttons.log"
    monkeypatch.setenv(macros.LOG_ENV, str(log_file))
    tables = sample_tables()
    del tables["tblKpis"]
    from tests.books import write_book

    message = macros.validate(Book(write_book(tmp_path / "broken.xlsx", tables)))
    assert message.startswith("Gagal: ") and "tblKpis" in log_file.read_text(encoding="utf-8")


_BUTTON_PROCESS = """
import sys, warnings
from tests.xl.xlwings_standin import Book
from egov_bsc_xl.xl import macros
def boom(*a, **k):
    warnings.warn("a library warns", UserWarning)
    raise RuntimeError("disk on fire")
macros.refresh = boom
print(macros.recalculate(Book(sys.argv[1])))
"""


def test_the_button_process_writes_nothing_to_stderr_and_exits_0(
    book: Book, tmp_path: Path
) -> None:
    # xlwings on a Mac shows whatever reaches stderr in a second box; on Windows it shows its log only
    # for a non-zero exit and then deletes it. A handled error must leave stderr empty and exit 0.
    import subprocess
    import sys

    log_file = tmp_path / "b.log"
    env = {**os.environ, macros.LOG_ENV: str(log_file), "PYTHONWARNINGS": "default"}
    done = subprocess.run(
        [sys.executable, "-c", _BUTTON_PROCESS, book.fullname],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert str(log_file) in done.stdout
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: disk on fire" in logged and "a library warns" in logged


def test_recalculate_with_validation_errors_points_to_the_validation_sheet(tmp_path: Path) -> None:
    rows = sample_tables()["tblMeasurements"]
    bad = (rows[0], [*rows[1], ["K9", "2026-Q2", 5, None, 4, "", ""]])
    book = Book(sample_book(tmp_path, tblMeasurements=bad))
    message = macros.recalculate(book)
    assert message.startswith("Ditemukan 1 kesalahan")
    assert "Validasi" in [s.name for s in book.sheets]


def test_perspective_scores_udf_spills_the_engine_numbers(book: Book, demo: Path) -> None:
    caller = CallerRange(book.sheets["Dasbor"])
    table = BSC_PERSPECTIVE_SCORES(caller)
    report = analyse(demo).report
    assert table[0] == ["ID", "Perspektif", "Bobot", "Skor", "Status", "Cakupan data"]
    assert [r[0] for r in table[1:]] == [p.id for p in report.perspectives]
    assert [r[3] for r in table[1:]] == [p.score for p in report.perspectives]
    assert perspective_scores(FileSource(demo)) == table


def test_overall_score_udf_takes_a_period_and_reports_bad_input_as_text(
    book: Book, demo: Path
) -> None:
    caller = CallerRange(book.sheets["Dasbor"])
    assert BSC_OVERALL_SCORE(caller) == analyse(demo).report.overall.score
    assert BSC_OVERALL_SCORE(caller, "2026-Q2") == analyse(demo, "2026-Q2").report.overall.score
    assert BSC_OVERALL_SCORE(caller, "TW II 2026") == BSC_OVERALL_SCORE(caller, "2026-Q2")
    bad = BSC_OVERALL_SCORE(caller, "Q9")
    assert isinstance(bad, str) and bad.startswith("#BSC:") and "Q9" in bad


def test_udfs_are_exported_for_the_xlwings_conf_module() -> None:
    import egov_bsc_xl.udfs as udfs

    assert udfs.BSC_PERSPECTIVE_SCORES is BSC_PERSPECTIVE_SCORES
    assert udfs.BSC_OVERALL_SCORE is BSC_OVERALL_SCORE


def test_make_deck_with_validation_errors_still_makes_the_deck_and_says_so(tmp_path: Path) -> None:
    rows = sample_tables()["tblMeasurements"]
    bad = (rows[0], [*rows[1], ["K9", "2026-Q2", 5, None, 4, "", ""]])
    book = Book(sample_book(tmp_path, tblMeasurements=bad))
    message = macros.make_deck(book)
    assert message.startswith("Presentasi disimpan:") and "1 kesalahan validasi" in message
    assert Path(book.fullname).with_name("sample-id-leadership-2026-Q2.pptx").exists()


def test_the_buttons_of_a_parent_roll_its_units_up(tmp_path: Path) -> None:
    """A Pemda's parent workbook (SPEC 9): Hitung Ulang writes the Konsolidasi sheet beside the
    others, and Buat Presentasi adds the units slide to the leadership deck."""
    from egov_bsc_xl.app import demo_family

    family = demo_family(tmp_path)
    parent = next(iter(family.values()))  # the parent comes first, its units beside it
    book = Book(parent)
    message = macros.recalculate(book)
    assert message.startswith("Dasbor diperbarui")
    assert {"Dasbor", "LKjIP", "Validasi", "Konsolidasi"} <= set(book._wb.sheetnames)
    macros.make_deck(book)
    stem = parent.stem
    leadership = next(parent.parent.glob(f"{stem}-leadership-*.pptx"))
    titles = [
        shape.text_frame.text
        for slide in Presentation(str(leadership)).slides
        for shape in slide.shapes
        if shape.has_text_frame and shape == slide.shapes.title
    ]
    assert any(t.startswith("Kinerja unit") for t in titles)
