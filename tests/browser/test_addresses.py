"""Stable addresses: every address in addresses.txt keeps working, and every published one is listed.

A moved page keeps its old address through a redirect (mkdocs-redirects); Chromium follows each one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from scripts.pipeline import ROOT
from tools.browser import Server, free_port

from . import addresses
from .conftest import DOCS, page_url

FIX = "rebuild the site and run `python -m tests.browser.addresses site`"


def redirect_maps() -> dict[str, str]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        plugins = yaml_load(config)["plugins"]
    entry = next(p for p in plugins if isinstance(p, dict) and "redirects" in p)
    return entry["redirects"]["redirect_maps"] or {}


def test_the_list_is_sorted_without_duplicates_and_well_formed():
    listed = addresses.read()
    assert listed == sorted(set(listed)), "addresses.txt must be sorted, each address once"
    assert "/" in listed
    bad = [a for a in listed if not a.startswith("/") or not a.split("#")[0].endswith("/") or a.count("#") > 1]
    assert bad == [], f"malformed addresses: {bad}"


def test_every_listed_address_still_resolves(site: Path):
    broken = [a for a in addresses.read() if addresses.resolve(site, a) is None]
    assert broken == [], (
        "published addresses that no longer work (keep them: add a redirect in mkdocs.yml for a moved page, "
        "or give a renamed heading its old id with { #old-id }):\n  " + "\n  ".join(broken)
    )


def test_every_published_address_is_listed(site: Path):
    new = sorted(addresses.collect(site) - set(addresses.read()))
    assert new == [], f"addresses not in addresses.txt ({FIX}):\n  " + "\n  ".join(new)


def test_every_redirect_leads_to_a_listed_page():
    for old, new in redirect_maps().items():
        assert f"/{page_url(DOCS / old)}" in addresses.read(), f"{old}: keep its old address in addresses.txt"
        assert (DOCS / new).is_file(), f"redirect {old} -> {new}: no such page"


def _follow(browser, origin: str, address: str) -> tuple[str, bool]:
    """Open an address in Chromium; return the path it lands on (with anchor) and whether the anchor exists."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(origin + address, wait_until="load")
        tab.wait_for_load_state("networkidle")
        landed = tab.evaluate("() => location.pathname + location.hash")
        anchor = address.partition("#")[2]
        found = tab.evaluate("(id) => !id || document.getElementById(id) !== null", anchor)
        return landed, found
    finally:
        context.close()


@pytest.mark.slow
@pytest.mark.parametrize("old", sorted(redirect_maps()))
def test_chromium_follows_each_redirect_with_its_anchors(browser, origin, old):
    new = f"/{page_url(DOCS / redirect_maps()[old])}"
    old_page = f"/{page_url(DOCS / old)}"
    for address in [a for a in addresses.read() if a.split("#")[0] == old_page]:
        landed, found = _follow(browser, origin, address)
        anchor = address.partition("#")[2]
        assert landed == new + (f"#{anchor}" if anchor else ""), f"{address} landed on {landed}"
        assert found, f"{address}: no element with id {anchor!r} on {new}"


@pytest.fixture(scope="module")
def scratch_site(tmp_path_factory) -> Path:
    """A two-page site whose page `old` moved to `new`, built with the pinned mkdocs-redirects."""
    root = tmp_path_factory.mktemp("redirect-site")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n[moved](new.md)\n")
    (root / "docs" / "new.md").write_text("# New\n\n## Section { #kept-anchor }\n\nText.\n")
    (root / "mkdocs.yml").write_text(
        "site_name: t\ntheme: material\nmarkdown_extensions: [attr_list]\n"
        "plugins:\n  - redirects:\n      redirect_maps:\n        old.md: new.md\n"
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root, check=True, capture_output=True
    )
    return root / "site"


def test_resolve_follows_a_redirect_stub_and_checks_the_anchor(scratch_site: Path):
    assert addresses.collect(scratch_site) >= {"/", "/new/", "/new/#kept-anchor"}
    assert "/old/" not in addresses.collect(scratch_site)  # a stub is not a page of its own
    assert addresses.resolve(scratch_site, "/old/#kept-anchor") == "/new/#kept-anchor"
    assert addresses.resolve(scratch_site, "/old/#lost-anchor") is None
    assert addresses.resolve(scratch_site, "/gone/") is None


@pytest.mark.slow
def test_chromium_follows_a_redirect_stub_keeping_the_anchor(browser, scratch_site: Path):
    with Server(scratch_site, free_port()) as server:
        landed, found = _follow(browser, server.origin, "/old/#kept-anchor")
    assert landed == "/new/#kept-anchor" and found


def test_write_adds_new_addresses_and_refuses_to_drop_a_vanished_one(scratch_site: Path, tmp_path):
    listing = tmp_path / "addresses.txt"
    listing.write_text("/old/#kept-anchor\n")  # a moved page's address, kept through its redirect
    assert addresses.write(scratch_site, listing) == []
    assert addresses.read(listing) == sorted({"/old/#kept-anchor"} | addresses.collect(scratch_site))
    listing.write_text("/gone/\n")
    assert addresses.write(scratch_site, listing) == ["/gone/"]
    assert listing.read_text() == "/gone/\n"  # refused: nothing written
