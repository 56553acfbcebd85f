"""Which files a run reads: explicit files always, folders walked with include/exclude globs."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import Settings
from factcheck.document import InputError
from factcheck.pipeline import collect_paths, matches


def tree(root: Path, names: list[str]) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")


def names(items, root: Path) -> list[str]:
    return [Path(p).resolve().relative_to(root.resolve()).as_posix() for p in items if isinstance(p, str)]


def test_walk_is_sorted_and_skips_hidden_and_vendor_folders(tmp_path):
    tree(tmp_path, ["b.md", "a.txt", "c.htm", "z/y.markdown", ".hidden/x.md", "node_modules/m.md", ".dot.md",
                    "img.png", "code.py"])
    got = names(collect_paths([str(tmp_path)], Settings(root=tmp_path)), tmp_path)
    assert got == ["a.txt", "b.md", "c.htm", "z/y.markdown"]


def test_include_and_exclude_globs_relative_to_the_config_folder(tmp_path):
    tree(tmp_path, ["drafts/a.md", "drafts/archive/old.md", "drafts/sub/b.md", "docs/readme.md"])
    s = Settings(root=tmp_path, include=["drafts/**"], exclude=["drafts/archive/"])
    assert names(collect_paths([str(tmp_path)], s), tmp_path) == ["drafts/a.md", "drafts/sub/b.md"]


def test_glob_without_slash_matches_any_folder():
    assert matches("a/b/draft.md", ["*.md"]) and not matches("a/b/draft.txt", ["*.md"])
    assert matches("x/archive/y.md", ["archive"]) and not matches("x/archived/y.md", ["archive"])
    assert matches("drafts/2026/feb/a.md", ["drafts/**/*.md"]) and matches("drafts/a.md", ["drafts/**/*.md"])


def test_explicit_files_are_read_whatever_the_globs_and_suffix(tmp_path):
    tree(tmp_path, ["notes.rst"])
    s = Settings(root=tmp_path, exclude=["*.rst"])
    assert names(collect_paths([str(tmp_path / "notes.rst")], s), tmp_path) == ["notes.rst"]


def test_missing_path_yields_an_input_error_and_the_rest(tmp_path):
    tree(tmp_path, ["a.md"])
    items = list(collect_paths([str(tmp_path / "gone"), str(tmp_path / "a.md")], Settings()))
    assert isinstance(items[0], InputError) and "gone" in str(items[0])
    assert items[1] == str(tmp_path / "a.md")


def test_duplicates_are_read_once(tmp_path):
    tree(tmp_path, ["a.md"])
    items = list(collect_paths([str(tmp_path / "a.md"), str(tmp_path), str(tmp_path / "a.md")], Settings()))
    assert len(items) == 1


def test_stdin_dash_passes_through():
    assert list(collect_paths(["-"], Settings())) == ["-"]
