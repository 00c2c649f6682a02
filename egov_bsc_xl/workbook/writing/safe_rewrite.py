"""The one safe rewrite of a workbook file, shared by `recalc` and `update-vba`.

Before anything is read: refused while Excel has the file open (its ~$ owner file), when it is
read-only, or when its backup name is taken by a folder. While it runs: the workbook's lock
(files.workbook_lock) is held from the read to the replace, so a second run waits or is refused;
stale temp files of an earlier crash are removed. At the replace: the file must still be the one
that was read (same modification time and size), else nothing is written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from egov_bsc_xl.errors import RecalcError
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.workbook.opc.files import (
    excel_owner_file,
    remove_stale_temp_files,
    workbook_lock,
)


def writable(path: Path) -> bool:
    """True when `path` (or, for a new file, its folder) may be written."""
    if not path.exists():
        return os.access(path.parent, os.W_OK)
    mode = path.stat().st_mode
    return bool(mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def stamp(path: Path) -> tuple[int, int]:
    """What tells that a file changed: its modification time (ns) and size."""
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def refuse_unwritable(
    shown: Path,
    target: Path,
    backup: Path | None,
    *,
    check_lock: bool = True,
    check_write: bool = True,
    read_only: str | None = None,
) -> None:
    """RecalcError (one sentence) when `target` (named `shown` to the user) is open in Excel, is
    read-only (then the message is `read_only`, or recalc's), or its `backup` name is not a file."""
    lock = excel_owner_file(shown) if check_lock else None
    if lock is not None:
        raise RecalcError(both("sheet.err_locked", name=shown.name, lock=lock.name))
    if check_write and not writable(target):
        raise RecalcError(read_only or both("sheet.err_read_only", name=shown.name))
    if backup is not None and (backup.is_dir() or (backup.exists() and not backup.is_file())):
        raise RecalcError(both("sheet.err_backup_folder", name=backup))


@contextmanager
def locked_rewrite(
    target: Path, read_from: Path, name: str, *, wait: float = 0.0
) -> Iterator[Callable[[], None]]:
    """Hold `target`'s lock while the caller reads `read_from` and writes `target`.

    Yields `unchanged`, the check to give write_atomically as `before_replace`: RecalcError when
    `read_from` vanished or changed since the lock was taken (`name` names it in the message).
    """
    with workbook_lock(target, wait=wait):
        remove_stale_temp_files(target)
        before = stamp(read_from) if read_from.exists() else None

        def unchanged() -> None:
            try:
                now = stamp(read_from)
            except FileNotFoundError:
                raise RecalcError(both("sheet.err_vanished", name=name)) from None
            if now != before:
                raise RecalcError(both("sheet.err_changed", name=name))

        yield unchanged
