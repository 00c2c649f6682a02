"""Fixtures of the forms tests: the template's demo workbook (VBA, buttons, native formulas), built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from egov_bsc_xl.workbook.template.build import build_template


@pytest.fixture(scope="module")
def demo_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo") / "kinerja.xlsm", "id", demo=True)


@pytest.fixture
def demo_book(demo_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo workbook (report period 2026-Q3; no rows for 2026-Q4 yet)."""
    path = tmp_path / "kinerja.xlsm"
    shutil.copy(demo_original, path)
    return path
