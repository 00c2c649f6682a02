"""What used to end in the catch-all 'Kesalahan tak terduga': each case now gets a sentence naming
the file and what is wrong, and recalc refuses (exit 2) a workbook whose parts it must rewrite are
broken, leaving the file as it was."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tests.hostile.conftest import (
    assert_clean_failure,
    digest,
    edit_part,
    rewrite_part,
    run_cli,
    run_main,
)

ENTITIES = (
    '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
)


def _no_leftovers(path: Path) -> None:
    stray = [p.name for p in path.parent.iterdir() if p.name != path.name and "kinerja" in p.name]
    assert stray == [], stray


BROKEN_FOR_RECALC = {
    "no content types": (
        "[Content_Types].xml",
        lambda b: rewrite_part(b, "[Content_Types].xml", None),
        "missing from the file",
    ),
    "no styles": (
        "xl/styles.xml",
        lambda b: rewrite_part(b, "xl/styles.xml", None),
        "missing from the file",
    ),
    "entities in styles": (
        "xl/styles.xml",
        lambda b: edit_part(b, "xl/styles.xml", r"<\?xml[^>]*\?>", ENTITIES),
        "DOCTYPE",
    ),
    "entities in content types": (
        "[Content_Types].xml",
        lambda b: edit_part(b, "[Content_Types].xml", r"<\?xml[^>]*\?>", ENTITIES),
        "DOCTYPE",
    ),
    "deep nesting": (
        "xl/styles.xml",
        lambda b: edit_part(
            b,
            "xl/styles.xml",
            "</styleSheet>",
            "<extLst>" + "<x>" * 400 + "</x>" * 400 + "</extLst></styleSheet>",
        ),
        "Excessive depth",
    ),
    "styles not xml": (
        "xl/styles.xml",
        lambda b: edit_part(b, "xl/styles.xml", "</styleSheet>", "<a></styleSheet>"),
        "not well-formed XML",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN_FOR_RECALC))
def test_recalc_refuses_a_workbook_whose_parts_it_rewrites_are_broken(demo, case):
    part, breaks, words = BROKEN_FOR_RECALC[case]
    breaks(demo)
    before = digest(demo)
    run = run_main("recalc", demo)
    assert_clean_failure(run, 2, str(demo), part, words, "file is unchanged")
    assert digest(demo) == before
    _no_leftovers(demo)
    assert run_main("validate", demo).code in (0, 1)  # reading needs none of these parts


def test_recalc_on_entities_in_a_subprocess_has_no_traceback(demo):
    BROKEN_FOR_RECALC["entities in styles"][1](demo)
    before = digest(demo)
    assert_clean_failure(run_cli("recalc", demo), 2, "xl/styles.xml", "DOCTYPE")
    assert digest(demo) == before


@pytest.mark.parametrize("command", ["recalc", "deck"])
def test_output_pointing_at_a_folder_is_a_sentence(book, tmp_path, command):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    before = digest(book)
    run = run_main(command, book, "--output", folder)
    assert_clean_failure(run, 2, str(folder), "folder")
    assert digest(book) == before and list(folder.iterdir()) == []


def test_a_full_disk_is_a_sentence_and_the_file_stays(demo, monkeypatch):
    from egov_bsc_xl.workbook.writing import recalc

    def full(package, target, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(recalc, "write_atomically", full)
    before = digest(demo)
    run = run_main("recalc", demo)
    assert_clean_failure(run, 2, str(demo), "disk penuh", "the disk is full")
    assert digest(demo) == before


def _boom(exc: BaseException):
    def analyse(*args, **kwargs):
        raise exc

    return analyse


def test_debug_zero_shows_no_traceback(book, monkeypatch):
    from egov_bsc_xl import app as analysis

    monkeypatch.setattr(analysis, "analyse", _boom(RuntimeError("boom")))
    for off in ("0", "", "false", "no"):
        run = run_main("validate", book, env={"EGOV_BSC_DEBUG": off})
        assert run.code == 2 and "Traceback" not in run.stderr
        assert "RuntimeError: boom" in run.stderr and "EGOV_BSC_DEBUG=1" in run.stderr
    with pytest.raises(RuntimeError, match="boom"):
        run_main("validate", book, env={"EGOV_BSC_DEBUG": "1"})


def test_a_native_panic_that_reaches_main_is_a_sentence(book, monkeypatch):
    from egov_bsc_xl import app as analysis

    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    monkeypatch.setattr(analysis, "analyse", _boom(PanicException("index out of bounds")))
    run = run_main("score", book)
    assert run.code == 2 and "PanicException: index out of bounds" in run.stderr


def test_a_missing_file_and_a_folder_as_input(tmp_path):
    assert_clean_failure(
        run_main("validate", tmp_path / "tidak-ada.xlsx"), 2, "tidak-ada.xlsx", "not found"
    )
    assert_clean_failure(run_main("deck", tmp_path), 2, str(tmp_path), "folder")
