"""The profile's logo: only from the workbook's folder (unless allowed), only an image PowerPoint shows."""

from __future__ import annotations

import warnings
from pathlib import Path

from egov_bsc_xl.errors import LogoProblem
from egov_bsc_xl.i18n.catalogue import Words, both, phrase

FORMATS = {
    "PNG": "png",
    "JPEG": "jpg",
    "GIF": "gif",
    "BMP": "bmp",
}  # what PIL reads -> what PowerPoint shows
MAX_BYTES = 10 * 1024 * 1024  # 10 MB: a logo, not a photograph archive
MAX_SIDE = 8000  # pixels; a 30,000-pixel image would blow up every renderer's memory
MAX_PIXELS = 25_000_000


def _problem(what: str, **values: object) -> LogoProblem:
    """The logo is left out of the deck; `what` is the key of the reason (msg.logo.*)."""
    return LogoProblem(both("msg.logo.left_out", what=phrase(f"msg.logo.{what}", **values)))


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
        raise _problem("path", raw=raw, error=exc) from exc
    if not allow_outside and not resolved.is_relative_to(base):
        raise _problem("outside", raw=raw, base=base)
    if not resolved.is_file():
        raise _problem("not_found", raw=raw, path=resolved)
    size = resolved.stat().st_size
    if size > MAX_BYTES:
        raise _problem("too_big", raw=raw, size=f"{size / 1024 / 1024:.1f}")
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
        raise _problem("bomb", raw=raw, error=exc) from exc
    except Exception as exc:  # PIL raises many kinds for text, SVG, broken files
        raise _problem("not_image", raw=raw, expected=expected, kind=type(exc).__name__) from exc
    if kind not in FORMATS:
        raise _problem("format", raw=raw, kind=kind, expected=expected)
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _problem(
            "pixels",
            raw=raw,
            width=width,
            height=height,
            side=MAX_SIDE,
            pixels=Words(f"{MAX_PIXELS:,}".replace(",", "."), f"{MAX_PIXELS:,}"),
        )
