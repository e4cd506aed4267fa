"""What changed on the site, for readers: ``errata/changelog.toml``, shown on ``docs/changelog.md``.

Kept with the errata registry so it cannot be forgotten: the file ends with a ``[state]`` table, the
pages of ``docs/`` and every erratum's verdict as of the last entry.  When a page is added or moved
or a verdict changes, ``tests/test_changelog.py`` fails until a ``[[change]]`` entry says so and
the state is brought up to date:

    python -m scripts.changelog --update-state     (refuses unless an entry is dated today, UTC)

A page shows the entries with the marker ``<!-- changelog -->``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scripts import errata, pipeline, prose

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "errata" / "changelog.toml"
DOCS = ROOT / "docs"
KINDS = {
    "added": "Added",
    "moved": "Moved",
    "verdict": "Verdicts changed",
    "corrected": "Corrected",
}
FIELDS = {"date", "kind", "pages", "summary", "commits"}
MARKER = re.compile(r"<!--\s*changelog\s*-->")
_COMMIT = re.compile(r"[0-9a-f]{7,40}")
_TITLE = re.compile(r"^# (.+?)\s*(?:\{[^}]*\})?\s*$", re.M)


class ChangelogError(errata.ErrataError):
    pass


@dataclass(frozen=True)
class Change:
    date: dt.date
    kind: str
    pages: tuple[str, ...]  # docs-relative paths
    summary: str  # Markdown; numbers tagged like prose
    # The commits that made the change, checked against git log by the tests; empty when the entry is
    # written in the same commit as the change (a commit cannot name itself).
    commits: tuple[str, ...]


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ChangelogError(f"{path.name}: {exc}") from exc


def changes(path: Path = FILE, docs: Path = DOCS) -> list[Change]:
    """Every entry, validated, newest first (as the file must list them)."""
    found = []
    for i, fields in enumerate(_load(path).get("change", []), start=1):
        where = f"{path.name} entry {i}"
        if set(fields) != FIELDS:
            odd = sorted(set(fields) ^ FIELDS)
            raise ChangelogError(f"{where}: fields must be exactly {sorted(FIELDS)} (extra or missing: {odd})")
        if type(fields["date"]) is not dt.date:
            raise ChangelogError(f"{where}: date must be a TOML date like 2026-11-24, not {fields['date']!r}")
        if fields["kind"] not in KINDS:
            raise ChangelogError(f"{where}: kind must be one of {sorted(KINDS)}, not {fields['kind']!r}")
        if not fields["pages"] or any(not (docs / p).is_file() for p in fields["pages"]):
            raise ChangelogError(f"{where}: pages must name existing files under docs/: {fields['pages']}")
        if not fields["summary"].strip():
            raise ChangelogError(f"{where}: empty summary")
        if not isinstance(fields["commits"], list) or any(not _COMMIT.fullmatch(str(c)) for c in fields["commits"]):
            raise ChangelogError(f"{where}: commits must be a list of commit hashes")
        found.append(
            Change(
                fields["date"],
                fields["kind"],
                tuple(fields["pages"]),
                fields["summary"].strip(),
                tuple(fields["commits"]),
            )
        )
    if not found:
        raise ChangelogError(f"{path.name}: no [[change]] entries")
    dates = [c.date for c in found]
    if dates != sorted(dates, reverse=True):
        raise ChangelogError(f"{path.name}: entries must be listed newest first")
    return found


def current_state(docs: Path = DOCS) -> dict:
    """What the [state] table must say now: the site's pages and every erratum's verdict."""
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.suffix in (".md", ".ipynb"))
    verdicts: dict[str, dict[str, str]] = {}
    for e in errata.entries():
        verdicts.setdefault(e.article, {})[e.claim] = e.verdict
    return {"pages": pages, "verdicts": verdicts}


def recorded_state(path: Path = FILE) -> dict:
    return _load(path).get("state", {})


def differences(recorded: dict, current: dict) -> list[str]:
    """What changed since the last entry, in words (empty when the changelog is up to date)."""
    out = []
    old_pages, new_pages = set(recorded.get("pages", [])), set(current["pages"])
    out += [f"page added: {p}" for p in sorted(new_pages - old_pages)]
    out += [f"page removed or moved: {p}" for p in sorted(old_pages - new_pages)]
    old = {(a, c): v for a, claims in recorded.get("verdicts", {}).items() for c, v in claims.items()}
    new = {(a, c): v for a, claims in current["verdicts"].items() for c, v in claims.items()}
    out += [f"erratum added ({a}, {v}): “{c}”" for (a, c), v in sorted(new.items()) if (a, c) not in old]
    out += [f"erratum removed ({a}): “{c}”" for (a, c) in sorted(old) if (a, c) not in new]
    out += [f"verdict {old[k]} -> {new[k]} ({k[0]}): “{k[1]}”" for k in sorted(new) if k in old and old[k] != new[k]]
    return out


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def state_toml(state: dict) -> str:
    lines = [
        "[state]",
        "# Written by `python -m scripts.changelog --update-state`; tests/test_changelog.py compares it with",
        "# docs/ and the errata registry, so a new page or verdict cannot go unrecorded.",
        "pages = [",
        *(f"  {_toml_string(p)}," for p in state["pages"]),
        "]",
    ]
    for article, claims in sorted(state["verdicts"].items()):
        lines += ["", f"[state.verdicts.{article}]"]
        lines += [f"{_toml_string(claim)} = {_toml_string(verdict)}" for claim, verdict in claims.items()]
    return "\n".join(lines) + "\n"


def update_state(path: Path = FILE, today: dt.date | None = None) -> list[str]:
    """Rewrite [state] to the current pages and verdicts; refuses unless the newest entry is dated today."""
    today = today or dt.datetime.now(dt.UTC).date()
    what = differences(recorded_state(path), current_state())
    if what and changes(path)[0].date != today:
        raise ChangelogError(
            "the site changed but the newest changelog entry is not dated today: add a [[change]] entry for:\n  "
            + "\n  ".join(what)
        )
    text = path.read_text(encoding="utf-8")
    start = text.find("\n[state]")
    head = text if start < 0 else text[: start + 1]
    scratch = path.with_name(path.name + ".tmp")  # never a half-written changelog
    scratch.write_text(head.rstrip("\n") + "\n\n" + state_toml(current_state()), encoding="utf-8")
    scratch.replace(path)
    return what


def _title(page: str) -> str:
    text = (DOCS / page).read_text(encoding="utf-8")
    if page.endswith(".ipynb"):  # the first Markdown heading of the notebook
        cells = json.loads(text)["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    match = _TITLE.search(text)
    return match.group(1).strip() if match else page


def render(page: str, entries: list[Change] | None = None) -> str:
    """Markdown: one section per date, newest first, links relative to ``page``."""
    entries = changes() if entries is None else entries
    numbers = pipeline.committed_numbers()
    problems = [f"{c.date} {c.kind}: {p.message}" for c in entries for p in prose.check(c.summary, numbers)]
    if problems:
        raise ChangelogError("changelog text: " + "; ".join(problems))
    lines: list[str] = []
    for date in sorted({c.date for c in entries}, reverse=True):
        lines += ["", f"## {date.day} {date:%B %Y} {{ #{date.isoformat()} }}", ""]
        for c in (c for c in entries if c.date == date):
            links = "; ".join(f"[{_title(p)}]({errata._relative(p, page)})" for p in c.pages)
            lines.append(f"- **{KINDS[c.kind]}:** {' '.join(c.summary.split())} ({links})")
    return "\n".join(lines).lstrip("\n")


def expand(markdown: str, page: str) -> str:
    if not MARKER.search(markdown):
        return markdown
    return MARKER.sub(lambda m: render(page), markdown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the changelog, or record the site's current state in it.")
    parser.add_argument("--update-state", action="store_true", help="rewrite [state] (needs an entry dated today)")
    args = parser.parse_args(argv)
    try:
        if args.update_state:
            what = update_state()
            print("state updated" + "".join(f"\n  {w}" for w in what) if what else "state already current")
            return 0
        changes()
        what = differences(recorded_state(), current_state())
    except ChangelogError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if what:
        print("not recorded in the changelog:\n  " + "\n  ".join(what), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
