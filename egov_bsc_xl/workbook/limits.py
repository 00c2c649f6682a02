"""Limits on what a workbook package may ask us to inflate: one check shared by reading and writing.

A part of an .xlsx/.xlsm is a deflated zip member. A hostile or broken file can declare a part
that inflates to gigabytes from a few megabytes (a "zip bomb"); reading it would cost that much
memory or time. `check_part` refuses such a part with one sentence (UnusableInput, exit 2) before
anything is inflated; it looks only at the zip directory, so it costs nothing.

The bounds (measured on real workbooks): a 100,000-row Realisasi sheet inflates to about 40 MB
at a ratio of 10 to 15; Excel's own parts stay below a ratio of 100. A part is refused when it
inflates to more than MAX_PART_BYTES, or when it inflates to more than RATIO_FLOOR_BYTES at a
ratio above MAX_RATIO.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from egov_bsc_xl.errors import UnusableInput

MAX_PART_BYTES = 1024 * 1024 * 1024  # 1 GiB inflated: far above any sheet Excel can hold usefully
MAX_RATIO = 200  # inflated size / stored size
RATIO_FLOOR_BYTES = 32 * 1024 * 1024  # below 32 MiB inflated, any ratio is harmless
MAX_PARTS = 100_000  # members in one package


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MiB"


def check_part(info: zipfile.ZipInfo, path: str | Path | None = None) -> None:
    """Raise UnusableInput when the part `info` would inflate to an absurd size or ratio."""
    where = f"{path}: " if path is not None else ""
    size, stored = info.file_size, max(info.compress_size, 1)
    if size > MAX_PART_BYTES:
        raise UnusableInput(
            f"{where}bagian {info.filename} mengembang menjadi {_mib(size)}, melebihi batas {_mib(MAX_PART_BYTES)}; "
            f"berkas ditolak ({where}part {info.filename} inflates to {_mib(size)}, above the limit of "
            f"{_mib(MAX_PART_BYTES)}; the file is refused)."
        )
    if size > RATIO_FLOOR_BYTES and size / stored > MAX_RATIO:
        ratio = size // stored
        raise UnusableInput(
            f"{where}bagian {info.filename} mengembang {ratio}× (dari {_mib(stored)} menjadi {_mib(size)}), "
            f"tidak wajar untuk buku kerja Excel; berkas ditolak ({where}part {info.filename} inflates {ratio} "
            f"times, from {_mib(stored)} to {_mib(size)}, which no real workbook does; the file is refused)."
        )


def check_package(zf: zipfile.ZipFile, path: str | Path | None = None) -> None:
    """`check_part` on every member of an open package, plus a bound on the number of members."""
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        where = f"{path}: " if path is not None else ""
        raise UnusableInput(
            f"{where}paket berisi {len(infos):,} bagian, melebihi batas {MAX_PARTS:,}; berkas ditolak "
            f"({where}the package holds {len(infos):,} parts, above the limit of {MAX_PARTS:,}; the file is refused)."
        )
    for info in infos:
        check_part(info, path)
