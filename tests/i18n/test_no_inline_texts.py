"""No message of the package is written inline as "Indonesian (English)" or "Indonesian / English":
every text shown in both languages comes from the catalogue (i18n/, namespace msg.* and others).

The scan reads the package's source with `ast`: each string literal, f-string or `+` chain of them
(docstrings left out) is split into words; a message in both languages has a word only Indonesian
uses before a " (" or " / " and two words only English uses after it. A file path
("xl/worksheets/sheet1.xml", ".xlsx/.xlsm"), a text in one language, or a shape's name in a deck
("Tabel IKU / KPI table": one English word) never does. The CLI's
`--help` texts (typer `help=`) stay inline: click prints them as they are, in both languages.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from egov_bsc_xl.i18n import catalogue
from egov_bsc_xl.i18n.catalogue import Phrase, Words, both, phrase, slash, tr

PACKAGE = Path(catalogue.__file__).resolve().parents[1]

INDONESIAN = {
    "tidak", "bukan", "yang", "dan", "di", "dari", "untuk", "dengan", "tabel", "lembar", "berkas",
    "buku", "kerja", "adalah", "diperbarui", "saat", "ada", "dapat", "harus", "rusak", "ulang",
    "sel", "dibaca", "dipasang", "kosong", "terlalu", "besar", "perbaiki", "polaritas", "kolom",
    "panjang", "berbeda", "gambar", "diterima", "ditemukan", "memiliki", "rentang", "bagian",
    "atau", "salah", "satu", "dibuat", "presentasi", "membuat", "selesai", "kesalahan", "memori",
    "cukup", "dibatalkan", "hanya", "berisi", "proyek", "dihapus", "cadangan", "angka", "bobot",
    "validasi", "jalankan", "periksa", "tulis", "isi", "belum", "sudah", "baris", "nilai",
    "skor", "disajikan", "terpasang", "periode", "dikenali", "contoh", "modul", "diubah",
}  # fmt: skip
ENGLISH = {
    "the", "not", "is", "of", "file", "cannot", "workbook", "sheet", "table", "must", "from",
    "with", "read", "missing", "has", "which", "be", "found", "refreshed", "left", "out", "empty", "unknown", "invalid", "columns", "differ", "damaged", "number", "image",
    "written", "writing", "building", "done", "enough", "memory", "aborted", "removed", "backup",
    "negative", "weight", "one", "or", "errors", "deck", "validation", "run", "check", "write",
    "fill", "row", "value", "no", "are", "was", "scores", "present", "installed", "period",
    "recognised", "modules", "a", "to",
}  # fmt: skip
_WORD = re.compile(r"[a-z]+")
_SEPARATOR = re.compile(r" \(| / ")


def _text(node: ast.AST) -> str | None:
    """The literal text of a string constant, an f-string (fields as {}) or a `+` chain of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is not None or right is not None:
            return (left or "{}") + (right or "{}")
    return None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def is_bilingual(text: str) -> bool:
    """True for a message written in both languages at once: Indonesian words, then " (" or " / ",
    then (at least two) English words."""
    for m in _SEPARATOR.finditer(text):
        head, tail = _words(text[: m.start()]), _words(text[m.start() :])
        if head & INDONESIAN and len(tail & ENGLISH) >= 2:
            return True
    return False


def inline_bilingual(source: str) -> list[tuple[int, str]]:
    """(line, text) of each bilingual literal of a module's source."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
        ):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.keyword) and node.arg == "help":
            skip.update(id(n) for n in ast.walk(node.value))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        text = _text(node)
        if text is None:
            continue
        skip.update(id(n) for n in ast.walk(node))  # the parts of a chain are not looked at again
        if is_bilingual(text):
            found.append((getattr(node, "lineno", 0), text))
    return found


def test_no_module_outside_i18n_writes_a_bilingual_message_inline() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {text[:100]!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "i18n" not in path.relative_to(PACKAGE).parts
        for line, text in inline_bilingual(path.read_text(encoding="utf-8"))
    ]
    assert not found, "move these into the catalogue (i18n/message_texts.py):\n" + "\n".join(found)


def test_the_scan_finds_the_shapes_used_before_and_passes_paths_and_one_language() -> None:
    bad = '''
def f(path, exc):
    raise ValueError(f"Berkas tidak ditemukan: {path} (file not found).")
def g(cell):
    raise ValueError(f"#BSC! bukan angka / not a number: {cell}")
def h(path):
    return (f"Buku kerja {path} rusak dan tidak dapat dibaca; buka dan simpan ulang "
            + "(the workbook is damaged and cannot be read)")
'''
    assert sorted(line for line, _ in inline_bilingual(bad)) == [3, 5, 7]
    good = '''
"""Buku kerja tidak dapat dibaca (the workbook cannot be read): a docstring is documentation."""
PART = "xl/worksheets/sheet1.xml"
SUFFIXES = ".xlsx/.xlsm"
ID = "Buku kerja tidak dapat dibaca (berkas rusak)."
EN = "The workbook cannot be read (the file is damaged)."
SHAPE = "Tabel IKU / KPI table"
opt = dict(help="Buku kerja .xlsx/.xlsm / workbook file which is not read.")
'''
    assert inline_bilingual(good) == []


def test_the_moved_messages_read_as_before() -> None:
    assert (
        both("msg.file.not_found", path="a.xlsx") + "."
        == "Berkas tidak ditemukan: a.xlsx (file not found: a.xlsx)."
    )
    assert slash("msg.udf.target", limit="> 0") == "target harus > 0 / target must be > 0"
    # a reason inside a message is given in the message's language
    reason = phrase("msg.part.damaged", error="bad CRC")
    assert both("msg.part.broken", path="a.xlsx", part="xl/x.xml", what=reason) == (
        "Buku kerja a.xlsx: bagian xl/x.xml rusak dan tidak dapat dibuka (bad CRC) "
        "(the workbook a.xlsx: part xl/x.xml is damaged and cannot be inflated: bad CRC)"
    )
    assert isinstance(reason, Phrase)
    cells = Words("1.000", "1,000")
    assert tr("msg.file.too_many_parts", "id", where="", count=cells, limit=cells).startswith(
        "paket berisi 1.000 bagian"
    )
    assert tr("msg.file.too_many_parts", "en", where="", count=cells, limit=cells).startswith(
        "the package holds 1,000 parts"
    )
