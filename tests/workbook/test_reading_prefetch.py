"""FileSource.prefetch: the table named loads in a thread of its own and table() takes it. The
table is the one read without the prefetch, no other table is loaded, a failure of the load is
the same one sentence, a sheet read from the trimmed copy is not prefetched, and no thread
outlives the read. Reading a table leaves the cycle collector as it was."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest

from egov_bsc_xl import cli
from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.workbook.reading.source import FileSource
from tests.hostile.conftest import edit_part, sheet_part, valid_book


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return valid_book(tmp_path_factory.mktemp("prefetch"))


def _loads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "egov-bsc-table"]


def test_the_prefetched_table_is_the_table_read_without_it(book):
    with FileSource(book) as plain:
        expected = {name: vars(plain.table(name)) for name in plain.table_names()}
    with FileSource(book) as source:
        source.prefetch("TBLMEASUREMENTS")
        assert source._loading is not None and source._loading.name == "tblMeasurements"
        got = {name: vars(source.table(name)) for name in source.table_names()}
        assert source._loading is None  # taken by table()
    assert got == expected
    assert not _loads()


class PanicException(BaseException):  # what a Rust panic is (pyo3): not an Exception
    pass


class _Book:
    """Stands in for calamine's workbook in the prefetch's thread."""

    def __init__(self, delay: float = 0.0):
        self.delay, self.done = delay, False

    def get_table_by_name(self, name: str) -> None:
        time.sleep(self.delay)
        self.done = True
        raise PanicException("invalid range bounds")


def _fake_calamine(monkeypatch: pytest.MonkeyPatch, fake: _Book) -> None:
    import python_calamine

    monkeypatch.setattr(
        python_calamine,
        "CalamineWorkbook",
        type("Workbook", (), {"from_path": staticmethod(lambda *a, **k: fake)}),
    )


def test_a_failed_prefetched_load_is_the_one_sentence_of_a_failed_read(book, monkeypatch):
    source = FileSource(book)
    _fake_calamine(monkeypatch, _Book())
    source.prefetch("tblMeasurements")
    with pytest.raises(UnusableInput, match="PanicException: invalid range bounds") as caught:
        source.table("tblMeasurements")
    assert "tblMeasurements" in str(caught.value)
    assert source.table("tblKpis").rows  # the other tables still come from the file's reader
    source.close()


def test_no_load_outlives_a_read_that_fails(book, monkeypatch):
    fake = _Book(delay=0.3)

    def fails(*args: object, **kwargs: object) -> None:
        assert _loads()  # the load runs while the use case fails
        raise UnusableInput("stop")

    real_prefetch = FileSource.prefetch

    def prefetch(self: FileSource, name: str) -> None:
        _fake_calamine(monkeypatch, fake)
        real_prefetch(self, name)

    monkeypatch.setattr(FileSource, "prefetch", prefetch)
    monkeypatch.setattr("egov_bsc_xl.app.analyse", fails)
    with pytest.raises(UnusableInput, match="stop"):
        cli._analyse(book, None)
    assert fake.done and not _loads()


def test_a_sheet_read_from_the_trimmed_copy_is_not_prefetched(book, tmp_path):
    far = tmp_path / "jauh.xlsx"
    far.write_bytes(book.read_bytes())
    edit_part(
        far,
        sheet_part(far, "Realisasi"),
        "</sheetData>",
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
    )
    with FileSource(far) as source:
        source.prefetch("tblMeasurements")
        assert "Realisasi" in source._trim_sheets()
        assert source._loading is None
        rows = source.table("tblMeasurements").rows
    with FileSource(far) as plain:
        assert plain.table("tblMeasurements").rows == rows


def test_reading_a_table_leaves_the_cycle_collector_as_it_found_it(book):
    """to_python runs with the collector paused (a million row lists would be walked again and
    again); it is on again afterwards, and a caller's own pause is kept."""
    assert gc.isenabled()
    assert FileSource(book).table("tblMeasurements").rows
    assert gc.isenabled()
    gc.disable()
    try:
        assert FileSource(book).table("tblMeasurements").rows
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_only_the_table_named_is_prefetched(book):
    with FileSource(book) as source:
        source.prefetch("tblNoSuchTable")
        assert source._loading is None
        source.prefetch("tblKpis")
        assert source._loading is not None and source._loading.name == "tblKpis"
        source.prefetch("tblMeasurements")  # one load at a time
        assert source._loading.name == "tblKpis"
        assert source.table("tblMeasurements").rows  # read as before
        assert source.table("tblKpis").rows and source._loading is None


def test_a_prefetch_that_fails_leaves_no_half_done_scan(book, tmp_path):
    """The scans stop at a damaged sheet; the sheets scanned before it are forgotten, so the first
    table read meets the damage as it would without the prefetch."""
    from tests.hostile.conftest import corrupt_part

    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(book.read_bytes())
    corrupt_part(broken, sheet_part(broken, "Realisasi"))
    with FileSource(broken) as source:
        source.prefetch("tblMeasurements")
        assert source._loading is None and not source._scans
        with pytest.raises(UnusableInput) as caught:
            source.table("tblProfile")
    with FileSource(broken) as plain, pytest.raises(UnusableInput) as expected:
        plain.table("tblProfile")
    assert str(caught.value) == str(expected.value)
