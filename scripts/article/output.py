"""Write the generated pages all at once, or compare them with what is on disk.

Pages are only written once every page has been rendered, so bad input never leaves a
half-written folder. Files that carry the generated marker but are no longer generated
are removed; every other file in the folder (hand-written pages) is left alone.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .model import ArticleError
from .markdown import GENERATED_NOTE


def is_generated(path: Path) -> bool:
    """True for a file this script wrote: its marker stands in its first lines."""
    try:
        with path.open(encoding="utf-8") as handle:
            return any(GENERATED_NOTE in handle.readline() for _ in range(8))
    except (OSError, UnicodeDecodeError):
        return False


def stale(out: Path, planned: dict[str, str]) -> list[str]:
    """Generated files on disk that the script would no longer write."""
    if not out.is_dir():
        return []
    on_disk = [p for p in out.rglob("*") if p.is_file() and is_generated(p)]
    return sorted(str(p.relative_to(out)) for p in on_disk if str(p.relative_to(out)) not in planned)


def unwritten(out: Path, planned: dict[str, str]) -> list[str]:
    """Planned files that are not on disk as planned."""
    return [name for name, text in planned.items()
            if not (out / name).is_file() or (out / name).read_bytes() != text.encode("utf-8")]


def differences(out: Path, planned: dict[str, str]) -> list[str]:
    """Files whose content on disk differs from the planned content, plus stale ones."""
    with folder_errors(out):
        return sorted(unwritten(out, planned) + stale(out, planned))


def write(out: Path, planned: dict[str, str]) -> list[str]:
    """Write the planned files that changed into ``out`` through a temporary folder, and remove the
    stale ones; returns their names. Unchanged files are left as they are, dates included."""
    blocked = next((name for name in planned if (out / name).is_dir()), None)
    if blocked:
        raise ArticleError(out, 1, f"cannot write {blocked}: a folder of that name stands in the way")
    with folder_errors(out):
        changed, removed = unwritten(out, planned), stale(out, planned)
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}-") as tmp:
            for name in changed:
                (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / name).write_bytes(planned[name].encode("utf-8"))
            for name in changed:
                (out / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(Path(tmp) / name, out / name)
        for name in removed:
            (out / name).unlink()
    return sorted(changed + removed)


@contextmanager
def folder_errors(out: Path) -> Iterator[None]:
    """Turn a folder that cannot be read or written into an ``ArticleError`` naming it."""
    if out.exists() and not out.is_dir():
        raise ArticleError(out, 1, "this is a file, not a folder: give the folder to write the pages to")
    try:
        yield
    except OSError as error:
        where = f" ({error.filename})" if error.filename and Path(error.filename) != out else ""
        raise ArticleError(out, 1, f"cannot use this output folder: {error.strerror or error}{where}") from None
