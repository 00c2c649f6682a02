"""The template's VBA project (vbaProject.bin), built with pyOpenVBA from the text in macros/*.bas.

Standard mode: our modules plus a project reference to the xlwings add-in (`xlwings addin install`),
which provides RunPython. `standalone=True` embeds xlwings' own VBA module (and its Dictionary
class) from the installed xlwings package at build time instead; it is never committed here.
"""

from __future__ import annotations

import importlib.util
import io
import re
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from egov_bsc_xl.errors import BscError

SOURCE_MACRO_DIR = Path(__file__).resolve().parents[2] / "macros"  # the VBA as text, in the repository
PACKAGED_MACRO_DIR = Path(__file__).resolve().parents[1] / "data" / "macros"  # its copy in the wheel
MACRO_DIR = SOURCE_MACRO_DIR if SOURCE_MACRO_DIR.is_dir() else PACKAGED_MACRO_DIR
MACRO_MODULE = "egov_bsc_xl.xl.macros"
XLWINGS_ADDIN = "xlwings.xlam"


@dataclass(frozen=True)
class Button:
    """A form button on the dashboard bound to a sub of macros/BscButtons.bas."""

    macro: str
    caption_id: str
    caption_en: str
    python: str  # the function of egov_bsc_xl.xl.macros the sub runs

    def caption(self, lang: str) -> str:
        return self.caption_id if lang == "id" else self.caption_en


BUTTONS: tuple[Button, ...] = (
    Button("BscValidate", "Validasi", "Validate", "validate"),
    Button("BscRecalculate", "Hitung Ulang", "Recalculate", "recalculate"),
    Button("BscMakeDeck", "Buat Presentasi", "Make deck", "make_deck"),
)

_NAME = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.MULTILINE)


def module_name(source: str, fallback: str) -> str:
    found = _NAME.search(source)
    return found.group(1) if found else fallback


def read_modules(directory: Path = MACRO_DIR) -> dict[str, str]:
    """Module name -> source (CRLF line ends) of every .bas file in `directory`, by file name order."""
    files = sorted(directory.glob("*.bas"))
    if not files:
        raise BscError(f"Tidak ada modul VBA di {directory} (no VBA modules found in {directory}).")
    modules = {}
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
        modules[module_name(text, path.stem)] = text
    return modules


def sync_packaged_macros() -> list[Path]:
    """Copy macros/*.bas into the package data (egov_bsc_xl/data/macros) so installs carry them."""
    PACKAGED_MACRO_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for old in PACKAGED_MACRO_DIR.glob("*.bas"):
        if not (SOURCE_MACRO_DIR / old.name).exists():
            old.unlink()
    for path in sorted(SOURCE_MACRO_DIR.glob("*.bas")):
        target = PACKAGED_MACRO_DIR / path.name
        target.write_bytes(path.read_bytes())
        written.append(target)
    return written


def _xlwings_modules() -> dict[str, tuple[str, str]]:
    """xlwings' standalone VBA (module name -> (source, kind)) from the installed xlwings package."""
    # Only the package's folder is needed: find it without importing xlwings (that stays in xl/).
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise BscError("xlwings tidak terpasang; --standalone memerlukannya (xlwings is not installed).")
    root = Path(spec.origin).parent
    main = (root / "xlwings.bas").read_text(encoding="utf-8", errors="replace")
    dictionary = (root / "addin" / "Dictionary.cls").read_text(encoding="utf-8", errors="replace")
    def crlf(s):
        return (s.replace("\r\n", "\n").replace("\n", "\r\n"))
    return {"xlwings": (crlf(main), "standard"), "Dictionary": (crlf(dictionary), "class")}


def _scratch_workbook(sheet_count: int) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    for _ in range(sheet_count):
        book.add_worksheet()
    book.close()
    return buf.getvalue()


def _project_reference_block(name: str, path: str) -> bytes:
    """REFERENCENAME + REFERENCEPROJECT records ([MS-OVBA] 2.3.4.2.2) naming another VBA project."""
    def record(rid: int, body: bytes) -> bytes:
        return struct.pack("<HI", rid, len(body)) + body

    absolute = f"*\\C{path}".encode("cp1252")
    relative = f"*\\C{path}".encode("cp1252")
    body = (struct.pack("<I", len(absolute)) + absolute + struct.pack("<I", len(relative)) + relative
            + struct.pack("<IH", 0xFFFFFFFF, 0))
    return (record(0x16, name.encode("cp1252")) + record(0x3E, name.encode("utf-16-le"))
            + record(0x0E, body))


@lru_cache(maxsize=16)
def _build(sheet_count: int, modules: tuple[tuple[str, str], ...], standalone: bool) -> bytes:
    from pyopenvba import ExcelFile, VBAModuleKind
    from pyopenvba._references import module_offset

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "project.xlsm"
        path.write_bytes(_scratch_workbook(sheet_count))
        with ExcelFile(path) as book:
            project = book.add_vba_project()
            for name, source in modules:
                project.add_module(name, source)
            if standalone:
                for name, (source, kind) in _xlwings_modules().items():
                    project.add_module(name, source, kind=VBAModuleKind.other if kind == "class"
                                       else VBAModuleKind.standard)
            else:
                raw, _ = book._reference_data()
                at = module_offset(raw)
                block = _project_reference_block("xlwings", XLWINGS_ADDIN)
                book._write_reference_data(raw[:at] + block + raw[at:])
            book.save()
        with zipfile.ZipFile(path) as zf:
            return zf.read("xl/vbaProject.bin")


def vba_project(sheet_count: int, *, standalone: bool = False,
                directory: Path = MACRO_DIR) -> bytes:
    """vbaProject.bin for a workbook of `sheet_count` worksheets whose code names are Sheet1..N."""
    modules = tuple(read_modules(directory).items())
    return _build(sheet_count, modules, standalone)
