"""The .xlsx/.xlsm zip package: find parts by sheet name; replace parts and write the file atomically."""

from __future__ import annotations

import posixpath
import shutil
import struct
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

from egov_bsc_xl.workbook.files import atomic_write, backup_path, temp_files
from egov_bsc_xl.workbook.limits import check_part

__all__ = ["Package", "backup_path", "check_part", "sheet_part_names", "temp_files", "workbook_part",
           "write_atomically"]

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook_part(zf: zipfile.ZipFile) -> str:
    """Path of the workbook part named by the package's root relationships."""
    rels = ET.fromstring(zf.read("_rels/.rels"))
    for rel in rels.findall(f"{{{NS_PKG_REL}}}Relationship"):
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "xl/workbook.xml").lstrip("/")
    return "xl/workbook.xml"


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def sheet_part_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its worksheet part inside the package."""
    book = workbook_part(zf)
    folder = posixpath.dirname(book)
    targets: dict[str, str] = {}
    rels = ET.fromstring(zf.read(rels_path(book)))
    for rel in rels.findall(f"{{{NS_PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        targets[rel.get("Id", "")] = path
    root = ET.fromstring(zf.read(book))
    sheets = root.find(f"{{{NS_MAIN}}}sheets")
    names: dict[str, str] = {}
    for sheet in sheets if sheets is not None else []:
        rid = sheet.get(f"{{{NS_REL}}}id", "")
        if rid in targets:
            names[sheet.get("name", "")] = targets[rid]
    return names


# ---------------------------------------------------------------- part surgery and atomic writing

_BIG_PART = 4 * 1024 * 1024  # rewritten parts above this size are deflated at level 1 (speed)


class Package:
    """An OPC package opened for surgery: unchanged parts are copied as stored (compressed bytes and
    all), changed parts are replaced, new parts are appended, deleted parts are left out."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed by close(); parts are copied from it
        try:
            self._zf = zipfile.ZipFile(self._raw)
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
        self.changed: dict[str, bytes] = {}
        self.deleted: set[str] = set()
        self._original: dict[str, bytes] = {}  # decompressed original parts already read
        self._prefetch: threading.Thread | None = None

    def prefetch(self, min_size: int = _BIG_PART) -> None:
        """Decompress the big worksheets in a background thread (zlib lets go of the GIL), so that
        they are ready when the writer needs them while the tables are being read and scored.
        Only worksheets (which recalc reads): other parts are copied as streams, never held."""
        names = [n for n, i in self.infos.items() if i.file_size >= min_size and n not in self._original
                 and n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if not names:
            return

        def work() -> None:
            with zipfile.ZipFile(self.path) as zf:
                for name in names:
                    self._original.setdefault(name, zf.read(name))

        self._prefetch = threading.Thread(target=work, name="egov-bsc-prefetch", daemon=True)
        self._prefetch.start()

    def close(self) -> None:
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
            return self.changed[name]
        return self._read_original(name)

    def _read_original(self, name: str) -> bytes:
        if self._prefetch is not None:
            self._prefetch.join()
            self._prefetch = None
        if name not in self._original:
            self._original[name] = self._zf.read(name)
        return self._original[name]

    def set(self, name: str, data: bytes) -> None:
        """Replace or add a part; setting the bytes it already has changes nothing."""
        self.deleted.discard(name)
        if name in self.infos and self._read_original(name) == data:
            self.changed.pop(name, None)
            return
        self.changed[name] = data

    def delete(self, name: str) -> None:
        self.changed.pop(name, None)
        if name in self.infos:
            self.deleted.add(name)

    def names(self) -> list[str]:
        extra = [n for n in self.changed if n not in self.infos]
        return [n for n in self.order if n not in self.deleted] + sorted(extra)

    def write_to(self, fileobj: BinaryIO) -> None:
        """Write the package to an open binary file (seekable)."""
        src = self._raw
        with zipfile.ZipFile(fileobj, "w", zipfile.ZIP_DEFLATED) as out:
            for name in self.names():
                if name in self.changed:
                    base = self.infos.get(name)
                    info = zipfile.ZipInfo(name, date_time=base.date_time if base else (1980, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = base.external_attr if base else 0o600 << 16
                    data = self.changed[name]
                    out.writestr(info, data, compresslevel=1 if len(data) > _BIG_PART else 6)
                else:
                    _copy_member(out, src, self.infos[name], self._zf)


_CHUNK = 1024 * 1024  # bytes per read while a part is copied


def _copy_member(out: zipfile.ZipFile, src: BinaryIO, info: zipfile.ZipInfo, zf: zipfile.ZipFile) -> None:
    """Copy one member's stored bytes unchanged, as a stream (bounded memory, any size, ZIP64
    too); re-deflate, also as a stream, only what cannot be copied raw (other compressions,
    encrypted members)."""
    raw_ok = info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) and not info.flag_bits & 0x1
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
            copy.file_size, copy.compress_size, copy.CRC = info.file_size, info.compress_size, info.CRC
            fp = out.fp
            assert fp is not None
            fp.seek(out.start_dir)
            copy.header_offset = fp.tell()
            zip64 = copy.file_size > zipfile.ZIP64_LIMIT or copy.compress_size > zipfile.ZIP64_LIMIT
            fp.write(copy.FileHeader(zip64))
            left = info.compress_size
            while left:
                chunk = src.read(min(left, _CHUNK))
                if not chunk:
                    raise zipfile.BadZipFile(f"truncated member {info.filename}")
                fp.write(chunk)
                left -= len(chunk)
            out.start_dir = fp.tell()
            out.filelist.append(copy)
            out.NameToInfo[copy.filename] = copy
            out._didModify = True  # type: ignore[attr-defined]
            return
    fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    fresh.compress_type = zipfile.ZIP_DEFLATED
    fresh.external_attr = info.external_attr
    fresh.file_size = info.file_size
    with zf.open(info) as reader, out.open(fresh, "w", force_zip64=info.file_size > zipfile.ZIP64_LIMIT // 2) as writer:
        shutil.copyfileobj(reader, writer, _CHUNK)


def write_atomically(package: Package, target: Path, backup: Path | None = None,
                     before_replace: Callable[[], None] | None = None) -> Path:
    """Write `package` to `target` through files.atomic_write (unique temp file, fsync, backup,
    rename; a symbolic link's real file is written). `before_replace` may raise to cancel."""
    return atomic_write(target, package.write_to, backup=backup, before_replace=before_replace)
