"""Settings for a run: ``[tool.factcheck]`` in pyproject.toml or ``.factcheck.toml``, then the command line.

The nearest configuration file to the first path (walking up from it) wins; ``--config FILE`` names one
explicitly. Every key is validated: an unknown key, rule id or a bad value is a :class:`ConfigError` whose
message is one line naming the file and the key. Command-line flags override the file.

Keys (all optional)::

    [tool.factcheck]                 # or the top level of .factcheck.toml
    select = ["arithmetic", "derived-product"]   # rule ids or categories; default: every rule
    ignore = ["market-price-level"]              # rule ids or categories
    fail-on = "warning"                          # error | warning | info | never
    include = ["drafts/**/*.md"]                 # globs, relative to the config file's folder
    exclude = ["drafts/archive/**"]
    data-dir = "market-data"                     # relative to the config file's folder
    as-of = 2026-02-05                           # rarely useful; --as-of and front matter are better
    fetch = true                                 # as --fetch: fetch the prices and rates the claims need
    fetch-timeout = 30                           # seconds, for all the fetching of one run
    exchange = "binance"                         # ccxt exchange for --fetch; exchange-url, fx-url: mirrors

    [tool.factcheck.severity]                    # per-rule severity: error | warning | info
    derived-product = "warning"

    [tool.factcheck.options.derived-product]     # per-rule options (the rule's [options] keys)
    tolerance = 0.02
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("arithmetic", "conversion", "market-data", "contradiction", "date", "unverifiable")
CONFIG_KEYS = ("select", "ignore", "fail-on", "include", "exclude", "data-dir", "as-of", "severity", "options")
FETCH_KEYS = ("fetch", "fetch-timeout", "exchange", "exchange-url", "fx-url")
# The publication dates the date arithmetic supports (windows of years either side stay inside date's range).
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)


class ConfigError(Exception):
    """A usage or configuration error; the message is one line for the user (exit code 2)."""


@dataclass(slots=True)
class Settings:
    select: list[str] | None = None  # rule ids or categories; None = every rule
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> severity override
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id -> option overrides
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    root: Path | None = None  # folder the include/exclude globs are relative to
    data_dir: Path | None = None
    as_of: date | None = None
    config_path: Path | None = None
    fetch: bool = False  # fetch what the claims need and the store lacks (factcheck.market.fetch)
    fetch_timeout: float = 30.0  # seconds, for the whole run
    exchange: str | None = None
    exchange_url: str | None = None
    fx_url: str | None = None


# ---------------------------------------------------------------- values


def parse_date(value: str, what: str = "--as-of") -> date:
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{what}: {value!r} is not a date (expected YYYY-MM-DD)") from None
    return check_date_range(day, what)


def in_date_range(day: date) -> bool:
    return FIRST_DATE <= day <= LAST_DATE


def check_date_range(day: date, what: str) -> date:
    """``day`` if the date arithmetic supports it, else a one-line ConfigError naming it."""
    if not in_date_range(day):
        raise ConfigError(f"{what}: {day.isoformat()} is outside the supported dates ({FIRST_DATE} to {LAST_DATE})")
    return day


def split_ids(value: str) -> list[str]:
    """``"a,b, c"`` -> ``["a", "b", "c"]``."""
    return [p.strip() for p in value.split(",") if p.strip()]


def known_rules() -> dict:
    from factcheck import rulebook

    return rulebook.all_rules()


def check_rule_ids(ids: list[str], where: str) -> None:
    """Every id must be a rule id or a category; else a one-line ConfigError."""
    rules = known_rules()
    for rid in ids:
        if rid not in rules and rid not in CATEGORIES and rid.lower() != "all":
            hint = _did_you_mean(rid, list(rules))
            raise ConfigError(f"{where}: unknown rule {rid!r}{hint} (see 'factcheck rules')")


def _did_you_mean(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1)
    return f", did you mean {close[0]!r}?" if close else ""


# ---------------------------------------------------------------- files


def find_config(start: Path) -> Path | None:
    """The nearest .factcheck.toml, or pyproject.toml with a [tool.factcheck] table, at or above ``start``."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        own = folder / ".factcheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                with open(pyproject, "rb") as fh:
                    tool = tomllib.load(fh).get("tool", {})
                if isinstance(tool, dict) and "factcheck" in tool:
                    return pyproject
            except tomllib.TOMLDecodeError as exc:  # it may hold our settings: never fall back silently
                raise ConfigError(_toml_error(pyproject, exc)) from None
            except (OSError, UnicodeDecodeError, RecursionError):
                continue  # not readable as TOML text at all: somebody else's file, not ours to report
    return None


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    """``FILE:LINE:COL: not valid TOML (reason)``: one line naming the file and where it breaks."""
    import re

    first = str(exc).splitlines()[0] if str(exc) else "parse error"
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)", first)
    if m:
        return f"{path}:{m.group(1)}:{m.group(2)}: not valid TOML ({first[: m.start()] + first[m.end() :]})"
    m = re.search(r"\s*\(at end of document\)", first)
    if m:
        return f"{path}: not valid TOML ({first[: m.start()]} at the end of the file)"
    return f"{path}: not valid TOML ({first})"


def load_file(path: Path) -> Settings:
    """Read and validate one configuration file."""
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_error(path, exc)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte at offset {exc.start})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML (nested too deeply)") from None
    tool = raw.get("tool", {})
    if not isinstance(tool, dict):
        tool = {}  # somebody else's `tool` key that is not a table holds nothing of ours
    if path.name == "pyproject.toml":
        table = tool.get("factcheck", {})
        prefix = "tool.factcheck."
    else:
        table = tool.get("factcheck", raw) if set(raw) == {"tool"} else raw
        prefix = ""
    return from_table(table, path, prefix)


def from_table(table: dict, path: Path, prefix: str = "") -> Settings:
    def where(key: str) -> str:
        return f"{path}: {prefix}{key}"

    settings = Settings(config_path=path, root=path.parent)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {prefix.rstrip('.') or 'factcheck'} must be a table")
    for key, value in table.items():
        if key not in CONFIG_KEYS and key not in FETCH_KEYS:
            raise ConfigError(f"{where(key)}: unknown key (known: {', '.join(CONFIG_KEYS + FETCH_KEYS)})")
        if key in ("select", "ignore", "include", "exclude"):
            if isinstance(value, str):
                value = split_ids(value) if key in ("select", "ignore") else [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where(key)}: expected a list of strings")
            if key in ("select", "ignore"):
                if key == "select" and not value:
                    raise ConfigError(f"{where(key)}: no rule named (an empty selection would check nothing)")
                check_rule_ids(value, where(key))
                if key == "select":
                    settings.select = value
                else:
                    settings.ignore = value
            elif key == "include":
                settings.include = value
            else:
                settings.exclude = value
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where(key)}: {value!r} is not one of {', '.join(FAIL_ON)}")
            settings.fail_on = value
        elif key == "data-dir":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where(key)}: expected a folder path")
            if "\x00" in value:
                raise ConfigError(f"{where(key)}: a folder path cannot contain a NUL character")
            settings.data_dir = (path.parent / os.path.expanduser(value)).resolve()
        elif key == "as-of":
            if isinstance(value, datetime):
                value = value.date()  # a TOML date-time: its day
            if isinstance(value, date):
                settings.as_of = check_date_range(value, where(key))
            elif isinstance(value, str):
                settings.as_of = parse_date(value, where(key))
            else:
                raise ConfigError(f"{where(key)}: expected a date (YYYY-MM-DD), got {value!r}")
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where(key)}: expected a table of rule id = severity")
            for rid, sev in value.items():
                check_rule_ids([rid], where(f"severity.{rid}"))
                if not isinstance(sev, str) or sev not in SEVERITIES:
                    raise ConfigError(f"{where(f'severity.{rid}')}: {sev!r} is not one of {', '.join(SEVERITIES)}")
            settings.severity = dict(value)
        elif key == "options":
            settings.options = _rule_options(value, where)
        elif key in FETCH_KEYS:
            _fetch_key(settings, key, value, where)
    return settings


def _fetch_key(settings: Settings, key: str, value: Any, where) -> None:
    if key == "fetch":
        if not isinstance(value, bool):
            raise ConfigError(f"{where(key)}: expected true or false")
        settings.fetch = value
    elif key == "fetch-timeout":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
            raise ConfigError(f"{where(key)}: expected a number of seconds above 0")
        settings.fetch_timeout = float(value)
    else:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where(key)}: expected a string")
        setattr(settings, key.replace("-", "_"), value)


def _rule_options(value: Any, where) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where('options')}: expected tables [options.RULE_ID]")
    rules = known_rules()
    out: dict[str, dict[str, Any]] = {}
    for rid, opts in value.items():
        key = f"options.{rid}"
        if rid not in rules:
            raise ConfigError(f"{where(key)}: unknown rule {rid!r}{_did_you_mean(rid, list(rules))}")
        if not isinstance(opts, dict):
            raise ConfigError(f"{where(key)}: expected a table of option = value")
        declared = rules[rid].options or {}
        for name, val in opts.items():
            if name not in declared:
                known = ", ".join(declared) or "none"
                raise ConfigError(f"{where(f'{key}.{name}')}: unknown option (the rule's options: {known})")
            _check_option(name, declared[name], val, where(f"{key}.{name}"))
        out[rid] = dict(opts)
    return out


# Relative tolerances (a fraction of the figure) above this are refused: they would accept any figure.
MAX_RELATIVE_TOLERANCE = 1.0
MAX_OPTION_NUMBER = 1e9
MAX_OPTION_DAYS = 36_500  # a look-back of a century; more only makes the date arithmetic overflow


def _check_option(name: str, default: Any, val: Any, where: str) -> None:
    """A user's option value against the rule's default: same type, finite, in range; else a ConfigError."""
    if isinstance(default, bool) or isinstance(val, bool):
        if isinstance(default, bool) != isinstance(val, bool):
            raise ConfigError(f"{where}: expected a value like {default!r}, got {val!r}")
        return
    if isinstance(default, (int, float)):
        if not isinstance(val, (int, float)) or (isinstance(default, int) and not isinstance(val, int)):
            raise ConfigError(f"{where}: expected a value like {default!r}, got {val!r}")
        if not math.isfinite(val):
            raise ConfigError(f"{where}: must be a finite number, got {val!r}")
        if val < 0:
            raise ConfigError(f"{where}: must not be negative")
        if name.endswith("_days") and val > MAX_OPTION_DAYS:
            raise ConfigError(f"{where}: {val!r} is out of range (at most {MAX_OPTION_DAYS} days)")
        if val > MAX_OPTION_NUMBER:
            raise ConfigError(f"{where}: {val!r} is out of range (at most {MAX_OPTION_NUMBER:g})")
        relative = name.endswith("tolerance") and not name.startswith(("pp_", "day_")) and isinstance(default, float)
        if relative and val > MAX_RELATIVE_TOLERANCE:
            limit = f"a relative tolerance, at most {MAX_RELATIVE_TOLERANCE:g}"
            raise ConfigError(f"{where}: {val!r} is out of range ({limit})")
        return
    if isinstance(default, str):
        if not isinstance(val, str):
            raise ConfigError(f"{where}: expected a value like {default!r}, got {val!r}")
        return
    if isinstance(default, list):
        if not isinstance(val, list) or not all(isinstance(v, type(default[0])) for v in val if default):
            raise ConfigError(f"{where}: expected a list like {default!r}, got {val!r}")
        return
    if isinstance(default, dict):
        if not isinstance(val, dict):
            raise ConfigError(f"{where}: expected a table like {default!r}, got {val!r}")
        sample = next(iter(default.values()), None)
        for k, v in val.items():
            if sample is not None:
                _check_option(name, sample, v, f"{where}.{k}")


# ---------------------------------------------------------------- command line on top


def resolve(
    paths: list[str],
    *,
    config: str | None = None,
    select: str | None = None,
    ignore: str | None = None,
    fail_on: str | None = None,
    as_of: str | None = None,
    data_dir: str | None = None,
    fetch: bool | None = None,
    exchange: str | None = None,
    exchange_url: str | None = None,
    fx_url: str | None = None,
) -> Settings:
    """The file's settings (explicit, or the nearest to the first path) with the command line on top."""
    if config:
        settings = load_file(Path(config))
    else:
        first = next((p for p in paths if p != "-"), ".")
        found = find_config(Path(first)) if Path(first).exists() else find_config(Path.cwd())
        settings = load_file(found) if found else Settings()
    if select is not None:
        ids = split_ids(select)
        if not ids:
            raise ConfigError("--select: no rule named (give rule ids or categories; see 'factcheck rules')")
        check_rule_ids(ids, "--select")
        settings.select = ids
    if ignore is not None:
        ids = split_ids(ignore)
        check_rule_ids(ids, "--ignore")
        settings.ignore = settings.ignore + ids
    if fail_on is not None:
        settings.fail_on = fail_on
    if as_of is not None:
        settings.as_of = parse_date(as_of)
    if data_dir is not None:
        settings.data_dir = Path(data_dir).expanduser()  # None: the market store's default
    if fetch:
        settings.fetch = True
    for name, value in (("exchange", exchange), ("exchange_url", exchange_url), ("fx_url", fx_url)):
        if value is not None:
            setattr(settings, name, value)
    return settings
