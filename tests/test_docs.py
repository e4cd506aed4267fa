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
