"""Where the user's market-data store lives (stdlib only, no platformdirs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "factcheck"
ENV_VAR = "FACTCHECK_DATA_DIR"


def platform_data_dir() -> Path:
    """The platform's per-user data directory for factcheck (not created)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA")
        return Path(base) / APP_NAME if base else home / "AppData" / "Local" / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share") / APP_NAME


def default_store_dir() -> Path:
    """``$FACTCHECK_DATA_DIR`` if set, else the platform's user data directory."""
    override = os.environ.get(ENV_VAR)
    return Path(override).expanduser() if override else platform_data_dir()


def resolve_store_dir(data_dir: Path | str | None) -> Path:
    return Path(data_dir).expanduser() if data_dir else default_store_dir()
