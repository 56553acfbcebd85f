"""CI output: paths relative to the repository root, GitHub's annotation limits and the job summary, rule
help links in SARIF, JUnit and Checkstyle XML through the one output-format interface."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import stand_in  # noqa: E402
from samples import sample_result  # noqa: E402

from factcheck.cli import main  # noqa: E402
from factcheck.report.formats import FORMATS, ReportOptions, render, repo_root  # noqa: E402
from factcheck.report.sarif import sarif_report  # noqa: E402


@pytest.fixture
def engine(monkeypatch):
    stand_in.install(monkeypatch)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git work tree with drafts/ and a sub-folder the run starts from."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "site" / "sub").mkdir(parents=True)
    (tmp_path / "drafts" / "a.md").write_text("Up 5% at $9.\n")
    monkeypatch.chdir(tmp_path / "site" / "sub")
    return tmp_path


def test_repo_root_is_the_git_top_level_else_the_start(repo, tmp_path_factory):
    assert repo_root() == repo.resolve()
    plain = tmp_path_factory.mktemp("nogit")
    assert repo_root(plain) in (plain.resolve(), *[p for p in plain.resolve().parents if (p / ".git").exists()])


def test_sarif_and_github_paths_are_relative_to_the_repository_root(engine, repo, capsys):
    assert main(["check", "../../drafts/a.md", "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    loc = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"}
    assert sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    main(["check", "../../drafts/a.md", "--format", "github"])
    assert capsys.readouterr().out.startswith("::error file=drafts/a.md,line=1,")


def test_sarif_rules_have_help_links_and_markdown(tmp_path):
    from factcheck.rulebook import all_rules

    rules = {k: v for k, v in all_rules().items() if k == "percent-change"}
    driver = sarif_report([sample_result()], rules, base=tmp_path,
                          information_uri="https://github.com/example/factcheck")["runs"][0]["tool"]["driver"]
    rule = driver["rules"][0]
    assert rule["helpUri"] == "https://github.com/example/factcheck/blob/main/rules/checks/percent-change.toml"
    assert "**FAIL**" in rule["help"]["markdown"] and "factcheck rules percent-change" in rule["help"]["markdown"]


def many(tmp_path, n: int) -> str:
    path = tmp_path / "many.md"
    path.write_text("".join(f"Up {i}%.\n" for i in range(1, n + 1)))
    return str(path)


def test_past_the_annotation_limit_every_finding_goes_to_the_step_summary(engine, tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(tmp_path)
    assert main(["check", many(tmp_path, 12), "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("::error ") for line in out) == 12
    assert out[-1].startswith("::notice title=factcheck::12 findings") and "job summary" in out[-1]
    text = summary.read_text()
    assert text.startswith("earlier step\n## factcheck")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == 12 and rows[0].startswith("| `many.md:1:4` | error | `fake-error` |")


def test_within_the_limit_no_summary_is_written(engine, tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["check", many(tmp_path, 10), "--format", "github"])
    assert "::notice" not in capsys.readouterr().out and not summary.exists()


def test_every_format_goes_through_the_one_interface():
    from factcheck.cli import CHECK_FORMATS

    assert (
        set(FORMATS)
        == set(CHECK_FORMATS)
        == {"text", "concise", "json", "jsonl", "sarif", "github", "html", "junit", "checkstyle"}
    )
    for fmt in FORMATS:
        assert isinstance(render(fmt, [sample_result()], ReportOptions()), str)


def test_junit_one_failure_per_error_or_warning(tmp_path):
    root = ET.fromstring(render("junit", [sample_result()], ReportOptions(base=tmp_path)))
    assert root.tag == "testsuites" and root.get("failures") == "2" and root.get("tests") == "3"
    suite = root.find("testsuite")
    assert suite.get("name") == "drafts/post.md"
    failures = suite.findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["error", "warning"]
    assert failures[0].get("message").startswith('"roughly $62 billion" should be about $49.9 billion')
    assert suite.findall("testcase")[0].get("line") == "6"


def test_checkstyle_one_error_per_finding(tmp_path):
    root = ET.fromstring(render("checkstyle", [sample_result()], ReportOptions(base=tmp_path)))
    errors = root.findall("file/error")
    assert root.find("file").get("name") == "drafts/post.md"
    assert [e.get("severity") for e in errors] == ["error", "warning", "info"]
    assert errors[0].get("source") == "factcheck.derived-product" and errors[0].get("line") == "6"


@pytest.mark.parametrize("fmt", ["junit", "checkstyle", "concise"])
def test_new_formats_keep_the_exit_codes(engine, tmp_path, capsys, fmt):
    path = tmp_path / "d.md"
    path.write_text("It rose 5% today.\n")
    assert main(["check", str(path), "--format", fmt]) == 1
    path.write_text("It traded at $5 today.\n")
    assert main(["check", str(path), "--format", fmt]) == 0
    capsys.readouterr()


def test_past_the_limit_without_a_summary_file_the_notice_says_how(engine, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    main(["check", many(tmp_path, 11), "--format", "github"])
    assert capsys.readouterr().out.splitlines()[-1].endswith("set GITHUB_STEP_SUMMARY to get all of them")
