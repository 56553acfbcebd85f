"""Paths as CI systems want them: relative to the repository root (git top level, else the current
directory), with ``/`` separators; a path outside it stays as given."""

from __future__ import annotations

import os
from pathlib import Path


def relative_path(path: str, base: Path | None) -> str:
    """``path`` relative to ``base`` when it lies under it; standard input (``-``) and paths elsewhere unchanged."""
    if path == "-" or base is None or path.startswith("<"):
        return path
    p = Path(path)
    full = p if p.is_absolute() else Path.cwd() / p
    try:
        rel = os.path.normpath(full.resolve()).replace(os.sep, "/")
        root = os.path.normpath(base.resolve()).replace(os.sep, "/")
        return Path(rel).relative_to(root).as_posix()
    except ValueError:
        return p.as_posix()
