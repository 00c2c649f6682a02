"""The VBA project is written in the version-independent form Office recompiles from source
([MS-OVBA] 2.3.4.1 _VBA_PROJECT, 2.3.4.2.3 dir stream module records, 2.3.4.3 module streams),
read back here with olefile and oletools, and `egov-bsc update-vba` keeps everything else."""

from __future__ import annotations

import io
import struct
import threading
import warnings
import zipfile
from pathlib import Path

import olefile
import pytest
import xlwings
from pyopenvba import ExcelFile
from pyopenvba.vba import decompress

from egov_bsc_xl.errors import BusyError
from egov_bsc_xl.workbook.opc.files import workbook_lock
from egov_bsc_xl.workbook.template.build import build_template
from egov_bsc_xl.workbook.writing.vba import VBA_PART, update_vba, vba_project
from tests.cli_run import egov_bsc


def _dir_modules(ole: olefile.OleFileIO) -> list[dict[str, object]]:
    """The module records of the dir stream: stream name, MODULEOFFSET, MODULECOOKIE; and PROJECTCOOKIE."""
    raw = decompress(ole.openstream("VBA/dir").read())
    pos, modules, current = 0, [], None
    project_cookie = None
    while pos + 6 <= len(raw):
        rid, size = struct.unpack_from("<HI", raw, pos)
        if rid == 0x0009:  # PROJECTVERSION: Reserved(4) = 4, then 6 bytes of version
            size = 6
        body = raw[pos + 6 : pos + 6 + size]
        if rid == 0x0013:
            project_cookie = struct.unpack("<H", body)[0]
        elif rid == 0x0019:
            current = {"name": body.decode("cp1252")}
            modules.append(current)
        elif rid == 0x001A and current is not None:
            current["stream"] = body.decode("cp1252")
        elif rid == 0x0031 and current is not None:
            current["offset"] = struct.unpack("<I", body)[0]
        elif rid == 0x002C and current is not None:
            current["cookie"] = struct.unpack("<H", body)[0]
        elif rid == 0x0010:
            break
        pos += 6 + size
    assert project_cookie == 0xFFFF, "PROJECTCOOKIE MUST be 0xFFFF on write"
    return modules


def _check_form(data: bytes) -> dict[str, str]:
    ole = olefile.OleFileIO(io.BytesIO(data))
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes(
        [0xCC, 0x61, 0xFF, 0xFF, 0x00, 0x01, 0x00]
    )
    assert not [e for e in ole.listdir() if e[-1].lower().startswith("__srp_")]
    sources = {}
    modules = _dir_modules(ole)
    assert modules
    for module in modules:
        assert module["offset"] == 0 and module["cookie"] == 0xFFFF, module
        stream = ole.openstream(f"VBA/{module['stream']}").read()
        # MODULEOFFSET 0: the whole stream is the CompressedSourceCode, no PerformanceCache before it
        text = decompress(stream[module["offset"] :]).decode("cp1252")
        assert text.startswith("Attribute VB_Name"), module
        sources[str(module["name"])] = text
    ole.close()
    return sources


@pytest.mark.parametrize("standalone", [False, True])
def test_project_is_in_source_only_form(standalone: bool) -> None:
    sources = _check_form(vba_project(15, standalone=standalone))
    assert "BscButtons" in sources and "xlwings_udfs" in sources
    assert ("xlwings" in sources) is standalone


def _olevba(path: Path) -> dict[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # oletools uses deprecated pyparsing names
        from oletools.olevba import VBA_Parser

        parser = VBA_Parser(str(path))
        found = {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
        parser.close()
    return found


def test_olevba_reads_the_same_source_as_the_dir_stream_points_to(tmp_path: Path) -> None:
    path = build_template(tmp_path / "b.xlsm", "id")
    with zipfile.ZipFile(path) as zf:
        sources = _check_form(zf.read(VBA_PART))
    found = _olevba(path)
    for name in ("BscButtons", "BscXlwings", "xlwings_udfs", "ThisWorkbook"):
        assert found[name].replace("\r\n", "\n").strip() in sources[name].replace("\r\n", "\n")


def _addin_reference(name: str, path: str) -> bytes:
    """REFERENCENAME + REFERENCEPROJECT records ([MS-OVBA] 2.3.4.2.2), as 0.1.0 wrote them."""

    def record(rid: int, body: bytes) -> bytes:
        return struct.pack("<HI", rid, len(body)) + body

    libid = f"*\\C{path}".encode("cp1252")
    body = (
        struct.pack("<I", len(libid))
        + libid
        + struct.pack("<I", len(libid))
        + libid
        + struct.pack("<IH", 0xFFFFFFFF, 0)
    )
    return (
        record(0x16, name.encode("cp1252"))
        + record(0x3E, name.encode("utf-16-le"))
        + record(0x0E, body)
    )


@pytest.fixture
def old_book(tmp_path: Path) -> Path:
    """A workbook as 0.1.0 wrote it: a project reference to the xlwings add-in."""
    from pyopenvba._references import module_offset

    target = build_template(tmp_path / "Kinerja 2026.xlsm", "id")
    with ExcelFile(target) as book:
        raw, _ = book._reference_data()
        at = module_offset(raw)
        book._write_reference_data(
            raw[:at] + _addin_reference("xlwings", "xlwings.xlam") + raw[at:]
        )
        book.save()
    with ExcelFile(target) as book:
        assert "xlwings" in {r.name for r in book.references()}
    return target


def test_update_vba_changes_only_the_vba_part_and_keeps_a_backup(old_book: Path) -> None:
    before = old_book.read_bytes()
    result = update_vba(old_book)
    assert result.backup is not None and result.backup.read_bytes() == before
    with zipfile.ZipFile(io.BytesIO(before)) as a, zipfile.ZipFile(old_book) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
        sources = _check_form(b.read(VBA_PART))
    assert changed == [VBA_PART]
    assert {"BscButtons", "BscXlwings", "xlwings_udfs", "ThisWorkbook", "Sheet1"} <= set(sources)
    with ExcelFile(old_book) as book:
        assert "xlwings" not in {
            r.name for r in book.references()
        }  # 0.1.0's add-in reference is gone


def test_update_vba_switches_to_standalone_with_the_installed_xlwings_version(
    old_book: Path,
) -> None:
    result = update_vba(old_book, standalone=True)
    assert result.standalone and "xlwings" in result.modules
    with ExcelFile(old_book) as book:
        modules = book.vba_modules()
    assert f'XLWINGS_VERSION As String = "{xlwings.__version__}"' in modules["xlwings"]
    assert "BscXlwings" not in modules
    again = update_vba(old_book)  # keeps the variant it finds
    assert again.standalone and again.removed == ()
    back = update_vba(old_book, standalone=False)
    assert not back.standalone and set(back.removed) == {"xlwings", "Dictionary"}


def _run(*args: str) -> int:
    done = egov_bsc(*args)
    assert "Traceback" not in done.stderr, done.stderr
    if done.returncode == 2:
        assert done.stderr.strip(), "exit 2 without a message"
    return done.returncode


def test_update_vba_refuses_an_open_workbook_and_bad_input(old_book: Path, tmp_path: Path) -> None:
    lock = old_book.with_name("~$" + old_book.name)
    lock.write_bytes(b"")
    before = old_book.read_bytes()
    assert _run("update-vba", str(old_book)) == 2
    assert old_book.read_bytes() == before
    lock.unlink()
    assert _run("update-vba", str(tmp_path / "missing.xlsm")) == 2
    plain = tmp_path / "plain.xlsx"
    plain.write_bytes(b"not a zip")
    assert _run("update-vba", str(plain)) == 2
    fake = tmp_path / "fake.xlsm"
    fake.write_bytes(b"not a zip")
    assert _run("update-vba", str(fake)) == 2
    assert _run("update-vba", str(old_book)) == 0


def test_update_vba_waits_for_no_one_and_follows_a_link(old_book: Path, tmp_path: Path) -> None:
    # The same lock as recalc: while another run holds the workbook, update-vba is refused
    # and writes nothing; a symbolic link is followed, the real file rewritten, the link kept.
    before = old_book.read_bytes()
    held, release = threading.Event(), threading.Event()

    def hold() -> None:  # another run (the lock is re-entrant only within one thread)
        with workbook_lock(old_book):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(30)
        with pytest.raises(BusyError):
            update_vba(old_book)
    finally:
        release.set()
        holder.join()
    assert old_book.read_bytes() == before
    link = tmp_path / "tautan.xlsm"
    link.symlink_to(old_book)
    result = update_vba(link)
    assert link.is_symlink() and result.path == link
    assert old_book.read_bytes() != before
    assert old_book.with_name(old_book.stem + ".bak.xlsm").read_bytes() == before
