"""The <picture> markup of a figure (scripts/figure_html.py), on files written to a scratch folder."""

from __future__ import annotations

import pytest

from scripts import figure_html, style

SVG = '<svg width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}"></svg>'


def _write(root, variants):
    folder = root / "figures" / "page"
    folder.mkdir(parents=True)
    for variant, (w, h) in variants.items():
        (folder / f"fig{variant}.svg").write_text(SVG.format(w=w, h=h))


ALL = {"": (432, 216), ".dark": (432, 216), ".phone": (288, 432), ".phone.dark": (288, 432)}


def test_phone_sources_and_sizes(tmp_path):
    _write(tmp_path, ALL)
    html = figure_html.picture(' alt="what it shows"', "../figures/page/fig", root=tmp_path)
    assert html.startswith('<a class="figure-zoom" href="../figures/page/fig.svg"')
    assert html.count("<picture>") == 2
    source = f'<source media="{style.PHONE_MEDIA}" srcset="../figures/page/fig.phone.svg" width="384" height="576">'
    assert source in html
    assert 'srcset="../figures/page/fig.phone.dark.svg"' in html
    assert '<img alt="what it shows" src="../figures/page/fig.svg#only-light" width="576" height="288"' in html
    assert 'src="../figures/page/fig.dark.svg#only-dark"' in html


def test_missing_phone_variant_is_an_error_naming_it(tmp_path):
    _write(tmp_path, {k: v for k, v in ALL.items() if k != ".phone.dark"})
    with pytest.raises(FileNotFoundError, match=r"fig\.phone\.dark\.svg"):
        figure_html.picture('alt="x"', "figures/page/fig", root=tmp_path)


def test_missing_figure_is_left_to_mkdocs(tmp_path):
    (tmp_path / "figures").mkdir()
    assert figure_html.picture('alt="x"', "figures/page/none", root=tmp_path) is None
