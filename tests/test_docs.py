"""Every page: quoted numbers equal what the code computes now; figures exist, are used, have alt text."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from scripts import errata, pipeline, prose
from tests import lab_numbers

DOCS = pipeline.ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_number_in_the_text_is_tagged_and_current(page: Path, fresh_numbers):
    where = page.relative_to(DOCS).as_posix()
    markdown = page.read_text(encoding="utf-8")
    problems = prose.check(markdown, fresh_numbers) + prose.check(errata.prose(markdown), fresh_numbers)
    assert not problems, "\n".join(f"{where}: {p}" for p in problems)


def _images():
    for page in PAGES:
        for match in IMAGE.finditer(page.read_text(encoding="utf-8")):
            yield page, match["alt"], match["src"]


def _target(page: Path, src: str) -> Path:
    """Where an image link points: the hook serves figures/ at the root of the docs."""
    uri = posixpath.normpath(posixpath.join(page.parent.relative_to(DOCS).as_posix(), src))
    return pipeline.ROOT / uri


def test_every_image_is_a_generated_figure_with_real_alt_text():
    for page, alt, src in _images():
        target = _target(page, src)
        assert target.is_relative_to(pipeline.FIGURES), f"{page.name}: {src} is not under figures/"
        assert target.is_file(), f"{page.name}: {src} does not exist"
        assert len(alt.split()) >= 8, f"{page.name}: alt text of {src} should say what the figure shows"


def test_every_figure_is_used_by_a_page():
    used = {_target(page, src) for page, _, src in _images()}
    made = {p for p in pipeline.FIGURES.glob("*/*.svg") if not p.name.endswith((".dark.svg", ".phone.svg"))}
    assert made - used == set(), "figures drawn but shown on no page"


def test_generated_tables_are_included_somewhere():
    text = "".join(p.read_text(encoding="utf-8") for p in PAGES)
    for table in pipeline.FIGURES.glob("*/*.md"):
        include = f"{table.parent.name}/{table.name}"
        assert f'--8<-- "{include}"' in text, f"table {include} is included by no page"


def _quoted_keys() -> set[str]:
    """Every number key a reader sees: tagged in a page or in the errata, or computed by a lab."""
    text = "".join(p.read_text(encoding="utf-8") for p in [*PAGES, *(pipeline.ROOT / "errata").glob("*.toml")])
    labs = {key for keys in lab_numbers.LAB_NUMBERS.values() for key in keys}
    return set(prose.TAG.findall(text)) | labs


@pytest.mark.parametrize("slug", pipeline.slugs())
def test_every_computed_number_is_quoted_or_marked_internal(slug, fresh_numbers):
    """A number no reader sees is either dead code or kept for the tests: say which, in INTERNAL_NUMBERS."""
    keys = {k.split(".", 1)[1] for k in fresh_numbers if k.startswith(f"{slug}.")}
    quoted = {k.split(".", 1)[1] for k in _quoted_keys() if k.startswith(f"{slug}.")}
    internal = set(pipeline.internal_numbers(slug))
    assert internal <= keys, f"{slug}: INTERNAL_NUMBERS lists keys numbers() does not make: {sorted(internal - keys)}"
    assert not internal & quoted, f"{slug}: quoted, so not internal: {sorted(internal & quoted)}"
    unmarked = keys - quoted - internal
    assert not unmarked, f"{slug}: quote these numbers on a page or add them to INTERNAL_NUMBERS: {sorted(unmarked)}"


# On a phone the panels of a figure are stacked in one column (its `.phone.svg`), so a caption
# or alt text that places a panel ("Left:", "the right panel", "top row") is wrong there. Within
# one panel a place is the same on both: "to the right", "right of zero", "on top of each other".
PANEL_PLACE = re.compile(r"(?<!to the )(?<!towards the )\b(left|right|top|bottom)\b(?! of\b)", re.IGNORECASE)
UPPER_LOWER = re.compile(r"\b(upper|lower)[- ](panel|plot|row|column|half)s?\b", re.IGNORECASE)
# Prose and registries: the same places, where they name a panel.
PROSE_PLACE = re.compile(
    r"\b(left|right|top|bottom|upper|lower)[- ](panel|plot|row|column|half)s?\b"
    r"|\bpanels? (on|at) the (left|right|top|bottom)\b"
    r"|\*\* \((left|right|top|bottom)\)",
    re.IGNORECASE,
)


def _panels(svg: Path) -> int:
    return svg.read_text(encoding="utf-8").count('<g id="axes_')


def _figures_with_captions():
    """Each figure image of a page with its alt text and its ``/// caption`` block ("" if none)."""
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            for match in IMAGE.finditer(line):
                caption = []
                if i + 1 < len(lines) and lines[i + 1].strip() == "/// caption":
                    end = next(j for j in range(i + 2, len(lines)) if lines[j].strip() == "///")
                    caption = lines[i + 2 : end]
                yield page, match["src"], match["alt"], " ".join(part.strip() for part in caption)


def test_panels_are_named_by_title_not_by_place():
    """Captions and alt texts of multi-panel figures hold on the desktop and the stacked phone layout."""
    checked, wrong = 0, []
    for page, src, alt, caption in _figures_with_captions():
        if _panels(_target(page, src)) < 2:
            continue
        checked += 1
        for kind, text in (("alt text", alt), ("caption", caption)):
            for found in [*PANEL_PLACE.finditer(text), *UPPER_LOWER.finditer(text)]:
                near = text[max(0, found.start() - 30) : found.end() + 30]
                wrong.append(f"{page.relative_to(DOCS)}: {kind} of {src.rsplit('/', 1)[-1]}: …{near}…")
    assert checked >= 20, f"only {checked} multi-panel figures found: is the axes count of the SVGs right?"
    assert not wrong, "name the panel by its title or letter (stacked on a phone):\n" + "\n".join(wrong)


def test_prose_names_panels_by_title_not_by_place():
    sources = [*PAGES, *(pipeline.ROOT / "errata").glob("*.toml"), pipeline.ROOT / "glossary.toml"]
    wrong = [
        f"{path.relative_to(pipeline.ROOT)}:{n}: {line.strip()[:120]}"
        for path in sources
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if PROSE_PLACE.search(line)
    ]
    assert not wrong, "name the panel by its title or letter (stacked on a phone):\n" + "\n".join(wrong)
