"""``check --watch``: check, then poll the drafts' modification times and re-check the files that change
(new files under a watched folder included). Polling keeps it dependency-free and works on every file system.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from factcheck.config import Settings

POLL_SECONDS = 0.5
MAX_CYCLES: int | None = None  # polls before returning; None = until Ctrl-C (tests set a bound)
_sleep = time.sleep


def snapshot(paths: list[str], settings: Settings) -> dict[str, tuple[int, int]]:
    """path -> (mtime in ns, size) of every draft the paths name now."""
    from factcheck.document import InputError
    from factcheck.pipeline import collect_paths

    out = {}
    for item in collect_paths(paths, settings):
        if isinstance(item, InputError):
            continue
        try:
            st = os.stat(item)
        except OSError:
            continue
        out[item] = (st.st_mtime_ns, st.st_size)
    return out


def run_watch(
    paths: list[str],
    settings: Settings,
    check: Callable[[list[str]], int],
    *,
    say: Callable[[str], None] = print,
) -> int:
    """Check ``paths``, then re-check each file that changes; returns the last run's exit code on Ctrl-C
    (or after :data:`MAX_CYCLES` polls)."""
    before = snapshot(paths, settings)
    code = check(paths)
    say(f"watching {len(before)} file{'s' * (len(before) != 1)} for changes (Ctrl-C to stop)")
    cycles = 0
    try:
        while MAX_CYCLES is None or cycles < MAX_CYCLES:
            _sleep(POLL_SECONDS)
            cycles += 1
            now = snapshot(paths, settings)
            changed = [p for p, stamp in now.items() if before.get(p) != stamp]
            gone = [p for p in before if p not in now]
            before = now
            for p in gone:
                say(f"{p}: removed")
            if changed:
                say(f"{time.strftime('%H:%M:%S')} re-checking {', '.join(changed)}")
                code = check(changed)
    except KeyboardInterrupt:
        pass
    return code
