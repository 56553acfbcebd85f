"""Configuration: nearest file wins, [tool.factcheck] or .factcheck.toml, every key validated."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402

from factcheck.config import ConfigError, find_config, load_file, resolve  # noqa: E402


@pytest.fixture(autouse=True)
def fake_rules(monkeypatch):
    stand_in.install(monkeypatch)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_nearest_config_wins(tmp_path):
    write(tmp_path / ".factcheck.toml", 'fail-on = "info"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.factcheck]\nfail-on = "warning"\n')
    draft = write(tmp_path / "sub" / "deep" / "d.md", "x")
    assert find_config(draft) == tmp_path / "sub" / "pyproject.toml"
    assert resolve([str(draft)]).fail_on == "warning"
    assert resolve([str(tmp_path / ".factcheck.toml")]).fail_on == "info"


def test_pyproject_without_our_table_is_skipped(tmp_path):
    write(tmp_path / ".factcheck.toml", 'fail-on = "info"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.black]\nline-length = 80\n')
    assert find_config(tmp_path / "sub") == tmp_path / ".factcheck.toml"


def test_factcheck_toml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail-on = "warning"\n')
    write(tmp_path / ".factcheck.toml", 'fail-on = "never"\n')
    assert resolve([str(tmp_path)]).fail_on == "never"


def test_explicit_config_file(tmp_path):
    cfg = write(tmp_path / "elsewhere.toml", 'ignore = ["fake-info"]\n')
    assert resolve([], config=str(cfg)).ignore == ["fake-info"]


def test_all_keys_are_read(tmp_path):
    cfg = write(
        tmp_path / "pyproject.toml",
        """
[tool.factcheck]
select = ["arithmetic", "fake-warning"]
ignore = "fake-info"
fail-on = "warning"
include = ["drafts/**"]
exclude = ["drafts/archive/"]
data-dir = "market"
as-of = 2026-02-05

[tool.factcheck.severity]
fake-error = "warning"

[tool.factcheck.options.fake-error]
tolerance = 0.05
""",
    )
    s = load_file(cfg)
    assert s.select == ["arithmetic", "fake-warning"] and s.ignore == ["fake-info"]
    assert s.fail_on == "warning" and s.severity == {"fake-error": "warning"}
    assert s.options == {"fake-error": {"tolerance": 0.05}}
    assert s.include == ["drafts/**"] and s.exclude == ["drafts/archive/"]
    assert s.data_dir == (tmp_path / "market").resolve() and s.as_of == date(2026, 2, 5)


def test_command_line_overrides_the_file(tmp_path):
    write(tmp_path / ".factcheck.toml", 'fail-on = "info"\nignore = ["fake-info"]\nas-of = "2026-01-01"\n')
    s = resolve([str(tmp_path)], fail_on="error", ignore="fake-warning", as_of="2026-02-05", data_dir="/tmp/x")
    assert s.fail_on == "error" and s.ignore == ["fake-info", "fake-warning"]
    assert s.as_of == date(2026, 2, 5) and s.data_dir == Path("/tmp/x")


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ('selct = ["fake-error"]\n', ["selct", "unknown key"]),
        ('select = ["fake-eror"]\n', ["select", "fake-eror", "did you mean"]),
        ("select = [1, 2]\n", ["select", "list of strings"]),
        ('fail-on = "fatal"\n', ["fail-on", "fatal"]),
        ('[severity]\nfake-error = "critical"\n', ["severity.fake-error", "critical"]),
        ('[severity]\nnope = "error"\n', ["severity.nope", "unknown rule"]),
        ("[options.fake-error]\ntolerence = 0.1\n", ["options.fake-error.tolerence", "unknown option"]),
        ('[options.fake-error]\ntolerance = "big"\n', ["options.fake-error.tolerance", "expected a value"]),
        ("[options.fake-error]\ntolerance = -1\n", ["options.fake-error.tolerance", "negative"]),
        ("[options.nope]\nx = 1\n", ["options.nope", "unknown rule"]),
        ('as-of = "last week"\n', ["as-of", "YYYY-MM-DD"]),
        ("data-dir = 5\n", ["data-dir"]),
        ("select = [\n", ["not valid TOML"]),
    ],
)
def test_bad_values_name_the_file_and_key(tmp_path, text, needles):
    cfg = write(tmp_path / ".factcheck.toml", text)
    with pytest.raises(ConfigError) as info:
        load_file(cfg)
    message = str(info.value)
    assert "\n" not in message and str(cfg) in message
    for needle in needles:
        assert needle in message


def test_pyproject_keys_are_named_with_their_table(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail_on = "x"\n')
    with pytest.raises(ConfigError, match=r"tool\.factcheck\.fail_on"):
        load_file(cfg)


def test_bad_as_of_on_the_command_line():
    with pytest.raises(ConfigError, match="--as-of"):
        resolve([], as_of="2026-02-31")


def test_no_config_anywhere_gives_defaults(tmp_path):
    s = resolve([str(tmp_path)])
    assert s.select is None and s.fail_on == "error" and s.config_path in (None, find_config(tmp_path))
