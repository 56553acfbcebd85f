"""Reporters: one module per output format, each reading only ``FileResult`` and ``Finding``."""

from __future__ import annotations

CHECK_FORMATS = ("text", "json", "sarif", "github", "html")
EXTRACT_FORMATS = ("text", "json")
