"""Files the app reads and writes for the user: nothing half-written, nothing that hangs (issue 24).

- ``write_atomic``: every export and save (plan files, PDF, Markdown, JSON, CSV, catalog export)
  goes through a temporary file in the target's folder, flushed to disk and renamed over the
  target, so a crash, a kill or a full disk leaves the previous file as it was. A symlink is
  followed to the real file (the link stays a link); an existing file keeps its permission bits (a
  plan shared in a group folder stays readable by the group) and, where allowed, its group. A
  device or a pipe (``/dev/stdout``, ``/dev/null``) is written in place, every byte checked, so
  ``/dev/full`` fails instead of reporting success. Temporary files left by a killed write are
  removed by the next write into that folder once they are older than ``STALE_S``.
- ``read_regular``: reads a regular file only, bounded in size. The file is opened non-blocking,
  so a FIFO never freezes the app, and ``/dev/zero`` is refused instead of read until memory runs out.
- ``spreadsheet_safe`` / ``spreadsheet_restore``: CSV and TSV cells that a spreadsheet would run as
  a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading
  apostrophe, as OWASP's "CSV Injection" page recommends; plain numbers such as ``-5`` are left as
  numbers. Re-importing strips exactly the apostrophe that was added.

Errors the user can fix (a folder given as a file, a missing folder, a device to read) raise
``FileProblem``, an OSError whose ``code`` the front ends word; other OSErrors (no space, no
permission) pass through with the system's reason.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

TEMP_PREFIX = ".gpu-planner-"
TEMP_SUFFIX = ".part"
STALE_S = 600  # a write takes milliseconds: a temporary file this old belongs to a process that died
_LEGACY_TEMP = re.compile(r"^\.gpuplan-[A-Za-z0-9_]{8}$")  # tempfile.mkstemp(prefix=".gpuplan-") before issue 24


class FileProblem(OSError):
    """A path that cannot be used as asked: ``code`` is is_dir, no_folder, not_regular or too_large;
    ``params`` carry the folder or the limit for the message."""

    def __init__(self, code: str, path: str | Path, **params: object):
        self.code, self.path, self.params = code, str(path), params
        english = {
            "is_dir": "is a folder, not a file",
            "no_folder": "its folder {folder} does not exist",
            "not_regular": "is not a regular file (a device, a pipe or a socket)",
            "too_large": "is larger than {limit:,} bytes",
        }[code].format(**params)
        super().__init__(errno.EINVAL, english, str(path))


_UMASK: int | None = None


def _umask() -> int:
    """The process umask (read once: os.umask can only be read by setting it)."""
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


def clean_stale(folder: Path, now: float | None = None) -> int:
    """Remove this app's temporary files in ``folder`` older than STALE_S; return how many."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for e in entries:
        ours = (e.name.startswith(TEMP_PREFIX) and e.name.endswith(TEMP_SUFFIX)) or _LEGACY_TEMP.match(e.name)
        if not ours:
            continue
        try:
            if e.is_file(follow_symlinks=False) and now - e.stat(follow_symlinks=False).st_mtime > STALE_S:
                os.unlink(e.path)
                removed += 1
        except OSError:
            pass
    return removed


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:  # pragma: no cover - os.write raises rather than returning 0 on a full device
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[n:]


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` (str as UTF-8) to ``path`` all or nothing (see the module docstring)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    given = Path(path)
    try:
        old: os.stat_result | None = os.stat(given)  # through symlinks: what the path names
    except FileNotFoundError:
        old = None
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise FileProblem("is_dir", given)
    if old is not None and not stat.S_ISREG(old.st_mode):
        # a device or a pipe (/dev/stdout, /dev/null, /dev/full): written in place, every byte checked
        fd = os.open(given, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            _write_all(fd, raw)
        finally:
            os.close(fd)
        return
    target = Path(os.path.realpath(given))  # a symlink is followed to the real file, and stays a link
    folder = target.parent
    if not folder.is_dir():
        raise FileProblem("no_folder", given, folder=str(given.parent))
    clean_stale(folder)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            _write_all(fd, raw)
            os.fsync(fd)  # on disk before the rename makes it the file
        finally:
            os.close(fd)
        os.chmod(tmp, stat.S_IMODE(old.st_mode) if old is not None else 0o666 & ~_umask())
        if old is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, -1, old.st_gid)
            except OSError:
                pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; FileProblem otherwise, without
    blocking on a pipe or reading a device."""
    p = Path(path)
    if p.is_dir():
        raise FileProblem("is_dir", p)
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileProblem("is_dir", p)
        if not stat.S_ISREG(st.st_mode):
            raise FileProblem("not_regular", p)
        if st.st_size > limit:
            raise FileProblem("too_large", p, limit=limit)
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew while it was read
                raise FileProblem("too_large", p, limit=limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as a spreadsheet will show it but never run it."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    if cell.startswith("'") and len(cell) > 1 and cell[1] in "=+-@\t\r'":
        return "'" + cell  # so that restoring gives back the apostrophe the value had
    return cell


def spreadsheet_restore(cell: str) -> str:
    """The value ``spreadsheet_safe`` was given (a cell that was not escaped is returned as is)."""
    if cell.startswith("'") and len(cell) > 1 and cell[1] in "=+-@\t\r'":
        return cell[1:]
    return cell
