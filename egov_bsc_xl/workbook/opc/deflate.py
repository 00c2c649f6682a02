"""A big part deflated while it is being made, so that its new text is never held whole.

recalc's refresh of a million-row measurement sheet makes the new sheet in pieces of a few MB;
each piece is deflated in a worker thread while the next one is made (zlib lets go of the GIL)
and dropped, and the package writes the compressed bytes as they are (`Package.set_deflated`).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NamedTuple

LEVEL = 1  # the level the package writes big parts at (see package._BIG_PART): speed


class Deflated(NamedTuple):
    """A part as a zip member stores it with method 8: a raw deflate stream, and the part's
    CRC-32 and size."""

    data: bytes
    crc: int
    size: int

    def inflate(self) -> bytes:
        return zlib.decompress(self.data, -15)


def deflate(pieces: Iterable[bytes | memoryview], level: int = LEVEL) -> Deflated:
    """Deflate the part whose bytes are `pieces`, in order, one piece ahead in a worker thread.

    An exception of the iterable stops it and goes to the caller (nothing is kept)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)  # what zipfile's writer uses
    out: list[bytes] = []
    crc = size = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="egov-bsc-deflate") as worker:
        pending: Future[bytes] | None = None
        for piece in pieces:
            job = worker.submit(compressor.compress, piece)  # one worker: in order
            crc = zlib.crc32(piece, crc)
            size += len(piece)
            if pending is not None:
                out.append(pending.result())
            pending = job
        if pending is not None:
            out.append(pending.result())
    out.append(compressor.flush())
    return Deflated(b"".join(out), crc, size)
