"""scripts/notebook_html.py: what the build does to lab pages."""

from __future__ import annotations

from scripts import notebook_html as nb

URLS = {"articles/norms.md": "articles/norms/", "index.md": ""}


def test_links_to_pages_become_site_urls_relative_to_the_lab():
    html = (
        '<a href="../articles/norms.md#ridge">x</a> <a href="../index.md">home</a> <a href="https://x.org/a.md">y</a>'
    )
    out, missing = nb.rewrite_links(html, "labs/norms.ipynb", "labs/norms/", URLS.get)
    assert (
        out
        == '<a href="../../articles/norms/#ridge">x</a> <a href="../../">home</a> <a href="https://x.org/a.md">y</a>'
    )
    assert missing == []


def test_a_link_to_a_missing_page_is_reported_and_left_alone():
    html = '<a href="../nowhere.md">x</a>'
    out, missing = nb.rewrite_links(html, "labs/norms.ipynb", "labs/norms/", URLS.get)
    assert out == html and missing == ["../nowhere.md"]


def test_download_button_names_the_notebook():
    button = nb.download_button("labs/norms.ipynb")
    assert 'href="norms.ipynb" download' in button
    assert "(norms.ipynb, without outputs)" in button  # the site shows it run; the file is not


def test_dead_loaders_are_dropped_and_other_scripts_kept():
    html = (
        '<script src=""></script><script type="text/x-mathjax-config">MathJax.Hub</script>'
        '<script type="module">import mermaid from "x"; mermaid.init()</script><script>keep()</script>'
    )
    assert nb.drop_dead_scripts(html) == "<script>keep()</script>"


def test_the_large_notebook_stylesheet_moves_to_one_shared_file(tmp_path):
    big = "a{color:red}" * 10_000
    html = f"<style>{big}</style><style>small{{}}</style>"
    out = nb.extract_stylesheet(html, "labs/norms/", tmp_path)
    assert out == '<link rel="stylesheet" href="../../assets/stylesheets/jupyter.css"><style>small{}</style>'
    assert (tmp_path / nb.JUPYTER_CSS).read_text() == big
