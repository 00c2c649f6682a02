"""Two runs on one workbook: the lock makes the second wait or be refused; the file is always complete."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.app import recalc
from egov_bsc_xl.errors import BusyError
from egov_bsc_xl.workbook.opc.files import is_locked, lock_path, workbook_lock
from tests.books import sample_book
from tests.hostile.safety_helpers import complete_zip, leftovers, no_traceback, run_cli

WRITE_PAUSE = (
    Path(__file__).parents[1] / "write_pause.py"
)  # egov-bsc pausing half-way through a write


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_book(tmp_path_factory.mktemp("conc"))


@pytest.fixture
def book(original: Path, tmp_path: Path) -> Path:
    path = tmp_path / "kinerja.xlsx"
    shutil.copy(original, path)
    return path


def _wait_for(path: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while not path.exists():
        assert proc.poll() is None, "the first run ended before it reached the gate"
        assert time.monotonic() < deadline, "the first run never reached the gate"
        time.sleep(0.02)


def test_second_recalc_while_the_first_writes_is_refused_and_the_file_stays_complete(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race of 0.1.0 (both runs wrote `.NAME.egov-bsc.tmp`), built deterministically: run A is
    stopped half-way through writing its temp file (a test gate), run B starts then."""
    before = book.read_bytes()
    gate = tmp_path / "gate"
    first = subprocess.Popen(
        [sys.executable, str(WRITE_PAUSE), "--gate", str(gate), "--", "recalc", str(book)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(gate.with_name("gate.reached"), first)
        assert is_locked(book)
        second = run_cli(capsys, monkeypatch, "recalc", str(book))
        assert second.exit_code == 2
        assert (
            "kinerja.xlsx" in second.output
            and "sedang ditulis oleh proses egov-bsc lain" in second.output
        )
        assert "being written by another egov-bsc run" in second.output and no_traceback(
            second.output
        )
        assert book.read_bytes() == before  # B wrote nothing; A has not replaced the file yet
        gate.touch()
        out, err = first.communicate(timeout=120)
    finally:
        gate.touch()
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, err.decode()
    assert complete_zip(book) and "Dasbor" in openpyxl.load_workbook(book).sheetnames
    assert leftovers(book.parent) == []
    assert (
        run_cli(capsys, monkeypatch, "recalc", str(book)).exit_code == 0
    )  # and the next run goes through


def test_the_lock_excludes_other_holders_until_released_and_a_waiter_then_gets_it(
    tmp_path: Path,
) -> None:
    target = tmp_path / "kinerja.xlsm"
    target.write_bytes(b"x")
    holding, release = threading.Event(), threading.Event()
    order: list[str] = []

    def holder() -> None:
        with workbook_lock(target):
            holding.set()
            release.wait(60)
            order.append("released")

    def waiter() -> None:
        with workbook_lock(target, wait=60):
            order.append("acquired")

    first = threading.Thread(target=holder)
    first.start()
    assert holding.wait(60)
    with pytest.raises(BusyError, match="kinerja.xlsm"), workbook_lock(target):
        pass
    second = threading.Thread(target=waiter)
    second.start()
    release.set()
    first.join(60)
    second.join(60)
    assert order == ["released", "acquired"]
    assert not lock_path(target).exists() and not is_locked(target)


def test_the_lock_is_reentrant_in_one_thread(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    with workbook_lock(target), workbook_lock(target):
        assert is_locked(target)
    assert not is_locked(target) and not lock_path(target).exists()


def test_a_killed_run_does_not_keep_the_file_locked(tmp_path: Path) -> None:
    target = tmp_path / "kinerja.xlsm"
    code = (
        "import sys, time; from egov_bsc_xl.workbook.opc.files import workbook_lock\n"
        f"with workbook_lock({str(target)!r}):\n    print('held', flush=True); time.sleep(120)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"held"
        assert is_locked(target)
        proc.send_signal(signal.SIGKILL)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(60)
        assert proc.stdout is not None
        proc.stdout.close()
    assert lock_path(target).exists()  # the dead run's lock file is left, but not locked
    assert not is_locked(target)
    with workbook_lock(target):
        pass
    assert not lock_path(target).exists()


def test_recalc_of_a_busy_file_waits_when_asked(book: Path) -> None:
    release = threading.Event()
    holding = threading.Event()

    def holder() -> None:
        with workbook_lock(book):
            holding.set()
            release.wait(60)

    thread = threading.Thread(target=holder)
    thread.start()
    assert holding.wait(60)
    with pytest.raises(BusyError):
        recalc(book)
    timer = threading.Timer(0.2, release.set)
    timer.start()
    result = recalc(book, wait=60)  # waits for the holder, then reads and writes the file
    thread.join(60)
    assert result.path == book and complete_zip(book)


def test_clicking_recalculate_while_a_run_is_busy_says_so_and_writes_nothing(
    tmp_path: Path,
) -> None:
    from egov_bsc_xl.xl import macros
    from tests.workbook.recalc_books import build_book
    from tests.xl.xlwings_standin import Book

    path = build_book(tmp_path / "kinerja.xlsm", stale=False)
    book = Book(path)
    before = book._wb["Dasbor"]["B7"].value
    holding, release = threading.Event(), threading.Event()

    def first_click() -> None:  # the first click's run, still busy with the workbook
        with workbook_lock(path):
            holding.set()
            release.wait(60)

    thread = threading.Thread(target=first_click)
    thread.start()
    try:
        assert holding.wait(60)
        message = macros.recalculate(book)
    finally:
        release.set()
        thread.join(60)
    assert (
        message.startswith("Gagal: ") and "sedang ditulis" in message and "kinerja.xlsm" in message
    )
    assert book.app.alerts[-1][0] == message
    assert book._wb["Dasbor"]["B7"].value == before
    assert macros.recalculate(book).startswith("Dasbor diperbarui")  # once the first run is done
    assert leftovers(tmp_path) == []
