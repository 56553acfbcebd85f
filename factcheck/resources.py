"""Where the package's rules/ and data/ live, installed or in a checkout.

Parsed rule files are kept in a small cache file (``marshal``, like Python's own ``.pyc``) in the user's cache
directory: a fresh ``factcheck`` process reads it instead of parsing ~25 TOML files (~30 ms of pure-Python
parsing). Each entry is keyed by the file's exact bytes (length and CRC-32), so an edited rule file is parsed
again; ``FACTCHECK_RULES_CACHE=0`` turns the cache off, ``FACTCHECK_CACHE_DIR`` moves it. A cache that cannot
be read or written is ignored.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import tomllib
import zlib
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent
_CACHE_FORMAT = 2  # 2: each entry is (CRC-32 of the marshalled value, the value's bytes)


def _locate(installed: str, checkout: str) -> Path:
    inside = _PKG / installed  # wheel: force-included next to the code
    if inside.is_dir():
        return inside
    return _PKG.parent / checkout  # checkout / editable install


def rules_dir() -> Path:
    return _locate("_rules", "rules")


def data_dir() -> Path:
    return _locate("_data", "data")


@cache
def load_rules_file(name: str) -> dict:
    """Parse ``rules/<name>`` (TOML) once per process (from the parsed-rules cache when it is current)."""
    with open(rules_dir() / name, "rb") as fh:
        raw = fh.read()
    key = f"{rules_dir() / name}:{len(raw)}:{zlib.crc32(raw)}"
    cached = _disk_cache()
    if cached is not None:
        cached["used"].add(key)
        hit = _valid_entry(cached["entries"].get(key))
        if hit is not None:
            return hit
    value = tomllib.loads(raw.decode("utf-8"))
    if cached is not None:
        try:
            blob = marshal.dumps(value)
            cached["entries"][key] = (zlib.crc32(blob), blob)  # dates/times (not marshallable) are not cached
            cached["dirty"] = True
        except ValueError:
            pass
    return value


def _valid_entry(entry: object) -> dict | None:
    """The parsed rule file of a cache entry, or None when the entry is damaged (then the file is parsed)."""
    if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], bytes)):
        return None
    crc, blob = entry
    if crc != zlib.crc32(blob):
        return None
    try:
        value = marshal.loads(blob)
    except (ValueError, EOFError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def _cache_path() -> Path | None:
    if os.environ.get("FACTCHECK_RULES_CACHE", "1").strip().lower() in ("0", "no", "off", "false"):
        return None
    base = os.environ.get("FACTCHECK_CACHE_DIR")
    if base:
        folder = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "factcheck"
    return folder / f"rules-py{sys.version_info[0]}{sys.version_info[1]}-v{_CACHE_FORMAT}.marshal"


@cache
def _disk_cache() -> dict | None:
    """{"path", "entries": {key: marshalled value}, "dirty"}; None when caching is off."""
    try:
        path = _cache_path()
    except (RuntimeError, OSError):  # no home directory
        return None
    if path is None:
        return None
    entries: dict[str, bytes] = {}
    try:
        loaded = marshal.loads(path.read_bytes())
        if isinstance(loaded, dict):
            entries = {k: v for k, v in loaded.items() if isinstance(k, str)}
    except (OSError, ValueError, EOFError, TypeError):
        pass
    state = {"path": path, "entries": entries, "dirty": False, "used": set()}
    atexit.register(_save, state)
    return state


def _save(state: dict) -> None:
    if not state["dirty"]:
        return
    path: Path = state["path"]
    used_files = {_file_of(k) for k in state["used"]}
    current = {
        k: v
        for k, v in state["entries"].items()
        if k in state["used"] or (_file_of(k) not in used_files and os.path.exists(_file_of(k)))
    }  # an older version of a file read in this run, or a file gone, is dropped
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(current))
        os.replace(tmp, path)
        state["dirty"] = False
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


def _file_of(key: str) -> str:
    return key.rpartition(":")[0].rpartition(":")[0]
