"""One recalc reads its file once: the zip is opened once, each part is inflated at most once and
each relationships part is parsed at most once per parser (counted through seams set here, in the
test: zipfile and the two XML parsers are wrapped, nothing in the product counts).

Also: the package layer's memo forgets what it parsed when the part changes, the one XML escaping
gives what xml.sax.saxutils gives, and the scan's quick test never skips a formula without a value.
"""

from __future__ import annotations

import shutil
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.sax import saxutils

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from egov_bsc_xl.app import recalc
from egov_bsc_xl.ooxml.constants import CONTENT_TYPE, NAMESPACE, RELATIONSHIP_TYPE, suffix
from egov_bsc_xl.ooxml.xmltext import escape, quote_attr
from egov_bsc_xl.workbook.opc import package as package_module
from egov_bsc_xl.workbook.opc.package import Package, sheet_part_names, workbook_part
from egov_bsc_xl.workbook.reading.sheet_scan import _UNCACHED, _may_hold_uncached
from egov_bsc_xl.workbook.writing.owned_parts import read_rels, rels_bytes


class Reads:
    """What one run did to the file: zip openings, inflations per part, relationships parses."""

    def __init__(self, book: Path) -> None:
        self.book = book
        self.opens = 0
        self.inflated: Counter[str] = Counter()
        self.rels_parsed: Counter[str] = Counter()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch, book: Path) -> Reads:
    seen = Reads(book)
    real_init, real_open = zipfile.ZipFile.__init__, zipfile.ZipFile.open

    def init(self: zipfile.ZipFile, file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> None:
        real_init(self, file, mode, *args, **kwargs)
        name = getattr(file, "name", file)
        if mode == "r" and isinstance(name, str | Path) and Path(name) == book:
            seen.opens += 1
            self._counted = True  # type: ignore[attr-defined]

    def open_(self: zipfile.ZipFile, name: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if mode == "r" and getattr(self, "_counted", False):
            seen.inflated[name.filename if isinstance(name, zipfile.ZipInfo) else name] += 1
        return real_open(self, name, mode, *args, **kwargs)

    def counting(parser: str, real: Any) -> Any:
        def parse(data: Any, *args: Any, **kwargs: Any) -> Any:
            head = data[:400] if isinstance(data, bytes) else str(data)[:400].encode()
            if b"<Relationships" in head:
                seen.rels_parsed[parser] += 1
            return real(data, *args, **kwargs)

        return parse

    monkeypatch.setattr(zipfile.ZipFile, "__init__", init)
    monkeypatch.setattr(zipfile.ZipFile, "open", open_)
    monkeypatch.setattr(ElementTree, "fromstring", counting("ElementTree", ElementTree.fromstring))
    monkeypatch.setattr(etree, "fromstring", counting("lxml", etree.fromstring))
    # every worksheet counts as big here, so the measurement sheet takes the 100,000-row path
    real_prefetch = Package.prefetch
    monkeypatch.setattr(Package, "prefetch", lambda self, min_size=None: real_prefetch(self, 0))
    return seen


def _rels_parts(book: Path) -> int:
    with zipfile.ZipFile(book) as zf:
        return sum(name.endswith(".rels") for name in zf.namelist())


def test_recalc_opens_the_file_once_and_inflates_each_part_once(reads: Reads) -> None:
    parts = _rels_parts(reads.book)
    recalc(reads.book)
    assert reads.opens == 1
    assert reads.inflated, "the seam saw no part read: the test would prove nothing"
    twice = {name: n for name, n in reads.inflated.items() if n > 1}
    assert twice == {}
    # each relationships part at most once by the reader (ElementTree) and once by the writer (lxml)
    assert 0 < reads.rels_parsed["ElementTree"] <= parts
    assert 0 < reads.rels_parsed["lxml"] <= parts


def test_a_second_recalc_reads_as_little(reads: Reads) -> None:
    recalc(reads.book)
    reads.opens, reads.inflated, reads.rels_parsed = 0, Counter(), Counter()
    recalc(reads.book)
    assert reads.opens == 1
    assert max(reads.inflated.values()) == 1


# ---------------------------------------------------------------- the package layer's memo


def test_relationships_are_parsed_once_and_forgotten_when_their_part_changes(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[bytes] = []
    real = etree.fromstring
    monkeypatch.setattr(
        etree, "fromstring", lambda data, *a, **k: (parsed.append(data), real(data, *a, **k))[1]
    )
    with Package(book) as pkg:
        book_part = workbook_part(pkg)  # parses the root relationships
        parsed.clear()
        first = read_rels(pkg, book_part)
        first[0]["Target"] = "changed-by-the-caller"  # a caller's change does not reach the memo
        assert read_rels(pkg, book_part)[0]["Target"] != "changed-by-the-caller"
        assert len(parsed) == 1
        rels_part = "xl/_rels/workbook.xml.rels"
        pkg.set(
            rels_part,
            rels_bytes(
                [
                    r
                    for r in read_rels(pkg, book_part)
                    if not r["Type"].endswith(suffix(RELATIONSHIP_TYPE.STYLES))
                ]
            ),
        )
        again = read_rels(pkg, book_part)
        assert len(parsed) == 2
        assert len(again) == len(first) - 1


def test_the_sheet_list_follows_a_changed_workbook_part(book: Path) -> None:
    with Package(book) as pkg:
        before = sheet_part_names(pkg)
        before["Mine"] = "xl/worksheets/mine.xml"  # the caller's copy
        assert "Mine" not in sheet_part_names(pkg)
        name = next(iter(before))
        book_part = workbook_part(pkg)
        pkg.set(
            book_part, pkg.read(book_part).replace(f'name="{name}"'.encode(), b'name="Renamed"', 1)
        )
        after = sheet_part_names(pkg)
        assert "Renamed" in after and name not in after


def test_a_reader_given_the_package_uses_its_open_zip(book: Path) -> None:
    with Package(book) as pkg, package_module.package_zip(pkg) as zf:
        assert zf is pkg.zipfile
        assert zf.read("[Content_Types].xml") is zf.read(
            "[Content_Types].xml"
        )  # inflated once, kept
    with package_module.package_zip(book) as zf:
        assert "[Content_Types].xml" in zf.namelist()
    assert zf.fp is None  # a path is opened for the block only


# ---------------------------------------------------------------- constants and escaping


def test_the_constants_are_the_names_office_writes(book: Path) -> None:
    with zipfile.ZipFile(book) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
        sheet = zf.read(sheet_part_names(zf)[next(iter(sheet_part_names(zf)))]).decode()
    assert CONTENT_TYPE.SML_WORKSHEET in types
    assert NAMESPACE.OPC_CONTENT_TYPES in types
    assert RELATIONSHIP_TYPE.WORKSHEET in rels and RELATIONSHIP_TYPE.STYLES in rels
    assert NAMESPACE.OPC_RELATIONSHIPS in rels
    assert NAMESPACE.SML_MAIN in sheet


@given(st.text(alphabet="ab&<>\"'\n\r\t ", max_size=12))
def test_the_one_escaping_is_byte_for_byte_saxutils(text: str) -> None:
    assert escape(text) == saxutils.escape(text)
    assert quote_attr(text) == saxutils.quoteattr(text)


_PIECES = [
    '<c r="A1">',
    "<f>X</f>",
    "<f/>",
    '<f t="shared" si="0"/>',
    "<v>1</v>",
    "<v></v>",
    "<v/>",
    "<v />",
    "</c>",
    " ",
    "\n",
    "\t",
    '<x:c r="B2">',
    "</x:c>",
    "<x:f>Y</x:f>",
    "<x:f/>",
    "<x:v/>",
    "<x:v></x:v>",
    "<is><t>a</t></is>",
    '<row r="3">',
    "</row>",
    "<v> </v>",
    '<c r="D4" s="2">',
    '<c r="E5"/>',
    "<x:f />",
    "<x:v> </x:v>",
    "<x:v>2</x:v>",
    "<f>A</f >",
]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10))
def test_the_scan_never_skips_a_chunk_holding_a_formula_without_a_value(pieces: list[str]) -> None:
    chunk = "".join(pieces).encode()
    if _UNCACHED.search(chunk):
        assert _may_hold_uncached(chunk)


def test_the_quick_test_skips_a_sheet_whose_formulas_all_hold_values() -> None:
    row = b'<row r="4"><c r="A4"><v>1</v></c><c r="H4" s="1"><f>IF(E4="","",E4/C4)</f><v>0.5</v></c></row>'
    assert not _may_hold_uncached(row * 1000)
    assert _may_hold_uncached(row * 1000 + b'<row r="9"><c r="H9"><f>A1</f></c></row>')


def test_copied_workbook_is_unchanged_by_reading(book: Path, tmp_path: Path) -> None:
    """Reading through the package leaves the file as it was (no write without recalc's replace)."""
    copy = tmp_path / "copy.xlsm"
    shutil.copy(book, copy)
    with Package(copy) as pkg:
        sheet_part_names(pkg)
        pkg.inflated(next(iter(sheet_part_names(pkg).values())))
    assert copy.read_bytes() == book.read_bytes()
