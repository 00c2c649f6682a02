"""The .xlsx/.xlsm zip package: find parts by sheet name; replace parts and write the file atomically.

A `Package` is the file opened once for a whole run: the reader's scans (`package_zip`) and the
writers read its parts through it, and what is parsed from a part that rarely changes (the root
and workbook relationships, the sheet list, each part's relationships) is kept (`Package.memo`)
until that part is replaced. The Open XML names come from egov_bsc_xl.ooxml.constants.
"""

from __future__ import annotations

import io
import posixpath
import shutil
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TypeVar
from xml.etree import ElementTree as ET

from lxml import etree

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.i18n.catalogue import both, phrase
from egov_bsc_xl.ooxml.constants import NAMESPACE, RELATIONSHIP_TYPE, of_type, qn, suffix
from egov_bsc_xl.workbook.opc.deflate import Deflated
from egov_bsc_xl.workbook.opc.files import atomic_write, backup_path, temp_files
from egov_bsc_xl.workbook.opc.limits import check_part

__all__ = [
    "Package",
    "backup_path",
    "check_part",
    "package_zip",
    "sheet_part_names",
    "temp_files",
    "workbook_part",
    "write_atomically",
]

T = TypeVar("T")
_ROOT_RELS = "_rels/.rels"


def workbook_part(zf: zipfile.ZipFile | Package) -> str:
    """Path of the workbook part named by the package's root relationships."""
    if isinstance(zf, Package):
        return next(
            (
                rel.get("Target", "xl/workbook.xml").lstrip("/")
                for rel in read_rels(zf, "")
                if rel.get("Type", "").endswith(suffix(RELATIONSHIP_TYPE.OFFICE_DOCUMENT))
            ),
            "xl/workbook.xml",
        )
    return _workbook_part(zf)


def _workbook_part(zf: zipfile.ZipFile | Package) -> str:
    rels = ET.fromstring(zf.read(_ROOT_RELS))
    for rel in rels.findall(qn(NAMESPACE.OPC_RELATIONSHIPS, "Relationship")):
        if rel.get("Type", "").endswith(suffix(RELATIONSHIP_TYPE.OFFICE_DOCUMENT)):
            return rel.get("Target", "xl/workbook.xml").lstrip("/")
    return "xl/workbook.xml"


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def sheet_part_names(zf: zipfile.ZipFile | Package) -> dict[str, str]:
    """Sheet name -> path of its worksheet part inside the package (a new dict on every call)."""
    book = workbook_part(zf)
    if isinstance(zf, Package):
        return dict(
            zf.memo(
                "sheet_part_names",
                (_ROOT_RELS, book, rels_path(book)),
                lambda: _package_sheet_names(zf, book),
            )
        )
    return _sheet_part_names(zf, book)


def _sheet_part_names(zf: zipfile.ZipFile | Package, book: str) -> dict[str, str]:
    folder = posixpath.dirname(book)
    targets: dict[str, str] = {}
    rels = ET.fromstring(zf.read(rels_path(book)))
    for rel in rels.findall(qn(NAMESPACE.OPC_RELATIONSHIPS, "Relationship")):
        target = rel.get("Target", "")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        targets[rel.get("Id", "")] = path
    root = ET.fromstring(zf.read(book))
    sheets = root.find(qn(NAMESPACE.SML_MAIN, "sheets"))
    names: dict[str, str] = {}
    for sheet in sheets if sheets is not None else []:
        rid = sheet.get(qn(NAMESPACE.OFC_RELATIONSHIPS, "id"), "")
        if rid in targets:
            names[sheet.get("name", "")] = targets[rid]
    return names


# ---------------------------------------------------------------- reading parts safely

# No entities, no DTD, no network: a part that declares entities is refused before parsing.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _broken(pkg: Package, part: str, what: str, **values: object) -> UnusableInput:
    """The part cannot be used, so recalc stops; `what` is the key of the reason (msg.part.*)."""
    reason = phrase(f"msg.part.{what}", **values)
    return UnusableInput(
        both("msg.part.broken_recalc", path=pkg.path, part=part, what=reason) + "."
    )


def read_part(pkg: Package, part: str) -> bytes:
    """The bytes of a part recalc reads; one sentence when it is missing, too big or damaged."""
    info = pkg.infos.get(part)
    if info is not None and part not in pkg.changed:
        check_part(info, pkg.path)
    try:
        return pkg.read(part)
    except KeyError:
        raise _broken(pkg, part, "missing") from None
    except (zlib.error, zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise _broken(pkg, part, "damaged", error=exc) from None


def parse_part(pkg: Package, part: str, data: bytes | None = None) -> etree._Element:
    """Parse a part recalc rewrites; DOCTYPE/entities, bad XML and excessive nesting become a sentence."""
    xml = read_part(pkg, part) if data is None else data
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:4096]:
        raise _broken(pkg, part, "doctype_recalc")
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _broken(pkg, part, "not_xml", error=exc) from None


def read_rels(pkg: Package, part: str) -> list[dict[str, str]]:
    """The relationships of `part` (Id, Type, Target, ...), parsed once per package until its
    relationships part is replaced; each call returns fresh dicts the caller may change."""
    path = rels_path(part)
    if not pkg.exists(path):
        return []
    rels = pkg.memo("rels:" + path, (path,), lambda: _parse_rels(pkg, path))
    return [dict(rel) for rel in rels]


def _parse_rels(pkg: Package, path: str) -> list[dict[str, str]]:
    root = parse_part(pkg, path)
    return [dict(el.attrib) for el in root if etree.QName(el).localname == "Relationship"]


def resolve(part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def table_part(pkg: Package, name: str) -> tuple[str, str, etree._Element] | None:
    """(sheet part, table part, table element) of the Excel table called `name` (its name or
    display name, case ignored); None when no sheet has it."""
    for sheet in sheet_part_names(pkg).values():
        for rel in read_rels(pkg, sheet):
            if not of_type(rel["Type"], RELATIONSHIP_TYPE.TABLE):
                continue
            target = resolve(sheet, rel["Target"])
            if not pkg.exists(target):
                continue
            root = parse_part(pkg, target)
            if name.lower() in (root.get("name", "").lower(), root.get("displayName", "").lower()):
                return sheet, target, root
    return None


def _package_sheet_names(pkg: Package, book: str) -> dict[str, str]:
    targets = {
        rel.get("Id", ""): resolve(book, rel.get("Target", "")) for rel in read_rels(pkg, book)
    }
    sheets = parse_part(pkg, book).find(qn(NAMESPACE.SML_MAIN, "sheets"))
    names: dict[str, str] = {}
    for sheet in sheets if sheets is not None else []:
        rid = sheet.get(qn(NAMESPACE.OFC_RELATIONSHIPS, "id"), "")
        if rid in targets:
            names[sheet.get("name", "")] = targets[rid]
    return names


@contextmanager
def package_zip(source: Package | str | Path) -> Iterator[zipfile.ZipFile]:
    """The open zip of `source`: a Package's own (left open: the package closes it), or a path
    opened for the `with` block. The reader takes either, so one run opens the file once."""
    if isinstance(source, Package):
        yield source.zipfile
        return
    with zipfile.ZipFile(source) as zf:
        yield zf


# ---------------------------------------------------------------- part surgery and atomic writing

BIG_PART = 4 * 1024 * 1024  # rewritten parts above this size are deflated at level 1 (speed)


class _SharingZipFile(zipfile.ZipFile):
    """The package's zip: a part read whole (by the package or by a reader given `package_zip`)
    is inflated once and kept in the package's `inflated` dict; streams (`open`) are not kept."""

    def __init__(self, file: BinaryIO, inflated: dict[str, bytes]):
        super().__init__(file)
        self.inflated = inflated

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        key = name.filename if isinstance(name, zipfile.ZipInfo) else name
        if pwd is None and key in self.inflated:
            return self.inflated[key]
        data = super().read(name, pwd)
        if pwd is None:
            self.inflated.setdefault(key, data)
        return data


class Package:
    """An OPC package opened for surgery: unchanged parts are copied as stored (compressed bytes and
    all), changed parts are replaced, new parts are appended, deleted parts are left out."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed by close(); parts are copied from it
        self._prefetch: threading.Thread | None = None
        self._prefetched: set[str] = set()  # the parts the prefetch inflates
        # What was parsed from parts: key -> (the parts it was parsed from, the result)
        self._memo: dict[str, tuple[tuple[str, ...], Any]] = {}
        self._original: dict[str, bytes] = {}  # decompressed original parts already read
        try:
            self._zf = _SharingZipFile(self._raw, self._original)
        except BaseException:
            self._raw.close()
            raise
        try:
            for info in self._zf.infolist():
                check_part(info, self.path)
        except BaseException:
            self.close()
            raise
        self.infos = {info.filename: info for info in self._zf.infolist()}
        self.order = [info.filename for info in self._zf.infolist()]
        self.changed: dict[str, bytes | Deflated] = {}
        self.deleted: set[str] = set()

    @property
    def zipfile(self) -> zipfile.ZipFile:
        """The package's open zip (for readers that stream a part; do not close it)."""
        return self._zf

    def memo(self, key: str, parts: tuple[str, ...], compute: Callable[[], T]) -> T:
        """`compute()`, parsed from `parts`, once until one of those parts is set or deleted.
        Results are shared: a caller that changes one must copy it first."""
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = (parts, compute())
        return found[1]

    def _forget(self, name: str) -> None:
        for key in [k for k, (parts, _) in self._memo.items() if name in parts]:
            del self._memo[key]

    def prefetch(self, min_size: int | None = None) -> None:
        """Decompress the big worksheets in a background thread (zlib lets go of the GIL), so that
        they are ready when the writer needs them while the tables are being read and scored.
        Only worksheets (which recalc reads): other parts are copied as streams, never held."""
        min_size = BIG_PART if min_size is None else min_size
        names = [
            n
            for n, i in self.infos.items()
            if i.file_size >= min_size
            and n not in self._original
            and n.startswith("xl/worksheets/")
            and n.endswith(".xml")
        ]
        if not names:
            return

        def work() -> None:  # zipfile reads members of one ZipFile safely from two threads
            for name in names:
                try:
                    self._zf.read(name)  # kept by the zip
                except Exception:  # noqa: BLE001 - read again by the caller, who reports it
                    return

        self._prefetched.update(names)
        self._prefetch = threading.Thread(target=work, name="egov-bsc-prefetch", daemon=True)
        self._prefetch.start()

    def inflated(self, name: str) -> bytes | None:
        """The original bytes of `name` when the prefetch inflates it (waiting for it), else None:
        a reader that would inflate the part again takes these instead."""
        if name not in self._prefetched or name in self.changed or name in self.deleted:
            return None
        self._join()
        return self._original.get(name)

    def _join(self) -> None:
        if self._prefetch is not None:
            self._prefetch.join()
            self._prefetch = None

    def close(self) -> None:
        self._join()
        self._zf.close()
        self._raw.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def exists(self, name: str) -> bool:
        return name not in self.deleted and (name in self.changed or name in self.infos)

    def read(self, name: str) -> bytes:
        if name in self.deleted:
            raise KeyError(name)
        if name in self.changed:
            data = self.changed[name]
            return data if isinstance(data, bytes) else data.inflate()
        return self._read_original(name)

    def _read_original(self, name: str) -> bytes:
        self._join()
        return self._zf.read(name)  # inflated once, then kept

    def set(self, name: str, data: bytes) -> None:
        """Replace or add a part; setting the bytes it already has changes nothing."""
        self.deleted.discard(name)
        self._forget(name)
        if name in self.infos and self._read_original(name) == data:
            self.changed.pop(name, None)
            return
        self.changed[name] = data

    def set_deflated(self, name: str, part: Deflated) -> None:
        """Replace a part by its deflated bytes (opc.deflate), written into the zip as they are.
        The inflated original is let go (a million-row sheet: 300 MB); `read` inflates again."""
        self.deleted.discard(name)
        self._forget(name)
        self.changed[name] = part
        self._original.pop(name, None)

    def delete(self, name: str) -> None:
        self._forget(name)
        self.changed.pop(name, None)
        if name in self.infos:
            self.deleted.add(name)

    def names(self) -> list[str]:
        extra = [n for n in self.changed if n not in self.infos]
        return [n for n in self.order if n not in self.deleted] + sorted(extra)

    def write_to(self, fileobj: BinaryIO) -> None:
        """Write the package to an open binary file (seekable)."""
        self._join()  # parts are copied from the raw file: no other reader may move it meanwhile
        src = self._raw
        with zipfile.ZipFile(fileobj, "w", zipfile.ZIP_DEFLATED) as out:
            for name in self.names():
                if name in self.changed:
                    base = self.infos.get(name)
                    info = zipfile.ZipInfo(
                        name, date_time=base.date_time if base else (1980, 1, 1, 0, 0, 0)
                    )
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = base.external_attr if base else 0o600 << 16
                    data = self.changed[name]
                    if isinstance(data, Deflated):
                        info.file_size, info.compress_size, info.CRC = (
                            data.size,
                            len(data.data),
                            data.crc,
                        )
                        _write_raw(out, info, io.BytesIO(data.data))
                    else:
                        out.writestr(info, data, compresslevel=1 if len(data) > BIG_PART else 6)
                else:
                    _copy_member(out, src, self.infos[name], self._zf)


_CHUNK = 1024 * 1024  # bytes per read while a part is copied


def _copy_member(
    out: zipfile.ZipFile, src: BinaryIO, info: zipfile.ZipInfo, zf: zipfile.ZipFile
) -> None:
    """Copy one member's stored bytes unchanged, as a stream (bounded memory, any size, ZIP64
    too); re-deflate, also as a stream, only what cannot be copied raw (other compressions,
    encrypted members)."""
    raw_ok = (
        info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
        and not info.flag_bits & 0x1
    )
    if raw_ok:
        src.seek(info.header_offset)
        header = src.read(30)
        if header[:4] == b"PK\x03\x04":
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            src.seek(info.header_offset + 30 + name_len + extra_len)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.file_size, copy.compress_size, copy.CRC = (
                info.file_size,
                info.compress_size,
                info.CRC,
            )
            _write_raw(out, copy, src)
            return
    fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    fresh.compress_type = zipfile.ZIP_DEFLATED
    fresh.external_attr = info.external_attr
    fresh.file_size = info.file_size
    with (
        zf.open(info) as reader,
        out.open(fresh, "w", force_zip64=info.file_size > zipfile.ZIP64_LIMIT // 2) as writer,
    ):
        shutil.copyfileobj(reader, writer, _CHUNK)


def _write_raw(out: zipfile.ZipFile, info: zipfile.ZipInfo, src: BinaryIO) -> None:
    """Append a member whose stored bytes (`info.compress_size` of them, read from `src`) and
    CRC and sizes are known: written as they are, nothing compressed again."""
    fp = out.fp
    assert fp is not None
    fp.seek(out.start_dir)
    info.header_offset = fp.tell()
    zip64 = info.file_size > zipfile.ZIP64_LIMIT or info.compress_size > zipfile.ZIP64_LIMIT
    fp.write(info.FileHeader(zip64))
    left = info.compress_size
    while left:
        chunk = src.read(min(left, _CHUNK))
        if not chunk:
            raise zipfile.BadZipFile(f"truncated member {info.filename}")
        fp.write(chunk)
        left -= len(chunk)
    out.start_dir = fp.tell()
    out.filelist.append(info)
    out.NameToInfo[info.filename] = info
    out._didModify = True  # type: ignore[attr-defined]


def write_atomically(
    package: Package,
    target: Path,
    backup: Path | None = None,
    before_replace: Callable[[], None] | None = None,
) -> Path:
    """Write `package` to `target` through files.atomic_write (unique temp file, fsync, backup,
    rename; a symbolic link's real file is written). `before_replace` may raise to cancel."""
    return atomic_write(target, package.write_to, backup=backup, before_replace=before_replace)
