"""Fixtures of the recalc tests: the user's workbook (VBA, button, picture, own sheet), built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.workbook.recalc_books import build_book


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_book(tmp_path_factory.mktemp("orig") / "kinerja.xlsm")


@pytest.fixture
def book(original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the workbook for one test to change."""
    path = tmp_path / "kinerja.xlsm"
    shutil.copy(original, path)
    return path
