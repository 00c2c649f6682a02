"""A recalc reads an owned sheet's old XML without its rows (the rows are replaced): the file it
writes is byte for byte the one a whole parse gives, and a damaged old sheet still stops it."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from egov_bsc_xl.app import recalc
from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.workbook.writing import owned_parts
from tests.hostile.conftest import edit_part, read_part, rewrite_part, sheet_part


@pytest.fixture
def rerun(book: Path, tmp_path: Path) -> Path:
    """The user's workbook after one recalc: its Dasbor, LKjIP and Validasi are the product's."""
    path = tmp_path / "rerun.xlsm"
    recalc(book, output=path)
    return path


def outcome(path: Path, out: Path) -> tuple[str, bytes | str]:
    """What recalc of `path` into `out` gives: the file's bytes, or the error and its message."""
    try:
        recalc(path, output=out)
    except Exception as exc:  # noqa: BLE001 - compared, not hidden
        return type(exc).__name__, str(exc).replace(str(out), "OUT")
    return "written", out.read_bytes()


def both_ways(path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """What recalc of `path` gives with old sheets read without their rows, and parsed whole."""
    fast = outcome(path, folder / "fast.xlsm")
    with monkeypatch.context() as m:
        m.setattr(owned_parts, "_without_rows", lambda *args: None)
        whole = outcome(path, folder / "whole.xlsm")
    return [fast, whole]


def _in_rows(xml: bytes, text: bytes) -> bytes:
    """`text` put at the start of the first row's cells."""
    return re.sub(rb"(<row\b[^>]*>)", lambda m: m.group(1) + text, xml, count=1)


EDITS: dict[str, Callable[[bytes], bytes]] = {
    "unchanged (a re-run)": lambda xml: xml,
    "a stale cell": lambda xml: xml.replace(b"<v>", b"<v>9", 1),
    "print settings and the tab selection of the user": lambda xml: (
        xml.replace(b'left="0.5"', b'left="0.9"')
        .replace(b' tabSelected="1"', b"")
        .replace(b"<sheetView ", b'<sheetView tabSelected="1" ')
    ),
    "a comment before the rows": lambda xml: xml.replace(
        b"<sheetData>", b"<!-- <sheetData> --><sheetData>"
    ),
    "a comment in the rows": lambda xml: _in_rows(xml, b"<!-- </sheetData> -->"),
    "a text with CDATA in the rows": lambda xml: _in_rows(
        xml, b'<c r="Z1" t="inlineStr"><is><t><![CDATA[</sheetData><legacyDrawing/>]]></t></is></c>'
    ),
    "a processing instruction after the rows": lambda xml: xml.replace(
        b"</sheetData>", b"</sheetData><?egov </sheetData> ?>"
    ),
    "a comment in sheetPr (parsed whole)": lambda xml: xml.replace(
        b"<pageSetUpPr", b"<!-- <sheetData> --><pageSetUpPr"
    ),
    "a processing instruction before the rows": lambda xml: xml.replace(
        b"<sheetData>", b"<?egov <sheetData> ?><sheetData>"
    ),
    "rows written with a namespace prefix": lambda xml: xml.replace(
        b"<sheetData>",
        b'<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    ).replace(b"</sheetData>", b"</x:sheetData>"),
    "no rows": lambda xml: re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", xml, flags=re.S),
}


@pytest.mark.parametrize("sheet", ["Dasbor", "LKjIP"])
@pytest.mark.parametrize("edit", list(EDITS))
def test_an_old_sheet_read_without_its_rows_gives_the_same_file(
    rerun: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheet: str, edit: str
) -> None:
    part = sheet_part(rerun, sheet)
    rewrite_part(rerun, part, EDITS[edit])
    fast, whole = both_ways(rerun, tmp_path, monkeypatch)
    assert fast == whole
    # A comment or processing instruction between the sheet's elements stopped recalc with an
    # unexpected ValueError before (lxml's comment node has no name); now it is left out.
    assert fast[0] == "written"


def test_an_unchanged_old_sheet_is_not_parsed_whole(
    rerun: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    real = owned_parts.parse_part
    monkeypatch.setattr(
        owned_parts,
        "parse_part",
        lambda pkg, part, data=None: parsed.append(len(data or b"")) or real(pkg, part, data),
    )
    recalc(rerun, output=tmp_path / "out.xlsm")
    big = len(read_part(rerun, sheet_part(rerun, "LKjIP")))
    assert parsed and max(parsed) < big // 2  # only the rest of each sheet, never its rows


@pytest.mark.parametrize("sheet", ["Dasbor", "LKjIP"])
def test_an_old_sheet_with_damaged_rows_stops_recalc_as_before(
    rerun: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheet: str
) -> None:
    part = sheet_part(rerun, sheet)
    edit_part(rerun, part, b"</row>", b"</rowx>")
    before = rerun.read_bytes()
    messages = []
    for way in ("fast", "whole"):
        with monkeypatch.context() as m:
            if way == "whole":
                m.setattr(owned_parts, "_without_rows", lambda *args: None)
            with pytest.raises(UnusableInput) as err:
                recalc(rerun)
        messages.append(str(err.value))
    assert messages[0] == messages[1]
    assert part in messages[0] and "not well-formed XML" in messages[0]
    assert rerun.read_bytes() == before


def test_the_rerun_fixture_has_rows_to_cut(rerun: Path) -> None:
    with zipfile.ZipFile(rerun) as zf:
        xml = zf.read(sheet_part(rerun, "LKjIP"))
    assert xml.count(b"<row ") > 20 and b"<sheetData>" in xml
