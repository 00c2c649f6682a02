"""recalc never leaves a half-written file, and says clearly why it cannot write (exit 2)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from egov_bsc_xl import app as recalc_module
from egov_bsc_xl.app import recalc
from egov_bsc_xl.cli import main
from egov_bsc_xl.errors import RecalcError
from egov_bsc_xl.workbook.opc.package import temp_files
from tests.books import sample_book, sample_tables

WRITE_PAUSE = (
    Path(__file__).parents[1] / "write_pause.py"
)  # egov-bsc pausing half-way through a write


class Ran:
    def __init__(self, exit_code: int, output: str):
        self.exit_code, self.output = exit_code, output


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """The egov-bsc entry point (main: exit codes and messages as a user sees them), in process."""

    def invoke(*args: str) -> Ran:
        monkeypatch.setattr(sys, "argv", ["egov-bsc", *args])
        with pytest.raises(SystemExit) as exit_:
            main()
        out = capsys.readouterr()
        return Ran(exit_.value.code, out.out + out.err)

    return invoke


def opens(path: Path) -> None:
    openpyxl.load_workbook(path, keep_vba=True)
    CalamineWorkbook.from_path(str(path), load_tables=True).get_table_by_name(
        "tblMeasurements"
    ).to_python()


def test_open_in_excel_is_refused_with_a_clear_message(book: Path, run) -> None:
    before = book.read_bytes()
    (book.parent / "~$kinerja.xlsm").write_bytes(b"owner")
    result = run("recalc", str(book))
    assert result.exit_code == 2
    assert "Tutup dulu di Excel" in result.output and "Close it in Excel first" in result.output
    assert book.read_bytes() == before


def test_read_only_file_is_refused(book: Path, run) -> None:
    before = book.read_bytes()
    book.chmod(0o444)
    try:
        result = run("recalc", str(book))
    finally:
        book.chmod(0o644)
    assert result.exit_code == 2 and "hanya-baca" in result.output
    assert book.read_bytes() == before


def test_read_only_file_can_still_be_written_elsewhere(book: Path, tmp_path: Path, run) -> None:
    book.chmod(0o444)
    try:
        result = run("recalc", str(book), "--output", str(tmp_path / "out.xlsm"))
    finally:
        book.chmod(0o644)
    assert result.exit_code == 0, result.output
    opens(tmp_path / "out.xlsm")


def test_missing_file_and_non_workbook_exit_2(tmp_path: Path, book: Path, run) -> None:
    assert run("recalc", str(tmp_path / "nope.xlsm")).exit_code == 2
    result = run("recalc", str(book), "--output", str(tmp_path / "no-such-folder" / "out.xlsm"))
    assert result.exit_code == 2 and "no such folder" in result.output
    junk = tmp_path / "junk.xlsm"
    junk.write_text("not a zip")
    result = run("recalc", str(junk))
    assert result.exit_code == 2 and "bukan buku kerja" in result.output


def test_file_vanishing_mid_run_writes_nothing(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = recalc_module.refresh

    def refresh_then_vanish(b, period=None, **kw):
        analysis = real(b, period, **kw)
        book.rename(book.with_name("moved.xlsm"))
        return analysis

    monkeypatch.setattr(recalc_module, "refresh", refresh_then_vanish)
    with pytest.raises(RecalcError, match="hilang"):
        recalc(book)
    assert not book.exists() and not temp_files(book)
    opens(book.with_name("moved.xlsm"))


def test_file_saved_by_someone_else_mid_run_is_not_overwritten(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = recalc_module.refresh

    def refresh_then_touch(b, period=None, **kw):
        analysis = real(b, period, **kw)
        os.utime(book, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
        return analysis

    monkeypatch.setattr(recalc_module, "refresh", refresh_then_touch)
    before = book.read_bytes()
    with pytest.raises(RecalcError, match="berubah"):
        recalc(book)
    assert book.read_bytes() == before


def test_killed_while_writing_leaves_the_old_file(book: Path, run) -> None:
    before = book.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, str(WRITE_PAUSE), "--pause", "30", "--", "recalc", str(book)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not any(t.stat().st_size > 0 for t in temp_files(book)):
        assert proc.poll() is None, "recalc ended before it was killed"
        assert time.monotonic() < deadline, "the temporary file never appeared"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert book.read_bytes() == before
    opens(book)
    # the next run cleans up after the killed one and succeeds
    assert temp_files(book)  # what the killed run left
    assert run("recalc", str(book)).exit_code == 0
    assert not temp_files(book)
    opens(book)


def test_validation_errors_still_write_the_sheets_and_exit_1(tmp_path: Path, run) -> None:
    rows = sample_tables()["tblMeasurements"]
    bad = (
        rows[0],
        [*rows[1], ["K1", "2026-Q2", -5, None, 70, "", ""], ["K9", "2026-Q2", 5, None, 4, "", ""]],
    )
    path = sample_book(tmp_path, tblMeasurements=bad)
    result = run("recalc", str(path))
    assert result.exit_code == 1, result.output
    wb = openpyxl.load_workbook(path)
    # added at the end: sheet positions kept
    assert wb.sheetnames[-3:] == ["Dasbor", "LKjIP", "Validasi"]
    ws = wb["Validasi"]
    assert ws["A2"].value.startswith(("2 kesalahan", "3 kesalahan", "4 kesalahan"))
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=7) if r[0].value]
    severities = [r[1] for r in rows]
    assert severities == sorted(severities, key=lambda s: s != "Kesalahan")  # errors first
    banner = wb["Dasbor"]["A5"]
    assert "kesalahan validasi" in banner.value and banner.hyperlink.location == "'Validasi'!A1"
    link = next(r for r in ws.iter_rows(min_row=7) if r[0].value == "E011")[3]
    assert link.hyperlink is not None and link.hyperlink.location.startswith("'Realisasi'!")
    opens(path)


def test_workbook_without_reserved_sheets_gets_them_added(tmp_path: Path) -> None:
    path = sample_book(tmp_path)
    result = recalc(path)
    assert result.added_sheets == ["Dasbor", "LKjIP", "Validasi"]
    again = recalc(path)
    assert again.added_sheets == []
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames.count("Dasbor") == 1 and wb["Dasbor"]["A1"].value.startswith("Dasbor")
    assert wb.sheetnames.count("LKjIP") == 1  # the second run replaces it
