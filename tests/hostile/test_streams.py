"""Parts recalc does not own are copied as streams (memory bounded by what is read, not by the
file), and a part that inflates absurdly is refused with a sentence."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from egov_bsc_xl.errors import PartRefused
from egov_bsc_xl.workbook.opc.limits import MAX_PART_BYTES, check_part
from egov_bsc_xl.workbook.opc.package import Package, write_atomically
from tests.books import sample_book
from tests.hostile.safety_helpers import complete_zip, leftovers, no_traceback, run_cli

MiB = 1024 * 1024
VIDEO = "xl/media/video1.bin"


def _with_part(book: Path, out: Path, name: str, block: bytes, count: int, level: int) -> Path:
    """`book` plus one part of `count` x `block`, written as a stream (the test holds 1 MiB)."""
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = level  # type: ignore[attr-defined]
        with dst.open(info, "w") as fh:
            for _ in range(count):
                fh.write(block)
    return out


def _video_block() -> bytes:
    """1 MiB that deflates about 33 times (16 random bytes in every 800): a big part that is
    legitimate by its ratio, small on disk, quick to write."""
    rng = hashlib.sha256(b"egov-bsc").digest()
    out = bytearray()
    i = 0
    while len(out) < MiB:
        out += hashlib.sha256(rng + i.to_bytes(4, "little")).digest()[:16] + bytes(784)
        i += 1
    return bytes(out[:MiB])


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_book(tmp_path_factory.mktemp("streams"))


def _peak_of_recalc(path: Path) -> int:
    """Peak resident memory (bytes) of `egov-bsc recalc PATH` in a fresh process, measured by a
    parent process of its own (RUSAGE_CHILDREN of the test process would hold other tests' peaks)."""
    code = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run([sys.executable, '-m', 'egov_bsc_xl.cli', 'recalc', sys.argv[1]],"
        " capture_output=True)\n"
        "assert r.returncode == 0, r.stderr.decode()\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1]) * 1024  # ru_maxrss is in KiB on Linux


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB (Linux)")
def test_a_big_part_is_copied_as_a_stream_with_bounded_memory(plain: Path, tmp_path: Path) -> None:
    size = 400 * MiB
    book = _with_part(plain, tmp_path / "kinerja.xlsx", VIDEO, _video_block(), size // MiB, 1)
    with zipfile.ZipFile(book) as zf:
        stored = zf.getinfo(VIDEO)
    assert stored.file_size == size and stored.compress_size < 20 * MiB
    small = tmp_path / "kecil.xlsx"
    shutil.copy(plain, small)
    base = _peak_of_recalc(small)
    peak = _peak_of_recalc(book)
    # 0.1.0 held the whole inflated part (400 MiB) and more; a stream costs a few MiB
    assert peak < base + 64 * MiB, (base, peak)
    with zipfile.ZipFile(book) as zf:
        copied = zf.getinfo(VIDEO)
        assert b'name="Dasbor"' in zf.read("xl/workbook.xml")  # and recalc did its work
    assert (copied.CRC, copied.compress_size, copied.file_size) == (
        stored.CRC,
        stored.compress_size,
        stored.file_size,
    )
    assert leftovers(tmp_path) == []


def test_a_part_that_inflates_absurdly_is_refused_with_a_sentence(
    plain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    book = _with_part(plain, tmp_path / "kinerja.xlsx", "xl/media/bom.bin", bytes(MiB), 300, 1)
    before = book.stat().st_size, hashlib.sha256(book.read_bytes()).hexdigest()
    result = run_cli(capsys, monkeypatch, "recalc", str(book))
    assert result.exit_code == 2 and no_traceback(result.output)
    assert "kinerja.xlsx" in result.output and "xl/media/bom.bin" in result.output
    assert "bom zip" in result.output and "zip bomb" in result.output
    assert (book.stat().st_size, hashlib.sha256(book.read_bytes()).hexdigest()) == before
    assert leftovers(tmp_path) == []


def test_a_part_claiming_more_than_the_size_limit_is_refused() -> None:
    info = zipfile.ZipInfo("xl/media/huge.bin")
    info.file_size, info.compress_size = MAX_PART_BYTES + 1, MAX_PART_BYTES + 1
    with pytest.raises(
        PartRefused, match=r"kinerja\.xlsm: bagian xl/media/huge\.bin .* melebihi batas"
    ):
        check_part(info, Path("/data/kinerja.xlsm"))
    small = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    small.file_size, small.compress_size = 8 * MiB, 10_000  # regular XML: ratio 800, but small
    check_part(small, "kinerja.xlsm")


def test_a_part_in_another_compression_is_re_deflated_as_a_stream(tmp_path: Path) -> None:
    src = tmp_path / "in.xlsx"
    data = os.urandom(3000) * 50
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("xl/media/x.bin", data, compress_type=zipfile.ZIP_BZIP2)
    out = tmp_path / "out.xlsx"
    with Package(src) as pkg:
        write_atomically(pkg, out)
    with zipfile.ZipFile(out) as zf:
        assert zf.getinfo("xl/media/x.bin").compress_type == zipfile.ZIP_DEFLATED
        assert zf.read("xl/media/x.bin") == data
    assert complete_zip(out)
