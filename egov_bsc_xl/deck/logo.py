"""The profile's logo: only from the workbook's folder (unless allowed), only an image PowerPoint shows."""

from __future__ import annotations

import warnings
from pathlib import Path

from egov_bsc_xl.errors import LogoProblem

FORMATS = {
    "PNG": "png",
    "JPEG": "jpg",
    "GIF": "gif",
    "BMP": "bmp",
}  # what PIL reads -> what PowerPoint shows
MAX_BYTES = 10 * 1024 * 1024  # 10 MB: a logo, not a photograph archive
MAX_SIDE = 8000  # pixels; a 30,000-pixel image would blow up every renderer's memory
MAX_PIXELS = 25_000_000


def _problem(id_text: str, en_text: str) -> LogoProblem:
    return LogoProblem(f"Logo tidak dipasang: {id_text} (logo left out: {en_text})")


def check_logo(raw: str, folder: Path | None, allow_outside: bool = False) -> Path:
    """The logo file named by the profile's `raw` path, checked; LogoProblem says why not.

    A relative path is read from `folder` (the workbook's folder; the working folder when None).
    The file must lie inside that folder (or below it) unless `allow_outside`, be at most 10 MB,
    and be a PNG, JPEG, GIF or BMP image of at most 8,000 pixels a side and 25 million pixels.
    """
    base = (folder or Path.cwd()).resolve()
    path = Path(raw.strip()).expanduser()
    if not path.is_absolute():
        path = base / path
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as exc:
        raise _problem(
            f"jalur '{raw}' tidak dapat dibaca ({exc})", f"the path '{raw}' cannot be read ({exc})"
        ) from exc
    if not allow_outside and not resolved.is_relative_to(base):
        raise _problem(
            f"'{raw}' berada di luar folder buku kerja {base}. Salin logo ke folder itu, atau izinkan dengan "
            f"--allow-logo-outside",
            f"'{raw}' is outside the workbook's folder {base}. Copy the logo into that folder, or allow it with "
            f"--allow-logo-outside",
        )
    if not resolved.is_file():
        raise _problem(
            f"berkas '{raw}' tidak ditemukan ({resolved})", f"file '{raw}' not found ({resolved})"
        )
    size = resolved.stat().st_size
    if size > MAX_BYTES:
        raise _problem(
            f"'{raw}' berukuran {size / 1024 / 1024:.1f} MB, lebih dari 10 MB",
            f"'{raw}' is {size / 1024 / 1024:.1f} MB, more than 10 MB",
        )
    _check_image(raw, resolved)
    return resolved


def _check_image(raw: str, path: Path) -> None:
    from PIL import Image  # local: only decks with a logo need it

    expected = "PNG, JPEG, GIF, BMP"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
                if (
                    kind in FORMATS
                    and width <= MAX_SIDE
                    and height <= MAX_SIDE
                    and width * height <= MAX_PIXELS
                ):
                    image.verify()  # reads the whole file: a truncated or corrupt image fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _problem(
            f"gambar '{raw}' terlalu besar ({exc})", f"the image '{raw}' is too large ({exc})"
        ) from exc
    except Exception as exc:  # PIL raises many kinds for text, SVG, broken files
        raise _problem(
            f"'{raw}' bukan gambar yang dapat dibaca (format yang diterima: {expected})",
            f"'{raw}' is not a readable image (accepted formats: {expected}); {type(exc).__name__}",
        ) from exc
    if kind not in FORMATS:
        raise _problem(
            f"'{raw}' berformat {kind}; gunakan {expected}", f"'{raw}' is {kind}; use {expected}"
        )
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _problem(
            f"gambar '{raw}' berukuran {width} × {height} piksel, lebih dari {MAX_SIDE} piksel per sisi "
            f"atau {MAX_PIXELS:,} piksel".replace(",", "."),
            f"the image '{raw}' is {width} × {height} pixels, more than {MAX_SIDE} a side or "
            f"{MAX_PIXELS:,} pixels",
        )
