"""Zip-part surgery: unchanged parts are copied as stored, the write is atomic, one backup is kept."""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from egov_bsc_xl.workbook.opc.deflate import deflate
from egov_bsc_xl.workbook.opc.package import Package, backup_path, temp_files, write_atomically


def make_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(
                name, data, compress_type=zipfile.ZIP_STORED if name.endswith(".bin") else None
            )
    return path


def stored(path: Path, name: str) -> tuple[int, int, int, bytes]:
    """(CRC, compressed size, type, compressed bytes) of a member, as it sits in the file."""
    with zipfile.ZipFile(path) as zf, open(path, "rb") as fh:
        info = zf.getinfo(name)
        fh.seek(info.header_offset + 26)
        n, m = int.from_bytes(fh.read(2), "little"), int.from_bytes(fh.read(2), "little")
        fh.seek(info.header_offset + 30 + n + m)
        return info.CRC, info.compress_size, info.compress_type, fh.read(info.compress_size)


def assert_written(out: Path, original: Path, names: list[str], part: str, data: bytes) -> None:
    """`out` is a sound zip of `names` in that order, `part` holds `data`, and every other part
    it kept from `original` sits in it as stored there (compressed bytes and all)."""
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        assert zf.namelist() == names
        assert zf.read(part) == data
    with zipfile.ZipFile(original) as zf:
        kept = [name for name in names if name != part and name in zf.namelist()]
    assert kept
    for name in kept:
        assert stored(out, name) == stored(original, name)


@pytest.fixture
def package_file(tmp_path: Path) -> Path:
    return make_zip(
        tmp_path / "book.xlsm",
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook>" + b"x" * 5000 + b"</workbook>",
            "xl/vbaProject.bin": bytes(range(256)) * 40,
            "xl/media/image1.png": b"\x89PNG" + bytes(300),
        },
    )


def test_unchanged_parts_are_copied_as_stored_and_changed_ones_replaced(
    package_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.xlsm"
    with Package(package_file) as pkg:
        pkg.set("xl/workbook.xml", b"<workbook>new</workbook>")
        pkg.set("xl/charts/chart9.xml", b"<chart/>")
        pkg.delete("xl/media/image1.png")
        write_atomically(pkg, out)
    names = ["[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin", "xl/charts/chart9.xml"]
    assert_written(out, package_file, names, "xl/workbook.xml", b"<workbook>new</workbook>")
    with zipfile.ZipFile(out) as zf:
        assert zf.read("xl/charts/chart9.xml") == b"<chart/>"


def test_a_part_deflated_in_pieces_is_written_as_stored(package_file: Path, tmp_path: Path) -> None:
    """recalc's big sheet: deflated piece by piece (opc.deflate), held compressed, written raw."""
    new = b"<workbook>" + b"y" * 300_000 + b"</workbook>"
    pieces = [new[:7], memoryview(new)[7:200_000], new[200_000:]]
    out = tmp_path / "out.xlsm"
    with Package(package_file) as pkg:
        pkg.read("xl/workbook.xml")
        pkg.set_deflated("xl/workbook.xml", deflate(pieces))
        assert pkg.read("xl/workbook.xml") == new
        write_atomically(pkg, out)
    names = ["[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin", "xl/media/image1.png"]
    assert_written(out, package_file, names, "xl/workbook.xml", new)
    with zipfile.ZipFile(out) as zf:
        assert zf.getinfo("xl/workbook.xml").compress_type == zipfile.ZIP_DEFLATED


def test_a_failing_piece_leaves_the_part_as_it_was(package_file: Path) -> None:
    def pieces() -> Iterator[bytes]:
        yield b"<workbook>"
        raise ValueError("stop")

    with Package(package_file) as pkg:
        with pytest.raises(ValueError):
            pkg.set_deflated("xl/workbook.xml", deflate(pieces()))
        assert pkg.changed == {}


def test_setting_the_same_bytes_changes_nothing(package_file: Path, tmp_path: Path) -> None:
    with Package(package_file) as pkg:
        pkg.set("xl/workbook.xml", pkg.read("xl/workbook.xml"))
        assert pkg.changed == {}
        write_atomically(pkg, tmp_path / "same.xlsm")
    assert (tmp_path / "same.xlsm").read_bytes() == package_file.read_bytes()


def test_in_place_write_keeps_one_backup_generation_and_the_file_mode(package_file: Path) -> None:
    package_file.chmod(0o640)
    first = package_file.read_bytes()
    for text in (b"<a/>", b"<b/>"):
        previous = package_file.read_bytes()
        with Package(package_file) as pkg:
            pkg.set("xl/workbook.xml", text)
            write_atomically(pkg, package_file, backup_path(package_file))
        assert backup_path(package_file).read_bytes() == previous
    assert backup_path(package_file).name == "book.bak.xlsm"
    assert backup_path(package_file).read_bytes() != first  # one generation only
    assert stat.S_IMODE(package_file.stat().st_mode) == 0o640
    assert sorted(p.name for p in package_file.parent.iterdir()) == ["book.bak.xlsm", "book.xlsm"]


def test_a_write_cancelled_before_the_rename_leaves_the_target_and_no_temp(
    package_file: Path,
) -> None:
    before = package_file.read_bytes()

    def cancel() -> None:
        raise RuntimeError("source changed")

    with Package(package_file) as pkg:
        pkg.set("xl/workbook.xml", b"<changed/>")
        with pytest.raises(RuntimeError):
            write_atomically(pkg, package_file, backup_path(package_file), before_replace=cancel)
    assert package_file.read_bytes() == before
    assert not temp_files(package_file) and not backup_path(package_file).exists()
