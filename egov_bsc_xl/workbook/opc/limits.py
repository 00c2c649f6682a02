"""Limits on what a workbook package may ask us to inflate: one check shared by reading and writing.

A part of an .xlsx/.xlsm is a deflated zip member. A hostile or broken file can declare a part
that inflates to gigabytes from a few megabytes (a "zip bomb"); reading it would cost that much
memory or time. `check_part` refuses such a part with one sentence (PartRefused, exit 2) before
anything is inflated; it looks only at the zip directory, so it costs nothing.

The product reads small XML parts and copies every other part as stored, as a stream, so a
legitimate big part (a 2 GB video) costs no memory and is not refused. What it refuses is a part
that no Excel workbook holds: one that claims to inflate beyond MAX_PART_BYTES, or a part above
RATIO_FLOOR_BYTES that inflates more than MAX_RATIO times its stored size (Apache POI's
ZipSecureFile refuses the same ratio, its minimum inflate ratio 0.01). Measured on real workbooks:
a 100,000-row Realisasi sheet inflates to about 40 MB at a ratio of 10 to 15; small, very regular
XML may compress far better, which is why parts below the floor are never refused for their ratio.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from egov_bsc_xl.errors import PartRefused
from egov_bsc_xl.i18n.catalogue import both

MAX_PART_BYTES = 4 * 1024**3  # inflated
MAX_RATIO = 100  # inflated size / stored size
RATIO_FLOOR_BYTES = 16 * 1024**2  # inflated; below this any ratio is harmless
MAX_PARTS = 100_000  # members in one package


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"


def _both(key: str, **values: object) -> str:
    return both(f"sheet.{key}", **values)


def check_part(info: zipfile.ZipInfo, workbook: str | Path | None = None) -> None:
    """Raise PartRefused (one sentence naming the workbook and the part) for an absurd part."""
    name = str(workbook) if workbook is not None else "?"
    values: dict[str, object] = {"name": name, "part": info.filename}
    size, stored = info.file_size, max(info.compress_size, 1)
    if size > MAX_PART_BYTES:
        raise PartRefused(
            _both("err_part_size", size=_size(size), limit=_size(MAX_PART_BYTES), **values)
        )
    if size > RATIO_FLOOR_BYTES and size > MAX_RATIO * stored:
        raise PartRefused(
            _both("err_part_ratio", ratio=f"{size / stored:.0f}", limit=MAX_RATIO, **values)
        )


def check_package(zf: zipfile.ZipFile, path: str | Path | None = None) -> None:
    """`check_part` on every member of an open package, plus a bound on the number of members."""
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        where = f"{path}: " if path is not None else ""
        raise PartRefused(
            both(
                "msg.file.too_many_parts",
                where=where,
                count=f"{len(infos):,}",
                limit=f"{MAX_PARTS:,}",
            )
            + "."
        )
    for info in infos:
        check_part(info, path)
