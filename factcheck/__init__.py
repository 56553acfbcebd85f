"""factcheck: a market-claims fact-checker for crypto and finance writing.

``factcheck.check_text(text, as_of=...)`` and ``factcheck.check_paths(paths)`` return the result model
(:mod:`factcheck.model`); they are imported on first use, so ``import factcheck`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["FileResult", "Finding", "Figure", "check_paths", "check_text", "__version__"]

if TYPE_CHECKING:
    from factcheck.api import check_paths, check_text
    from factcheck.model import Figure, FileResult, Finding

_LAZY = {
    "check_text": "factcheck.api",
    "check_paths": "factcheck.api",
    "FileResult": "factcheck.model",
    "Finding": "factcheck.model",
    "Figure": "factcheck.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
