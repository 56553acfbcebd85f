"""Where the package's rules/ and data/ live, installed or in a checkout."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


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
    """Parse ``rules/<name>`` (TOML) once per process."""
    with open(rules_dir() / name, "rb") as fh:
        return tomllib.load(fh)
