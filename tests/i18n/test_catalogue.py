"""The one text catalogue: every key in both languages, and no module outside i18n/ branching on the language."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from egov_bsc_xl.i18n import catalogue, deck_texts, messages, sheet_texts
from egov_bsc_xl.i18n.catalogue import CATALOGUE, both, sheet_titles, tr
from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model.enums import Language

PACKAGE = Path(catalogue.__file__).resolve().parents[1]
NAMESPACES = {"sheet", "deck", "issue", "template", "cli", "period", "form", "msg"}

# R1 migrates these after the merge: R1 restructures the reader and validation at the same time,
# so their language branches stay until then (report of R2, issue 10 item 4).


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_is_namespaced_and_has_both_languages_with_the_same_placeholders() -> None:
    assert len(CATALOGUE) > 250
    for key, pair in CATALOGUE.items():
        assert key.split(".")[0] in NAMESPACES, key
        assert isinstance(pair, tuple) and len(pair) == 2, key
        id_text, en_text = pair
        assert isinstance(id_text, str) and id_text.strip(), f"{key}: no Indonesian text"
        assert isinstance(en_text, str) and en_text.strip(), f"{key}: no English text"
        assert _fields(id_text) == _fields(en_text), (
            f"{key}: {_fields(id_text)} != {_fields(en_text)}"
        )


def test_the_old_tables_are_namespaces_of_the_catalogue() -> None:
    for key, pair in sheet_texts.TEXTS.items():
        assert CATALOGUE[f"sheet.{key}"] == pair
    for key, pair in deck_texts.TEXTS.items():
        assert CATALOGUE[f"deck.{key}"] == pair
    for code, (_, message, hint) in messages.MESSAGES.items():
        assert CATALOGUE[f"issue.{code}.message"] == message
        assert CATALOGUE[f"issue.{code}.hint"] == hint


def test_tr_takes_the_language_as_a_type_and_fills_fields() -> None:
    assert tr("sheet.dash_title", Language.ID) == "Dasbor Balanced Scorecard SPBE"
    assert tr("sheet.dash_title", Language.EN) == "e-Government Balanced Scorecard Dashboard"
    assert tr("sheet.dash_title", "en") == tr("sheet.dash_title", Language.EN)
    assert tr("sheet.val_summary", Language.ID, errors=2, warnings=1) == "2 kesalahan, 1 peringatan"
    assert tr("sheet.val_summary", Language.EN, errors=2, warnings=1) == "2 errors, 1 warnings"
    assert tr("period.year", Language.EN, year=2026) == "Year 2026"
    # Indonesian is the first language: anything that is not English reads as Indonesian
    assert tr("template.no_data", None) == "Belum ada data"
    assert pick(Language.EN, 1, 2) == 2 and pick(Language.ID, 1, 2) == 1


def test_both_is_indonesian_then_english() -> None:
    assert both("sheet.err_vanished", name="a.xlsm") == (
        f"{sheet_texts.text('err_vanished', 'id', name='a.xlsm')} "
        f"({sheet_texts.text('err_vanished', 'en', name='a.xlsm')})"
    )
    assert both("template.no_data") == "Belum ada data (No data)"


def test_the_issue_messages_come_from_the_catalogue() -> None:
    message, hint = messages.render("E021", Language.EN, value="abc")
    assert (message, hint) == (
        tr("issue.E021.message", "en", value="abc"),
        tr("issue.E021.hint", "en"),
    )
    assert messages.render("E021", Language.ID, value="abc")[0] == "'abc' bukan angka."


def test_sheet_titles_of_the_template() -> None:
    titles = sheet_titles(Language.ID)
    assert titles["tblKpis"][0] == "Indikator Kinerja Utama (IKU)"
    assert sheet_titles(Language.EN)["tblKpis"][0] == "Key performance indicators"
    assert all(title and hint for title, hint in titles.values())


def _mentions_language(node: ast.AST) -> bool:
    source = ast.unparse(node)
    return "lang" in source or "language" in source.lower()


def _names_language(operand: ast.expr, others: list[ast.expr]) -> bool:
    """`Language.ID`/`Language.EN`; "id"/"en" beside something named lang(uage); a tuple of both codes."""
    if isinstance(operand, ast.Attribute) and operand.attr in ("ID", "EN"):
        return isinstance(operand.value, ast.Name) and operand.value.id == "Language"
    if isinstance(operand, ast.Constant) and operand.value in ("id", "en"):
        return any(_mentions_language(o) for o in others)
    if isinstance(operand, ast.Tuple | ast.List | ast.Set):
        return {"id", "en"} <= {e.value for e in operand.elts if isinstance(e, ast.Constant)}
    return False


def _language_branches(tree: ast.AST) -> list[int]:
    """Lines that compare a language: `lang == "id"`, `"en" != x.lang`, `lang in ("id", "en")`, `== Language.ID`."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(
                _names_language(o, operands[:n] + operands[n + 1 :]) for n, o in enumerate(operands)
            ):
                lines.add(node.lineno)
    return sorted(lines)


def test_the_branch_finder_finds_branches() -> None:
    found = _language_branches(
        ast.parse(
            'a = x if lang == "id" else y\n'
            'b = "en" != self.lang\n'
            'c = deck.language is not None and deck.language == Language.EN\n'
            'if code not in ("id", "en"):\n    pass\n'
            'd = row == "id"\n'
        )
    )
    assert found == [1, 2, 3, 4]


def test_no_module_outside_i18n_branches_on_the_language() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("i18n/"):
            continue
        lines = _language_branches(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[rel] = lines
    assert offenders == {}, (
        f"language compared outside i18n/ (use i18n.catalogue.tr or pick): {offenders}"
    )


def test_the_language_codes_are_the_values_of_language() -> None:
    from egov_bsc_xl.i18n.language import LANGUAGE_CODES
    from egov_bsc_xl.workbook import contract

    assert LANGUAGE_CODES == tuple(m.value for m in Language) == contract.LANGUAGES
