"""Deterministic saving: fixed core properties and zip timestamps, so one input gives one file."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from pptx.presentation import Presentation as PresentationT

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def set_core_properties(prs: PresentationT, *, title: str, author: str, when: dt.date) -> None:
    """Core properties derived from the report, never from the clock."""
    stamp = dt.datetime(when.year, when.month, when.day, 8, 0, 0)
    core = prs.core_properties
    core.title = title[:255]
    core.author = author[:255]
    core.last_modified_by = "egov-bsc-xl"
    core.subject = "Balanced Scorecard SPBE"
    core.keywords = "BSC; SPBE; e-Government"
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = stamp
    core.modified = stamp
    core.last_printed = stamp


def deterministic_bytes(prs: PresentationT) -> bytes:
    """The .pptx bytes of `prs` with every zip member stamped 1980-01-01 (members in saved order)."""
    raw = io.BytesIO()
    prs.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_atomically(data: bytes, path: Path) -> Path:
    """Write `data` to `path` through a temporary file in the same folder (never half a file)."""
    from egov_bsc_xl.workbook.opc.files import atomic_write

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)  # the product's one safe write: unique temp file, fsync, rename
    return path
