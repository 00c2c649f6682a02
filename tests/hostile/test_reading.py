"""Broken packages and table refs: one sentence naming the file and the problem, never a panic or
a traceback, exit 2 for what cannot be read, and the input file's bytes unchanged."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.workbook.reading.source import FileSource
from tests.hostile.conftest import (
    assert_clean_failure,
    corrupt_part,
    digest,
    edit_part,
    rewrite_part,
    run_cli,
    run_main,
    sheet_part,
    table_part,
)


def _measure_ref(book: Path, ref: str) -> Path:
    return edit_part(book, table_part(book, "tblMeasurements"), r'ref="A1:G10"', f'ref="{ref}"')


@pytest.mark.parametrize("ref", ["A1:G1", "A1"])
def test_a_header_only_or_one_cell_table_is_an_empty_table_not_a_panic(book, ref):
    _measure_ref(book, ref)
    raw = FileSource(book).table("tblMeasurements")
    assert raw.rows == [] and raw.sheet == "Realisasi" and raw.top == 0
    before = digest(book)
    run = run_cli("validate", book, "--json")
    assert run.code == 0, run.stderr  # nothing measured yet: warnings (W013), no error
    assert "Traceback" not in run.stderr and "Panic" not in run.stderr
    codes = {i["code"] for i in run.json()["issues"]}
    assert "W013" in codes and not any(c.startswith("E") for c in codes)
    assert digest(book) == before


@pytest.mark.parametrize("command", ["validate", "score", "recalc", "deck"])
def test_an_inverted_table_ref_is_named_with_exit_2(book, command):
    _measure_ref(book, "G10:A1")
    before = digest(book)
    run = run_main(command, book)
    assert_clean_failure(run, 2, str(book), "tblMeasurements", "G10:A1", "terbalik", "inverted")
    assert digest(book) == before
    assert not book.with_name("kinerja.bak.xlsx").exists()


def test_a_ref_that_is_not_a_range_is_named(book):
    _measure_ref(book, "A1:ZZZZ9")
    assert_clean_failure(
        run_main("score", book), 2, "tblMeasurements", "A1:ZZZZ9", "not a range of cells"
    )


def test_a_missing_sheet_part_is_named(book):
    part = sheet_part(book, "Realisasi")
    rewrite_part(book, part, None)
    before = digest(book)
    assert_clean_failure(
        run_main("validate", book), 2, str(book), part, "Realisasi", "tidak ada", "missing"
    )
    assert digest(book) == before


def test_a_missing_shared_strings_part_is_named(demo):
    rewrite_part(demo, "xl/sharedStrings.xml", None)
    assert_clean_failure(
        run_main("score", demo), 2, str(demo), "xl/sharedStrings.xml", "missing from the file"
    )


def test_a_shared_string_index_out_of_range_is_a_sentence(demo):
    part = sheet_part(demo, "Realisasi")
    edit_part(demo, part, r'<c r="A5"( [^>]*)? t="s"><v>\d+</v>', r'<c r="A5"\1 t="s"><v>99999</v>')
    before = digest(demo)
    run = run_main("validate", demo)
    assert_clean_failure(run, 2, str(demo), "tblMeasurements", "damaged", "shared strings")
    assert digest(demo) == before


@pytest.mark.parametrize("command", ["validate", "recalc"])
def test_a_corrupt_deflate_stream_is_named(demo, command):
    part = sheet_part(demo, "Realisasi")
    corrupt_part(demo, part)
    before = digest(demo)
    run = run_main(command, demo)
    assert_clean_failure(run, 2, str(demo), part)
    assert "damaged" in run.stderr or "cannot be read" in run.stderr
    assert digest(demo) == before
    assert not demo.with_name("kinerja.bak.xlsm").exists()


def test_entity_declarations_in_the_workbook_part_are_refused(demo):
    edit_part(
        demo,
        "xl/workbook.xml",
        r"<\?xml[^>]*\?>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    )
    assert_clean_failure(run_main("validate", demo), 2, "xl/workbook.xml", "DOCTYPE")


def test_a_table_part_that_is_not_xml_is_named(book):
    part = table_part(book, "tblKpis")
    rewrite_part(book, part, b"<table ref='A1:B2'")
    assert_clean_failure(run_main("validate", book), 2, part, "not well-formed XML")


def test_every_native_reader_failure_becomes_unusable_input(book):
    """A Rust panic is a BaseException (pyo3); the reader turns it into the sentence all the same."""

    class PanicException(BaseException):
        pass

    source = FileSource(book)

    def panic(name):
        raise PanicException("invalid range bounds")

    source._book = type("Book", (), {"get_table_by_name": staticmethod(panic)})()
    with pytest.raises(UnusableInput, match="PanicException: invalid range bounds"):
        source.table("tblKpis")


def test_not_a_zip_and_a_truncated_zip(tmp_path, book):
    text = tmp_path / "catatan.xlsx"
    text.write_text("bukan buku kerja")
    assert_clean_failure(run_main("validate", text), 2, str(text), "not an Excel")
    cut = tmp_path / "potong.xlsx"
    cut.write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    assert_clean_failure(run_main("score", cut), 2, str(cut))
    assert not zipfile.is_zipfile(cut)


# --- every case under every command -----------------------------------------------------------

_ENTITIES = '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">]>'


def _sheet_edit(sheet: str, old: str, new: str):
    return lambda b: edit_part(b, sheet_part(b, sheet), old, new)


def _table_ref(ref: str):
    return lambda b: edit_part(
        b, table_part(b, "tblMeasurements"), r'ref="[A-Z]+\d+:[A-Z]+\d+"', f'ref="{ref}"'
    )


CASES = {
    "header-only ref": ("book", _table_ref("A1:G1")),
    "one-cell ref": ("book", _table_ref("A1")),
    "inverted ref": ("book", _table_ref("G10:A1")),
    "ref beyond the grid": ("book", _table_ref("A1:G2000000")),
    "ref over the whole grid": ("book", _table_ref("A1:XFD1048576")),
    "ref a million rows deep, rows unnumbered": (
        "book",
        lambda b: (
            _table_ref("A1:G1048576")(b),
            edit_part(b, sheet_part(b, "Realisasi"), r'<row r="\d+"', "<row", count=0),
        ),
    ),
    "missing sheet": ("book", lambda b: rewrite_part(b, sheet_part(b, "IKU"), None)),
    "table part not xml": ("book", lambda b: rewrite_part(b, table_part(b, "tblKpis"), b"<table")),
    "doctype in workbook": (
        "book",
        lambda b: edit_part(b, "xl/workbook.xml", r"^(?:<\?xml[^>]*\?>)?", _ENTITIES),
    ),
    "stray value at XFD1048576": (
        "book",
        _sheet_edit(
            "Realisasi",
            "</sheetData>",
            '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
        ),
    ),
    "cells placed far below their row": (
        "book",
        _sheet_edit(
            "Perspektif",
            r'<row r="1"><c r="A1"',
            '<row r="1"><c r="A1048576"><v>1</v></c><c r="XFD1944148"><v>2</v></c><c r="A1"',
        ),
    ),
    "lying dimension": (
        "book",
        _sheet_edit("Realisasi", r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>'),
    ),
    "INF actual": (
        "book",
        _sheet_edit("Realisasi", r'<c r="E3"( [^>]*)?><v>[^<]*</v>', '<c r="E3"><v>INF</v>'),
    ),
    "1e25 actual": (
        "book",
        _sheet_edit("Realisasi", r'<c r="E3"( [^>]*)?><v>[^<]*</v>', '<c r="E3"><v>1e25</v>'),
    ),
    "vertical tab in a name": (
        "book",
        _sheet_edit("Perspektif", "<t>Pelanggan</t>", "<t>Pelang_x000B_gan</t>"),
    ),
    "error cell": (
        "book",
        _sheet_edit(
            "Realisasi", r'<c r="E3"( [^>]*)?><v>[^<]*</v>', '<c r="E3" t="e"><v>#DIV/0!</v>'
        ),
    ),
    "missing shared strings": ("demo", lambda b: rewrite_part(b, "xl/sharedStrings.xml", None)),
    "shared string out of range": (
        "demo",
        _sheet_edit(
            "Realisasi", r'<c r="A5"( [^>]*)? t="s"><v>\d+</v>', r'<c r="A5"\1 t="s"><v>99999</v>'
        ),
    ),
    "corrupt deflate": ("demo", lambda b: corrupt_part(b, sheet_part(b, "Realisasi"))),
    "corrupt shared strings": ("demo", lambda b: corrupt_part(b, "xl/sharedStrings.xml")),
    "no content types": ("demo", lambda b: rewrite_part(b, "[Content_Types].xml", None)),
    "no styles": ("demo", lambda b: rewrite_part(b, "xl/styles.xml", None)),
    "entities in styles": (
        "demo",
        lambda b: edit_part(b, "xl/styles.xml", r"<\?xml[^>]*\?>", _ENTITIES),
    ),
    "deep nesting in styles": (
        "demo",
        lambda b: edit_part(
            b,
            "xl/styles.xml",
            "</styleSheet>",
            "<extLst>" + "<x>" * 400 + "</x>" * 400 + "</extLst></styleSheet>",
        ),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_case_under_every_command(case, request, tmp_path):
    base, breaks = CASES[case]
    book = request.getfixturevalue(base)
    breaks(book)
    before = digest(book)
    for command in ("validate", "score", "deck", "recalc"):
        extra = ["--output", tmp_path / "dek.pptx"] if command == "deck" else []
        run = run_main(command, book, *extra)
        text = run.stdout + run.stderr
        assert run.code in (0, 1, 2), (command, run.code, text)
        assert "Traceback" not in text and "Kesalahan tak terduga" not in text, (command, text)
        if run.code == 2:
            assert str(book) in text or book.name in text or "tabel" in text, (command, text)
        if command != "recalc" or run.code == 2:
            assert digest(book) == before, command  # nothing lost, nothing changed
    backup = book.with_name(book.stem + ".bak" + book.suffix)
    if backup.exists():  # recalc wrote: the old version is kept whole, the new one reads
        assert digest(backup) == before
        FileSource(book).table("tblMeasurements")


_FUZZ = r'''
import random, re, shutil, sys, zipfile
from pathlib import Path
from tests.hostile.conftest import digest, rewrite_part, run_main, valid_book

folder = Path(sys.argv[1])
base = valid_book(folder)
rng = random.Random(int(sys.argv[2]))
SWAPS = [(rb'r="[A-Z]+\d+"', [b'r="XFD1048576"', b'r="A9999999"', b'r="ZZ70000"', b'r=""']),
         (rb"<v>[^<]*</v>", [b"<v>1e400</v>", b"<v>-INF</v>", b"<v>x</v>", b"<v></v>"]),
         (rb'ref="[^"]*"', [b'ref="B2:A1"', b'ref="A0:B2"', b'ref=""', b'ref="A1:XFD1048576"'])]


def mutate(data: bytes) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return data[: rng.randrange(len(data))]
    if kind == 1:
        tags = [m.start() for m in re.finditer(rb"<", data)]
        at = rng.choice(tags)
        return data[:at] + data[data.find(b">", at) + 1:]
    pattern, choices = SWAPS[rng.randrange(len(SWAPS))]
    return re.sub(pattern, lambda m: rng.choice(choices), data, count=rng.randrange(1, 4))


bad = []
for i in range(int(sys.argv[3])):
    book = folder / f"rusak{i}.xlsx"
    shutil.copy(base, book)
    with zipfile.ZipFile(book) as zf:
        part = rng.choice([n for n in zf.namelist() if n.endswith((".xml", ".rels"))])
    rewrite_part(book, part, mutate)
    before = digest(book)
    for command in ("validate", "score", "recalc"):
        extra = ["--output", folder / f"keluar{i}.xlsx"] if command == "recalc" else []
        run = run_main(command, book, *extra)
        text = run.stdout + run.stderr
        if run.code not in (0, 1, 2) or "Traceback" in text or "tak terduga" in text or digest(book) != before:
            bad.append((part, command, run.code, text[-300:]))
print(bad)
'''


def test_random_damage_never_crashes(tmp_path):
    """Random damage to random parts (cut, a tag removed, absurd addresses, values and refs), in a
    child capped at MEMORY_CAP_MB: no abort, no traceback, no catch-all message, input unchanged."""
    import subprocess
    import sys

    from tests.hostile.conftest import _WRAPPER, MEMORY_CAP_MB

    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _WRAPPER,
            str(MEMORY_CAP_MB),
            sys.executable,
            "-c",
            _FUZZ,
            str(tmp_path),
            "2026",
            "40",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout[-3000:]
