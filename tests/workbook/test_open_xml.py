"""Every workbook the product writes passes openxml-audit (strict, Office 2016) with no findings."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from egov_bsc_xl.app import recalc
from egov_bsc_xl.workbook.template.build import build_template
from tests.cli_run import egov_bsc
from tests.ooxml_check import assert_valid_ooxml, ooxml_findings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_committed_templates_pass(lang: str) -> None:
    assert_valid_ooxml(ROOT / "workbook_templates" / f"egov-bsc-template-{lang}.xlsm")


@pytest.mark.parametrize(
    "args",
    [
        ("--formulas", "native"),
        ("--standalone",),
        ("--demo", "--lang", "en", "--formulas", "native"),
    ],
)
def test_new_workbooks_pass(tmp_path: Path, args: tuple[str, ...]) -> None:
    target = tmp_path / "baru.xlsm"
    done = egov_bsc("new", target, *args)
    assert done.returncode == 0, done.stderr
    assert_valid_ooxml(target)


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo") / "demo.xlsm", "id", demo=True)


def test_demo_after_recalc_in_place_and_to_another_file_passes(
    demo_book: Path, tmp_path: Path
) -> None:
    book = tmp_path / "kinerja.xlsm"
    shutil.copy(demo_book, book)
    recalc(book, output=tmp_path / "hasil.xlsm")
    assert_valid_ooxml(tmp_path / "hasil.xlsm")
    recalc(book)  # in place, twice: the second run finds its own sheets and replaces them
    recalc(book)
    assert_valid_ooxml(book)


def test_recalc_of_a_user_book_with_vba_picture_and_chart_passes(book: Path) -> None:
    recalc(book)
    assert_valid_ooxml(book)


def test_the_check_reports_a_broken_part(demo_book: Path, tmp_path: Path) -> None:
    """The helper can fail: a sheet id below its minimum is named with its part."""
    broken = tmp_path / "rusak.xlsm"
    with (
        zipfile.ZipFile(demo_book) as src,
        zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'sheetId="1"', b'sheetId="-1"', 1)
            dst.writestr(item, data)
    findings = ooxml_findings(broken)
    assert findings and any("/xl/workbook.xml" in f for f in findings), findings
    with pytest.raises(AssertionError, match="rusak.xlsm"):
        assert_valid_ooxml(broken)
