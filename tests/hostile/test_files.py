"""Files around the workbook: overwriting, symbolic links, temp files of failed runs, backups,
Excel's owner file and the Mark of the Web. Each refusal is one sentence naming the file, exit 2,
no traceback, nothing changed."""

from __future__ import annotations

import errno
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.errors import WriteError
from egov_bsc_xl.workbook.opc import files
from egov_bsc_xl.workbook.opc.files import atomic_write, excel_owner_file, made_by_product
from tests.books import sample_book
from tests.hostile.safety_helpers import Ran, complete_zip, leftovers, no_traceback, run_cli


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_book(tmp_path_factory.mktemp("files"))


@pytest.fixture
def book(original: Path, tmp_path: Path) -> Path:
    path = tmp_path / "kinerja.xlsx"
    shutil.copy(original, path)
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    return lambda *args: run_cli(capsys, monkeypatch, *args)


def docx(path: Path) -> Path:
    """Someone's report: a Word document (a zip, but not the product's)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document>laporan</w:document>")
    return path


def refused(result: Ran, name: str, *words: str) -> bool:
    return (
        result.exit_code == 2
        and name in result.output
        and no_traceback(result.output)
        and all(w in result.output for w in words)
    )


# ---------------------------------------------------------------- --output and --force


def test_recalc_output_refuses_a_file_the_product_did_not_make(
    book: Path, tmp_path: Path, run
) -> None:
    for other in (docx(tmp_path / "laporan.xlsx"), tmp_path / "catatan.xlsm"):
        if not other.exists():
            other.write_text("catatan pribadi")
        before = other.read_bytes()
        result = run("recalc", str(book), "--output", str(other))
        assert refused(
            result, other.name, "tidak dibuat oleh egov-bsc", "--force", "was not made by egov-bsc"
        )
        assert other.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_recalc_output_replaces_its_own_file_and_anything_with_force(
    book: Path, tmp_path: Path, run
) -> None:
    out = tmp_path / "hasil.xlsx"
    assert run("recalc", str(book), "--output", str(out)).exit_code == 0
    assert made_by_product(out)
    assert (
        run("recalc", str(book), "--output", str(out)).exit_code == 0
    )  # ours: replaced without --force
    other = docx(tmp_path / "laporan.xlsx")
    assert run("recalc", str(book), "--output", str(other), "--force").exit_code == 0
    assert "Dasbor" in openpyxl.load_workbook(other).sheetnames
    assert leftovers(tmp_path) == []


def test_output_that_is_a_folder_is_refused(book: Path, tmp_path: Path, run) -> None:
    (tmp_path / "keluaran.xlsx").mkdir()
    result = run("recalc", str(book), "--output", str(tmp_path / "keluaran.xlsx"))
    assert refused(result, "keluaran.xlsx", "folder")


def test_deck_output_refuses_another_file_and_replaces_its_own(
    book: Path, tmp_path: Path, run
) -> None:
    other = tmp_path / "laporan.pptx"
    other.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: someone's file, not a deck of ours
    result = run("deck", str(book), "--output", str(other))
    assert refused(result, "laporan.pptx", "--force")
    assert other.read_bytes() == b"PK\x05\x06" + bytes(18)
    deck = tmp_path / "paparan.pptx"
    stale = tmp_path / ".paparan.pptx.egov-bsc-0123abcd.tmp"  # left by a killed run
    assert run("deck", str(book), "--output", str(deck)).exit_code == 0
    stale.write_bytes(b"half a deck")
    assert made_by_product(deck)
    assert run("deck", str(book), "--output", str(deck)).exit_code == 0  # its own deck: replaced
    assert not stale.exists() and leftovers(tmp_path) == []
    assert run("deck", str(book), "--output", str(other), "--force").exit_code == 0
    assert made_by_product(other)


# ---------------------------------------------------------------- symbolic links


def test_recalc_of_a_symlink_writes_the_real_workbook_and_keeps_the_link(
    book: Path, tmp_path: Path, run
) -> None:
    shared = tmp_path / "bersama"
    shared.mkdir()
    real = shared / "kinerja.xlsx"
    book.rename(real)
    link = tmp_path / "pintasan.xlsx"
    link.symlink_to(real)
    before = real.read_bytes()
    result = run("recalc", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert "Dasbor" in openpyxl.load_workbook(real).sheetnames
    assert (
        shared / "kinerja.bak.xlsx"
    ).read_bytes() == before  # the backup sits beside the real file
    assert leftovers(tmp_path) == [] and leftovers(shared) == []


# ---------------------------------------------------------------- what failed runs leave


def test_stale_temp_files_of_earlier_runs_are_removed_and_others_kept(book: Path, run) -> None:
    folder = book.parent
    stale = [
        ".kinerja.xlsx.egov-bsc.tmp",
        ".kinerja.xlsx.egov-bsc-5f3a9c0e12ab.tmp",
        ".kinerja.xlsx.tmp",
        ".kinerja.bak.xlsx.egov-bsc.tmp",
    ]
    for name in stale:
        (folder / name).write_bytes(b"PK half")
    unrelated = [".lain.xlsx.egov-bsc.tmp", "kinerja.xlsx.tmp", ".kinerja.xlsx.mine"]
    for name in unrelated:
        (folder / name).write_bytes(b"keep")
    assert run("recalc", str(book)).exit_code == 0
    assert [n for n in stale if (folder / n).exists()] == []
    assert all((folder / n).read_bytes() == b"keep" for n in unrelated)


def test_a_full_disk_in_new_leaves_nothing_and_says_so(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".new.xlsm.tmp").write_bytes(b"left by 0.1.0 when the disk was full")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("new", str(tmp_path / "new.xlsm"))
    assert refused(result, "new.xlsm", "disk penuh", "the disk is full")
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nor the old temp file, nor a new one
    monkeypatch.undo()
    assert run("new", str(tmp_path / "new.xlsm")).exit_code == 0 and complete_zip(
        tmp_path / "new.xlsm"
    )


def test_a_backup_name_taken_by_a_folder_is_refused_before_anything_is_written(
    book: Path, run
) -> None:
    before = book.read_bytes()
    (book.parent / "kinerja.bak.xlsx").mkdir()
    result = run("recalc", str(book))
    assert refused(result, "kinerja.bak.xlsx", "folder", "tidak diubah", "was not changed")
    assert book.read_bytes() == before and leftovers(book.parent) == []


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")

    def half(fh) -> None:
        fh.write(b"new, but")
        raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(WriteError, match="a.xlsx"):
        atomic_write(target, half, backup=tmp_path / "a.bak.xlsx")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == [
        "a.xlsx"
    ]


# ---------------------------------------------------------------- Excel's owner file


def test_only_excels_own_owner_file_name_blocks_a_workbook(book: Path, run) -> None:
    folder = book.parent
    for other in (
        "~$nerja.xlsx",
        "~$inerja.xlsx",
        "~$ok.xlsx",
    ):  # Word's shortened names, other books
        (folder / other).write_bytes(b"owner")
    assert excel_owner_file(book) is None
    assert run("recalc", str(book)).exit_code == 0
    (folder / "~$kinerja.xlsx").write_bytes(b"owner")
    assert excel_owner_file(book) == folder / "~$kinerja.xlsx"
    before = book.read_bytes()
    result = run("recalc", str(book))
    assert refused(result, "kinerja.xlsx", "Tutup dulu di Excel")
    assert book.read_bytes() == before


def test_ok_owner_file_does_not_block_book(tmp_path: Path) -> None:
    (tmp_path / "~$ok.xlsm").write_bytes(b"owner")
    assert excel_owner_file(tmp_path / "book.xlsm") is None
    assert excel_owner_file(tmp_path / "ok.xlsm") == tmp_path / "~$ok.xlsm"


# ---------------------------------------------------------------- the Mark of the Web


class XattrStreams:
    """Alternate data streams played by Linux extended attributes (they follow the file's inode
    through a rename, as an NTFS stream follows its file); records every write."""

    def __init__(self) -> None:
        self.writes: list[tuple[str, str]] = []

    def read(self, path: Path, name: str) -> bytes | None:
        try:
            return os.getxattr(path, f"user.{name}")
        except OSError:
            return None

    def write(self, path: Path, name: str, data: bytes) -> None:
        self.writes.append((path.name, name))
        os.setxattr(path, f"user.{name}", data)


ZONE = b"[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=https://contoh.go.id/kinerja.xlsx\r\n"


def test_recalc_keeps_the_mark_of_the_web(book: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = XattrStreams()
    monkeypatch.setattr(files, "streams", fake)
    fake.write(book, "Zone.Identifier", ZONE)
    fake.writes.clear()
    inode = book.stat().st_ino
    assert run("recalc", str(book)).exit_code == 0
    assert book.stat().st_ino != inode  # a new file was renamed over the workbook ...
    assert fake.read(book, "Zone.Identifier") == ZONE  # ... and it carries the mark
    assert len(fake.writes) == 1 and fake.writes[0][0].startswith(
        ".kinerja.xlsx.egov-bsc-"
    )  # on the temp file


def test_a_file_without_a_mark_gets_none(book: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = XattrStreams()
    monkeypatch.setattr(files, "streams", fake)
    assert run("recalc", str(book)).exit_code == 0
    assert fake.writes == [] and fake.read(book, "Zone.Identifier") is None


def test_temp_files_of_a_live_run_on_the_backup_name_are_left_alone(book: Path) -> None:
    import threading

    from egov_bsc_xl.workbook.opc.files import remove_stale_temp_files, workbook_lock

    live = book.parent / ".kinerja.bak.xlsx.egov-bsc-00aa11bb22cc.tmp"
    live.write_bytes(b"being written")
    holding, release = threading.Event(), threading.Event()

    def other_run() -> None:  # someone recalculates the backup file itself
        with workbook_lock(book.parent / "kinerja.bak.xlsx"):
            holding.set()
            release.wait(60)

    thread = threading.Thread(target=other_run)
    thread.start()
    try:
        assert holding.wait(60)
        with workbook_lock(book):
            assert remove_stale_temp_files(book) == []
    finally:
        release.set()
        thread.join(60)
    assert live.exists()
    with workbook_lock(book):
        assert remove_stale_temp_files(book) == [live]
