"""Limits on the zip parts of a workbook: refuse a part whose inflated size or ratio is absurd.

The product reads small XML parts and copies every other part as stored, as a stream, so a
legitimate big part (a 2 GB video) costs no memory. What it refuses is a part that no Excel
workbook holds: one that claims to inflate beyond MAX_PART_SIZE, or a big part that inflates
more than MAX_RATIO times its stored size (Apache POI's ZipSecureFile refuses the same ratio,
its minimum inflate ratio 0.01). Parts that inflate to at most RATIO_GRACE are never refused
for their ratio: small, very regular XML legitimately compresses that well.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.i18n.sheet_texts import text

MAX_PART_SIZE = 4 * 1024**3  # bytes, inflated
MAX_RATIO = 100  # inflated size / stored size
RATIO_GRACE = 16 * 1024**2  # bytes, inflated


class PartRefused(UnusableInput):
    """A part of the zip package is absurdly big or inflates absurdly (exit 2)."""


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"


def check_part(info: zipfile.ZipInfo, workbook: str | Path | None = None) -> None:
    """Raise PartRefused (one sentence naming the workbook and the part) for an absurd part."""
    name = Path(workbook).name if workbook is not None else "?"
    values: dict[str, object] = {"name": name, "part": info.filename}
    if info.file_size > MAX_PART_SIZE:
        values.update(size=_size(info.file_size), limit=_size(MAX_PART_SIZE))
        raise PartRefused(f"{text('err_part_size', 'id', **values)} ({text('err_part_size', 'en', **values)})")
    if info.file_size > RATIO_GRACE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        values.update(ratio=f"{info.file_size / max(info.compress_size, 1):.0f}", limit=MAX_RATIO)
        raise PartRefused(f"{text('err_part_ratio', 'id', **values)} ({text('err_part_ratio', 'en', **values)})")
