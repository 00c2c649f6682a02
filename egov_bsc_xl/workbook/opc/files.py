"""Files around a workbook: one lock per target, one safe write, temp names, Excel's owner file.

Every file the product writes (recalc, new, decks, later collect/consolidate) goes through
`atomic_write`: a uniquely named temp file beside the target, fsync, the Mark of the Web copied
over, an optional one-generation backup, then `os.replace` and an fsync of the folder. A write
holds `workbook_lock(target)` (a lock file beside the real target, locked with fcntl.flock or
msvcrt.locking), so two runs never write the same file at once, and temp files of earlier runs
(killed, full disk) are removed: while we hold the lock no live run can own them.

    with workbook_lock(path):          # from the read to the replace
        data = read(path)
        atomic_write(path, write_fn_or_bytes, backup=backup_path(path))
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from egov_bsc_xl.errors import BusyError, WriteError
from egov_bsc_xl.i18n import catalogue
from egov_bsc_xl.i18n.formats import os_reason

TMP_TAG = ".egov-bsc"  # temp files are `.NAME.egov-bsc-<random>.tmp` beside NAME
LOCK_SUFFIX = (
    ".egov-bsc.lock"  # the lock file is `.NAME.egov-bsc.lock` beside NAME, removed after use
)


def both(key: str, **values: object) -> str:
    """A message in Indonesian, then English in brackets (the file's language is not known here)."""
    return catalogue.both(f"sheet.{key}", **values)


# ---------------------------------------------------------------- names


def real_path(path: str | Path) -> Path:
    """The file a write must change: symbolic links followed (a link stays a link)."""
    return Path(os.path.realpath(path))


def backup_path(path: Path) -> Path:
    """`Kinerja 2026.xlsm` -> `Kinerja 2026.bak.xlsm` (one generation)."""
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


def _new_temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{TMP_TAG}-{secrets.token_hex(6)}.tmp")


def temp_files(target: Path) -> list[Path]:
    """Temp files beside `target` that a run of this product (this or an earlier version) leaves
    when it is killed or fails: `.NAME.egov-bsc-*.tmp`, `.NAME.egov-bsc.tmp` (0.1.0) and
    `.NAME.tmp` (0.1.0's `new`); the backup's staging files count as well."""
    folder = target.parent
    found: list[Path] = []
    for name in (target.name, backup_path(target).name):
        pattern = re.compile(re.escape(f".{name}") + r"(\.egov-bsc(-[0-9a-f]+)?)?\.tmp")
        with contextlib.suppress(OSError):
            found += [p for p in folder.iterdir() if pattern.fullmatch(p.name)]
    return sorted(found)


def remove_stale_temp_files(target: Path) -> list[Path]:
    """Delete temp files of earlier runs beside `target`. Call it only while holding the lock of
    `target`: then no live run owns them. Returns what was removed."""
    removed = []
    backup = backup_path(target)
    backup_busy = is_locked(backup)  # a run writing the backup's own name owns its temp files
    for path in temp_files(target):
        if backup_busy and path.name.startswith(f".{backup.name}"):
            continue
        with contextlib.suppress(OSError):
            if path.is_symlink() or path.is_file():
                path.unlink()
                removed.append(path)
    return removed


def excel_owner_file(path: Path) -> Path | None:
    """Excel's owner file beside `path` while the workbook is open in Excel, else None.

    Excel and PowerPoint name it `~$` + the whole file name (`~$Kinerja.xlsm`); only Word cuts
    the first one or two characters of long names (`~$ficeReport.docx`). LibreOffice, which
    writes and reads these owner files for Microsoft Office, does the same:
    svl/source/misc/msodocumentlockfile.cxx, GenerateMSOLockFileURL (github.com/LibreOffice/core)
    cuts characters for the Word formats only. So `~$ok.xlsm` does not block `book.xlsm`.
    The check looks beside the link and beside the real file of a symbolic link.
    """
    for folder_file in dict.fromkeys((Path(path), real_path(path))):
        owner = folder_file.with_name("~$" + folder_file.name)
        if owner.exists():
            return owner
    return None


# ---------------------------------------------------------------- the lock


class _Held(threading.local):
    def __init__(self) -> None:
        self.paths: dict[str, int] = {}


_held = _Held()


def _try_lock(fd: int) -> bool:
    """Lock the open lock file without waiting; False when another process (or open) holds it."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


@contextlib.contextmanager
def workbook_lock(path: str | Path, wait: float = 0.0) -> Iterator[Path]:
    """Hold the lock of the file `path` (its real file, links followed) for the `with` block.

    A second run that asks for the same file waits up to `wait` seconds and then raises
    BusyError with a sentence naming the file. The lock belongs to the process: the system
    releases it when the process dies, so a killed run never blocks the next one. In one thread
    it is re-entrant (atomic_write inside a `with workbook_lock` does not wait on itself).
    Yields the real path.
    """
    target = real_path(path)
    key = str(target)
    if _held.paths.get(key):
        _held.paths[key] += 1
        try:
            yield target
        finally:
            _held.paths[key] -= 1
        return
    lock = lock_path(target)
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise WriteError(both("err_write", name=target, reason=_reason(exc))) from None
        if _try_lock(fd) and _same_file(fd, lock):
            break  # locked, and still the lock file at that name (not one a holder just removed)
        os.close(fd)
        if time.monotonic() >= deadline:
            raise BusyError(both("err_busy", name=target.name))
        time.sleep(0.05)
    _held.paths[key] = 1
    try:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        yield target
    finally:
        _held.paths.pop(key, None)
        if os.name != "nt":
            with contextlib.suppress(OSError):
                lock.unlink()  # before the unlock: a waiter then sees a different file and retries
        _unlock(fd)
        os.close(fd)
        if os.name == "nt":  # pragma: no cover - an open file cannot be removed on Windows
            with contextlib.suppress(OSError):
                lock.unlink()


def is_locked(path: str | Path) -> bool:
    """True when a run (this process or another) holds the lock of `path`."""
    target = real_path(path)
    if _held.paths.get(str(target)):
        return True
    try:
        fd = os.open(lock_path(target), os.O_RDWR)
    except OSError:
        return False
    try:
        if _try_lock(fd):
            _unlock(fd)
            return False
        return True
    finally:
        os.close(fd)


# ---------------------------------------------------------------- Mark of the Web


class Streams(Protocol):
    """Reads and writes an alternate data stream of a file (NTFS `PATH:Zone.Identifier`)."""

    def read(self, path: Path, name: str) -> bytes | None: ...

    def write(self, path: Path, name: str, data: bytes) -> None: ...


class NtfsStreams:
    """The real thing on Windows; elsewhere there are no alternate streams and nothing is copied."""

    def read(self, path: Path, name: str) -> bytes | None:
        if os.name != "nt":
            return None
        try:  # pragma: no cover - Windows
            with open(f"{path}:{name}", "rb") as fh:
                return fh.read(1 << 20)
        except OSError:  # pragma: no cover - Windows
            return None

    def write(self, path: Path, name: str, data: bytes) -> None:  # pragma: no cover - Windows
        with open(f"{path}:{name}", "wb") as fh:
            fh.write(data)


MARK_OF_THE_WEB = "Zone.Identifier"
streams: Streams = NtfsStreams()  # tests replace it (the seam of the Mark of the Web)


def copy_mark_of_the_web(source: Path, dest: Path) -> bool:
    """Give `dest` the Zone.Identifier stream of `source`: a workbook downloaded from the internet
    keeps Office's "macros from the internet are blocked" protection after it is rewritten."""
    data = streams.read(source, MARK_OF_THE_WEB)
    if data is None:
        return False
    streams.write(dest, MARK_OF_THE_WEB, data)
    return True


# ---------------------------------------------------------------- the safe write

Writer = Callable[[BinaryIO], None]


def atomic_write(
    target: str | Path,
    content: bytes | Writer,
    *,
    backup: Path | None = None,
    before_replace: Callable[[], None] | None = None,
    mode: int | None = None,
) -> Path:
    """Write `content` (bytes, or a function writing to a binary file) to `target`, safely.

    At every moment the target is either the old file or the new one, both complete; a symbolic
    link is followed and its real file written. The temp file gets the permissions of the file
    it replaces (`mode` or the usual umask for a new file) and its Mark of the Web. `backup`
    (e.g. backup_path(target)) keeps the previous file, one generation. `before_replace` may raise
    to cancel. What a failed write leaves is removed; OSError becomes WriteError (one sentence).
    Returns the real path written.
    """
    with workbook_lock(target) as real:
        remove_stale_temp_files(real)
        if real.is_dir():
            raise WriteError(both("err_is_folder", name=real))
        if (
            backup is not None
            and real.exists()
            and (backup.is_dir() or (backup.exists() and not backup.is_file()))
        ):
            raise WriteError(both("err_backup_folder", name=backup))
        tmp = _new_temp_name(real)
        try:
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
            )
            with os.fdopen(fd, "wb") as fh:
                if isinstance(content, bytes | bytearray | memoryview):
                    fh.write(content)
                else:
                    content(fh)
                fh.flush()
                os.fsync(fh.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            elif real.exists():
                os.chmod(tmp, real.stat().st_mode & 0o7777)
            if real.exists():
                copy_mark_of_the_web(real, tmp)
            if before_replace is not None:
                before_replace()
            if backup is not None and real.exists():
                _make_backup(real, backup)
            os.replace(tmp, real)
        except OSError as exc:
            _remove(tmp)
            raise WriteError(both("err_write", name=real, reason=_reason(exc))) from exc
        except BaseException:
            _remove(tmp)
            raise
        _fsync_dir(real.parent)
    return real


def _make_backup(target: Path, backup: Path) -> None:
    staging = _new_temp_name(backup)
    try:
        try:
            os.link(target, staging)  # the old file's bytes, without copying them
        except OSError:
            shutil.copy2(target, staging)
        os.replace(staging, backup)
    except BaseException:
        _remove(staging)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    reason_id, reason_en = os_reason(exc)
    return reason_id if reason_id == reason_en else f"{reason_id} / {reason_en}"


# ---------------------------------------------------------------- files the product made

_PRODUCT_TABLES = re.compile(
    rb'\b(?:name|displayName)="(?:tblProfile|tblMeasurements)"', re.IGNORECASE
)
_PRODUCT_DECK = (
    b"<cp:lastModifiedBy>egov-bsc-xl</cp:lastModifiedBy>",
    b"<dc:subject>Balanced Scorecard SPBE</dc:subject>",
)


def made_by_product(path: Path) -> bool:
    """True when `path` is a file this product made, so that an output may replace it.

    A workbook (.xlsx/.xlsm) is ours when one of its Excel tables is tblProfile or
    tblMeasurements (the contract's fixed table names: every workbook the product makes or
    recalculates has them). A deck (.pptx) is ours when its core properties carry what
    deck/output.py writes: last modified by `egov-bsc-xl`, or the subject `Balanced Scorecard
    SPBE` (which survives editing in PowerPoint). Anything else — another document, a file that
    is not a zip, an empty file — is not.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            tables = [n for n in names if n.startswith("xl/tables/") and n.endswith(".xml")]
            for name in tables[:200]:
                if zf.getinfo(name).file_size < 1 << 20 and _PRODUCT_TABLES.search(zf.read(name)):
                    return True
            if "docProps/core.xml" in names and zf.getinfo("docProps/core.xml").file_size < 1 << 20:
                core = zf.read("docProps/core.xml")
                return any(marker in core for marker in _PRODUCT_DECK) and any(
                    n.startswith("ppt/") for n in names
                )
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, RuntimeError, NotImplementedError):
        return False
    return False


def check_overwrite(target: str | Path, force: bool) -> None:
    """Refuse (WriteError) to replace an existing file the product did not make, unless `force`."""
    path = Path(target)
    if path.is_dir():
        raise WriteError(both("err_is_folder", name=path))
    if force or not path.exists():
        return
    if not made_by_product(real_path(path)):
        raise WriteError(both("err_not_ours", name=path))
