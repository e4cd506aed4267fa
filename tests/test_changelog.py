"""The changelog (errata/changelog.toml): valid, up to date with docs/ and the errata, honest about its commits."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from scripts import changelog

ENTRY = """
[[change]]
date = {date}
kind = "{kind}"
pages = ["articles/norms.md"]
summary = "{summary}"
commits = []
"""


def _file(tmp_path, *entries: dict, state: str = "") -> object:
    path = tmp_path / "changelog.toml"
    fields = [{"date": "2026-11-24", "kind": "added", "summary": "A page."} | e for e in entries]
    path.write_text("".join(ENTRY.format(**f) for f in fields) + state, encoding="utf-8")
    return path


def test_the_registry_is_valid_and_newest_first():
    entries = changelog.changes()
    assert entries and [e.date for e in entries] == sorted((e.date for e in entries), reverse=True)


def test_the_recorded_state_matches_the_pages_and_the_errata():
    what = changelog.differences(changelog.recorded_state(), changelog.current_state())
    assert what == [], (
        "changed since the last changelog entry: add a [[change]] to errata/changelog.toml dated today, then run "
        "`python -m scripts.changelog --update-state`:\n  " + "\n  ".join(what)
    )


def test_every_page_has_an_entry_saying_when_it_was_added():
    recorded = {p for e in changelog.changes() if e.kind in ("added", "moved") for p in e.pages}
    missing = sorted(set(changelog.current_state()["pages"]) - recorded)
    assert missing == [], f"pages with no 'added' or 'moved' entry: {missing}"


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=changelog.ROOT, capture_output=True, text=True, check=False)


def test_each_cited_commit_exists_and_is_dated_like_its_entry():
    shallow = _git("rev-parse", "--is-shallow-repository")
    if shallow.returncode or shallow.stdout.strip() == "true":
        pytest.skip("no full git history here (the Pages workflow fetches it: fetch-depth 0)")
    wrong = []
    for entry in changelog.changes():
        for commit in entry.commits:
            shown = _git("show", "-s", "--format=%as", commit)
            if shown.returncode:
                wrong.append(f"{entry.date} {entry.kind}: no commit {commit}")
            elif shown.stdout.strip() != entry.date.isoformat():
                wrong.append(f"{entry.date} {entry.kind}: commit {commit} is dated {shown.stdout.strip()}")
    assert wrong == [], "\n".join(wrong)
    assert any(e.commits for e in changelog.changes())  # the check above had something to check


def test_render_groups_by_date_with_anchors_and_relative_links():
    text = changelog.render("changelog.md")
    dates = sorted({e.date for e in changelog.changes()}, reverse=True)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {d.day} {d:%B %Y} {{ #{d.isoformat()} }}" for d in dates]
    assert "[Norms, polynomial fits and model complexity](articles/norms.md);" in text
    assert "(../articles/norms.md)" in changelog.render("beyond/x.md")
    assert text.count("\n- **") + text.startswith("- **") == len(changelog.changes())


def test_expand_replaces_only_the_marker():
    assert changelog.expand("No marker.", "index.md") == "No marker."
    page = "Intro.\n\n<!-- changelog -->\n"
    assert changelog.expand(page, "changelog.md") == "Intro.\n\n" + changelog.render("changelog.md") + "\n"


def test_the_page_shows_it_and_instructors_are_pointed_to_it():
    assert changelog.MARKER.search((changelog.DOCS / "changelog.md").read_text(encoding="utf-8"))
    assert "](changelog.md)" in (changelog.DOCS / "teaching.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "typo"}, "kind must be one of"),
        ({"date": '"2026-11-24"'}, "date must be a TOML date"),
        ({"summary": " "}, "empty summary"),
    ],
)
def test_invalid_entries_are_rejected(tmp_path, entry, message):
    with pytest.raises(changelog.ChangelogError, match=message):
        changelog.changes(_file(tmp_path, entry))


def test_entries_must_be_newest_first_and_name_existing_pages(tmp_path):
    with pytest.raises(changelog.ChangelogError, match="newest first"):
        changelog.changes(_file(tmp_path, {"date": "2026-11-24"}, {"date": "2026-12-01"}))
    path = _file(tmp_path, {})
    path.write_text(path.read_text().replace("articles/norms.md", "articles/gone.md"))
    with pytest.raises(changelog.ChangelogError, match="existing files"):
        changelog.changes(path)


def test_untagged_numbers_in_a_summary_are_refused(tmp_path):
    entries = changelog.changes(_file(tmp_path, {"kind": "corrected", "summary": "The error is 0.53 now."}))
    with pytest.raises(changelog.ChangelogError, match="changelog text"):
        changelog.render("changelog.md", entries)


def test_update_state_needs_an_entry_dated_today_then_records_everything(tmp_path):
    path = _file(tmp_path, {"date": "2026-11-24"})
    with pytest.raises(changelog.ChangelogError, match="not dated today"):
        changelog.update_state(path, today=dt.date(2026, 12, 1))
    assert "[state]" not in path.read_text()  # refused: nothing written
    what = changelog.update_state(path, today=dt.date(2026, 11, 24))
    assert "page added: articles/norms.md" in what
    assert changelog.differences(changelog.recorded_state(path), changelog.current_state()) == []
    assert changelog.changes(path)[0].date == dt.date(2026, 11, 24)  # entries kept


def test_differences_name_a_changed_verdict_and_a_moved_page():
    current = changelog.current_state()
    article, claims = next(iter(current["verdicts"].items()))
    claim, verdict = next(iter(claims.items()))
    other = "wrong" if verdict != "wrong" else "imprecise"
    recorded = {
        "pages": [*current["pages"][1:], "old/page.md"],
        "verdicts": {a: dict(c) | ({claim: other} if a == article else {}) for a, c in current["verdicts"].items()},
    }
    what = changelog.differences(recorded, current)
    assert f"page added: {current['pages'][0]}" in what
    assert "page removed or moved: old/page.md" in what
    assert f"verdict {other} -> {verdict} ({article}): “{claim}”" in what
