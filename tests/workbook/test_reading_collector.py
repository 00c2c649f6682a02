"""Reading a table pauses the cycle collector only while calamine's rows are made: it is on again
afterwards, and a caller's own pause is kept."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from egov_bsc_xl.workbook.reading.source import FileSource
from tests.hostile.conftest import valid_book


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return valid_book(tmp_path_factory.mktemp("collector"))


def test_reading_a_table_leaves_the_cycle_collector_as_it_found_it(book):
    assert gc.isenabled()
    assert FileSource(book).table("tblMeasurements").rows
    assert gc.isenabled()
    gc.disable()
    try:
        assert FileSource(book).table("tblMeasurements").rows
        assert not gc.isenabled()
    finally:
        gc.enable()
