"""tools/baselines.py: the content-only floor and the stock-Material configuration."""

from __future__ import annotations

import pytest
import yaml

from tools import baselines

PAGE = """<!doctype html><html><head>
<meta name="description" content="About &#34;norms&#34;.">
<title>Norms - Site</title>
<link rel="stylesheet" href="../../assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="../../assets/stylesheets/temml.css">
<link rel="stylesheet" href="../../assets/stylesheets/jupyter.css">
<link rel="stylesheet" href="../../assets/stylesheets/extra.css">
</head><body><nav>menu</nav>
<article class="md-content__inner md-typeset"><h1>Norms</h1><article>nested</article><p>text</p><script>
var x = "</p>";</script><SCRIPT src="a.js"></SCRIPT></article>
<footer>foot</footer><script src="bundle.js"></script></body></html>"""


def test_the_article_is_cut_out_whole_with_nested_articles():
    assert baselines.article(PAGE).startswith("<h1>Norms</h1><article>nested</article><p>text</p><script>")
    with pytest.raises(baselines.BaselineError, match="no <article"):
        baselines.article("<html><article>x</article></html>")
    with pytest.raises(baselines.BaselineError, match="not closed"):
        baselines.article('<article class="md-content__inner md-typeset"><p>x')


def test_the_floor_keeps_content_styles_and_drops_the_theme():
    floor = baselines.floor_page(PAGE)
    assert "<title>Norms - Site</title>" in floor
    assert 'content="About &#34;norms&#34;."' in floor
    assert 'href="../../assets/stylesheets/temml.css"' in floor
    assert 'href="../../assets/stylesheets/jupyter.css"' in floor
    for theme in ("main.57a0d79d.min.css", "extra.css", "bundle.js", "a.js", "<script", "menu", "foot"):
        assert theme not in floor
    assert "<main>\n<h1>Norms</h1><article>nested</article><p>text</p>\n</main>" in floor


def test_the_floor_links_every_other_file_and_rewrites_only_pages(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(PAGE)
    (site / "figures").mkdir()
    (site / "figures" / "f.svg").write_text("<svg/>")
    floor = tmp_path / "floor"
    baselines.write_floor(site, floor, ["/a/"])
    assert (floor / "figures" / "f.svg").is_symlink() and (floor / "figures" / "f.svg").read_text() == "<svg/>"
    assert not (floor / "a" / "index.html").is_symlink()
    assert "<nav>" not in (floor / "a" / "index.html").read_text()
    assert (site / "a" / "index.html").read_text() == PAGE  # the site is untouched
    with pytest.raises(baselines.BaselineError, match="fresh directory"):
        baselines.write_floor(site, floor, ["/a/"])


def test_the_stock_config_is_the_project_without_its_layer():
    project = """
site_name: S
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
strict: true
hooks: [hooks/site_build.py]
theme: {name: material, custom_dir: overrides, features: [search.suggest]}
extra_css: [a.css]
extra_javascript: [b.js]
plugins: [search, {redirects: {redirect_maps: {}}}, {mkdocs-jupyter: {execute: true}}]
markdown_extensions: [{pymdownx.arithmatex: {generic: true}}]
nav: [{Home: index.md}]
"""
    config = baselines.stock_config(project)
    assert config["site_url"] == "http://127.0.0.1:8000/"
    assert "hooks" not in config and "extra_css" not in config and "strict" not in config
    assert config["theme"] == {"name": "material", "features": ["search.suggest"]}
    assert config["extra_javascript"][-1].endswith("mathjax/tex-mml-chtml.js")
    assert [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]] == ["search", "mkdocs-jupyter"]
    assert config["nav"] == [{"Home": "index.md"}]
    assert yaml.safe_load(yaml.safe_dump(config)) == config  # writable as plain YAML


def test_the_mathjax_config_is_material_recipe():
    assert 'processHtmlClass: "arithmatex"' in baselines.MATHJAX_CONFIG
    assert '["\\\\(", "\\\\)"]' in baselines.MATHJAX_CONFIG  # JS source for the string \(


def test_the_stock_build_names_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(baselines, "MATHJAX", tmp_path / "nowhere")
    with pytest.raises(baselines.BaselineError, match="MathJax 3 not found"):
        baselines.build_stock(tmp_path, {})
