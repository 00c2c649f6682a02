"""The template's VBA project (vbaProject.bin), built with pyOpenVBA from the text in macros/*.bas.

What goes in (see docs/EXCEL-CHECKS.md, "Excel and xlwings: first click"):

- BscButtons: the three button subs; each hands a fixed command to RunPython.
- xlwings_udfs: the module xlwings' *Import Functions* writes for egov_bsc_xl.udfs, generated at
  build time (egov_bsc_xl.xl.udf_wrapper), so that BSC_* formulas work without that click.
- Add-in mode (default): BscXlwings, a bridge whose RunPython and XLPy call the xlwings add-in
  late-bound (Application.Run). The project holds no reference to the add-in, so without it the
  project still compiles and the user gets one sentence saying what to install.
- `standalone=True`: xlwings' own VBA module (and its Dictionary class) from the installed
  xlwings package instead of the bridge; it is never committed here.

The project is then written in its version-independent form ([MS-OVBA] 2.3.4.1, 2.3.4.3):
`_VBA_PROJECT` is the 7-byte stream with Version 0xFFFF, every module stream holds its compressed
source only (MODULEOFFSET 0), cookies are 0xFFFF, so Office compiles from source on first open.
The runtime reads the macros from the package (importlib.resources); macros/*.bas in the
repository is the editable source, copied there by tools/regenerate.py macros.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import io
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from egov_bsc_xl.errors import BscError, RecalcError, UnusableInput
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.i18n.language import pick

MACRO_DIR: Traversable = importlib.resources.files("egov_bsc_xl").joinpath("data", "macros")
MACRO_MODULE = "egov_bsc_xl.xl.macros"
XLWINGS_ADDIN = "xlwings.xlam"
ADDIN_BRIDGE = "BscXlwings"  # only in add-in mode; a standalone project has xlwings' own module
XLWINGS_MODULES = ("xlwings", "Dictionary")  # what --standalone embeds from the xlwings package
VBA_PART = "xl/vbaProject.bin"
VBA_PROJECT_STREAM = bytes.fromhex(
    "cc61ffff000100"
)  # [MS-OVBA] 2.3.4.1 / 3.1.1: Version 0xFFFF, no cache


@dataclass(frozen=True)
class Button:
    """A form button on the dashboard bound to a sub of macros/BscButtons.bas."""

    macro: str
    caption_id: str
    caption_en: str
    python: str  # the function of egov_bsc_xl.xl.macros the sub runs

    def caption(self, lang: str) -> str:
        return pick(lang, self.caption_id, self.caption_en)


BUTTONS: tuple[Button, ...] = (
    Button("BscValidate", "Validasi", "Validate", "validate"),
    Button("BscRecalculate", "Hitung Ulang", "Recalculate", "recalculate"),
    Button("BscMakeDeck", "Buat Presentasi", "Make deck", "make_deck"),
)

_NAME = re.compile(r'^Attribute VB_Name = "([^"]+)"', re.MULTILINE)


def module_name(source: str, fallback: str) -> str:
    found = _NAME.search(source)
    return found.group(1) if found else fallback


def read_modules(directory: Traversable | Path = MACRO_DIR) -> dict[str, str]:
    """Module name -> source (CRLF line ends) of every .bas file in `directory`, by file name order."""
    files = sorted(
        (p for p in directory.iterdir() if p.name.endswith(".bas")), key=lambda p: p.name
    )
    if not files:
        raise BscError(both("msg.vba.no_modules", folder=directory) + ".")
    modules = {}
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
        modules[module_name(text, path.name.rsplit(".", 1)[0])] = text
    return modules


def _xlwings_modules() -> dict[str, tuple[str, str]]:
    """xlwings' standalone VBA (module name -> (source, kind)) from the installed xlwings package."""
    # Only the package's folder is needed: find it without importing xlwings (that stays in xl/).
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise BscError(both("msg.vba.no_xlwings") + ".")
    root = Path(spec.origin).parent
    main = (root / "xlwings.bas").read_text(encoding="utf-8", errors="replace")
    dictionary = (root / "addin" / "Dictionary.cls").read_text(encoding="utf-8", errors="replace")

    def crlf(s: str) -> str:
        return s.replace("\r\n", "\n").replace("\n", "\r\n")

    return {"xlwings": (crlf(main), "standard"), "Dictionary": (crlf(dictionary), "class")}


def _scratch_workbook(sheet_count: int) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    for _ in range(sheet_count):
        book.add_worksheet()
    book.close()
    return buf.getvalue()


def project_modules(
    standalone: bool, directory: Traversable | Path = MACRO_DIR
) -> dict[str, tuple[str, str]]:
    """Every module we put into a project: name -> (source, "standard" | "class")."""
    from egov_bsc_xl.xl.udf_wrapper import VBA_MODULE_NAME, udf_wrapper_module

    modules = {
        name: (source, "standard")
        for name, source in read_modules(directory).items()
        if not (standalone and name == ADDIN_BRIDGE)
    }
    modules[VBA_MODULE_NAME] = (udf_wrapper_module(), "standard")
    if standalone:
        modules.update(_xlwings_modules())
    return modules


def _add(project: Any, name: str, source: str, kind: str) -> None:
    from pyopenvba import VBAModuleKind

    project.add_module(
        name, source, kind=VBAModuleKind.other if kind == "class" else VBAModuleKind.standard
    )


@lru_cache(maxsize=16)
def _build(sheet_count: int, modules: tuple[tuple[str, str, str], ...]) -> bytes:
    from pyopenvba import ExcelFile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "project.xlsm"
        path.write_bytes(_scratch_workbook(sheet_count))
        with ExcelFile(path) as book:
            project = book.add_vba_project()
            for name, source, kind in modules:
                _add(project, name, source, kind)
            book.save()
        with zipfile.ZipFile(path) as zf:
            return normalise_project(zf.read(VBA_PART))


def vba_project(
    sheet_count: int, *, standalone: bool = False, directory: Traversable | Path = MACRO_DIR
) -> bytes:
    """vbaProject.bin for a workbook of `sheet_count` worksheets whose code names are Sheet1..N."""
    modules = tuple(
        (n, src, kind) for n, (src, kind) in project_modules(standalone, directory).items()
    )
    return _build(sheet_count, modules)


def normalise_project(data: bytes) -> bytes:
    """The project in the form Office recompiles from source ([MS-OVBA] 2.3.4.1 and 2.3.4.3).

    `_VBA_PROJECT` becomes the 7-byte stream with Version 0xFFFF and no PerformanceCache; each
    module stream becomes its compressed source alone (no PerformanceCache, so MODULEOFFSET 0 in
    the dir stream); PROJECTCOOKIE and every MODULECOOKIE are 0xFFFF ("MUST be 0xFFFF on write");
    SRP streams (caches that MUST be ignored) are dropped.
    """
    from pyopenvba.cfb import CFB
    from pyopenvba.vba import (
        compress,
        encode_mbcs,
        encoding_for_codepage,
        parse_vba_project,
        serialize_dir_stream,
    )

    cfb = CFB.from_bytes(data)
    project = parse_vba_project(cfb)
    encoding = encoding_for_codepage(project.code_page)
    for module in project.modules:
        cfb.write_stream_in_storage(
            "VBA", module.stream_name, compress(encode_mbcs(module.source, encoding))
        )
        module.text_offset = 0
        module.prefix_bytes = b""
        module.cookie = 0xFFFF
        module.dirty = False
    project.project_cookie = 0xFFFF
    cfb.write_stream_in_storage("VBA", "dir", compress(serialize_dir_stream(project)))
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", VBA_PROJECT_STREAM)
    for name in cfb.list_streams_in_storage("VBA"):
        if name.lower().startswith("__srp_"):
            cfb.remove_stream_in_storage("VBA", name)
    return cfb.to_bytes()


@dataclass(frozen=True)
class VbaUpdate:
    """What `egov-bsc update-vba` did: the file, its backup, the variant and the modules written."""

    path: Path
    backup: Path | None
    standalone: bool
    modules: tuple[str, ...]
    removed: tuple[str, ...]


def refreshed_project(
    workbook: Path, standalone: bool | None = None
) -> tuple[bytes, bool, list[str]]:
    """The workbook's vbaProject.bin with our modules replaced by the current ones.

    Document modules (ThisWorkbook, the sheets) and any module of the user's stay as they are.
    `standalone` None keeps the variant the workbook has (xlwings' module present = standalone).
    The project reference to the xlwings add-in that 0.1.0 wrote is removed. Returns the bytes,
    the variant and the names of the modules taken out.
    """
    import warnings

    from pyopenvba import ExcelFile
    from pyopenvba.exceptions import PyOpenVBAError

    from egov_bsc_xl.xl.udf_wrapper import VBA_MODULE_NAME

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "book.xlsm"
        shutil.copyfile(workbook, scratch)
        try:
            with ExcelFile(scratch) as book, warnings.catch_warnings():
                warnings.simplefilter("ignore")  # a signature, if any, is dropped: the code changes
                if not book.has_vba_project():
                    raise UnusableInput(both("msg.vba.no_project", name=workbook.name) + ".")
                project = book.vba_project()
                present = {m.casefold(): m for m in project.module_names()}
                if standalone is None:
                    standalone = "xlwings" in present
                wanted = project_modules(standalone)
                ours = {*read_modules(), ADDIN_BRIDGE, VBA_MODULE_NAME, *XLWINGS_MODULES}
                removed = []
                for name in ours:
                    if name.casefold() in present:
                        project.delete_module(present[name.casefold()])
                        if name not in wanted:
                            removed.append(name)
                for name, (source, kind) in wanted.items():
                    _add(project, name, source, kind)
                book.remove_reference("xlwings")
                book.save(allow_invalidate_signature=True)
        except PyOpenVBAError as exc:
            raise UnusableInput(
                both("msg.vba.cannot_update", name=workbook.name) + f": {exc}."
            ) from exc
        with zipfile.ZipFile(scratch) as zf:
            data = zf.read(VBA_PART)
    return normalise_project(data), standalone, sorted(removed)


def update_vba(path: str | Path, standalone: bool | None = None) -> VbaUpdate:
    """Replace the VBA of an existing workbook with the current macros (and xlwings' module).

    Only xl/vbaProject.bin changes; every other part is copied as stored. Same safe write as
    recalc: refused while Excel's ~$ lock file exists or another run holds the workbook's lock; a
    symbolic link is followed (the real file is written, the link stays); written through a temp
    file and an atomic rename, the previous file kept as NAME.bak.xlsm.
    """
    from egov_bsc_xl.workbook.opc.files import real_path
    from egov_bsc_xl.workbook.opc.package import Package, backup_path, write_atomically
    from egov_bsc_xl.workbook.writing.recalc import _both
    from egov_bsc_xl.workbook.writing.safe_rewrite import locked_rewrite, refuse_unwritable

    shown = Path(path)
    if not shown.is_file():
        raise UnusableInput(both("msg.file.not_found", path=shown) + ".")
    if shown.suffix.lower() != ".xlsm":
        raise UnusableInput(both("msg.vba.not_xlsm", name=shown.name) + ".")
    target = real_path(shown)
    backup = backup_path(target)
    read_only = both("msg.vba.read_only", name=shown.name) + "."
    refuse_unwritable(shown, target, backup, read_only=read_only)
    with locked_rewrite(target, target, shown.name) as unchanged:
        try:
            package = Package(target)
        except (zipfile.BadZipFile, OSError) as exc:
            raise UnusableInput(both("msg.vba.unreadable", name=shown.name) + f": {exc}.") from exc
        try:
            if not package.exists(VBA_PART):
                raise UnusableInput(both("msg.vba.no_project", name=shown.name) + ".")
            data, variant, removed = refreshed_project(target, standalone)
            package.set(VBA_PART, data)
            try:
                write_atomically(package, target, backup, before_replace=unchanged)
            except PermissionError as exc:
                raise RecalcError(
                    _both("err_write", name=shown.name, reason=exc.strerror or exc)
                ) from exc
        finally:
            package.close()
    return VbaUpdate(
        shown,
        backup if backup.exists() else None,
        variant,
        tuple(project_modules(variant)),
        tuple(removed),
    )
