"""scripts/notebook_html.py: what the build does to lab pages."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re

import numpy as np
import pytest
from PIL import Image

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


def test_copy_buttons_lose_the_templates_stray_comma():
    html = '<clipboard-copy for="cell-3", aria-label="Copy to Clipboard"><span>,</span></clipboard-copy>'
    assert nb.mend_copy_buttons(html) == (
        '<clipboard-copy for="cell-3" aria-label="Copy to Clipboard"><span>,</span></clipboard-copy>'
    )
    parsed = '<clipboard-copy ,="" aria-label="Copy to Clipboard" for="cell-3">'  # as the page gets it
    assert nb.mend_copy_buttons(parsed) == '<clipboard-copy aria-label="Copy to Clipboard" for="cell-3">'


def test_name_and_whitespace_spans_of_code_give_way_to_their_text():
    code = (
        '<pre><span class="n">np</span><span class="o">.</span><span class="n">sum</span>'
        '<span class="p">(</span><span class="n">w</span><span class="w"> </span><span class="o">**</span>'
        '<span class="mi">2</span><span class="p">)</span></pre>'
    )
    out = nb.unwrap_plain_tokens(code)
    assert out == (
        '<pre>np<span class="o">.</span>sum<span class="p">(</span>w <span class="o">**</span>'
        '<span class="mi">2</span><span class="p">)</span></pre>'
    )
    assert re.sub(r"<[^>]+>", "", out) == re.sub(r"<[^>]+>", "", code)  # the same text


def test_spans_outside_code_and_other_tokens_are_left_alone():
    html = '<p><span class="n">n</span></p><pre><span class="nb">len</span><span class="nn">np</span></pre>'
    assert nb.unwrap_plain_tokens(html) == html


def test_each_code_cell_is_given_its_lines_and_longest_line():
    code = (
        '<div class="highlight-ipynb hl-python"><pre><span></span>a <span class="o">&lt;=</span> 1\n'
        'print<span class="p">(</span><span class="s2">"λ"</span><span class="p">)</span>\n</pre></div>'
        '<div class="jp-RenderedText"><pre>not code</pre></div>'
    )
    out = nb.size_code_cells(code)
    assert '<pre><span class="code-lines" style="--lines:2;--cols:10"><span></span>a ' in out  # print("λ")
    assert '<span class="p">)</span>\n</span></pre></div>' in out
    assert "<pre>not code</pre>" in out  # outputs are not code cells
    assert re.sub(r"<[^>]+>", "", out) == re.sub(r"<[^>]+>", "", code)


def test_the_large_notebook_stylesheet_moves_to_one_shared_file(tmp_path):
    big = "a{color:red}" * 10_000
    html = f"<style>{big}</style><style>small{{}}</style>"
    out = nb.extract_stylesheet(html, "labs/norms/", tmp_path)
    assert out == '<link rel="stylesheet" href="../../assets/stylesheets/jupyter.css"><style>small{}</style>'
    assert (tmp_path / nb.JUPYTER_CSS).read_text() == big


# --- figure outputs (issue 17: lab pages within their weight budget) ---------------------------


def _matplotlib_png(**savefig) -> bytes:
    """A figure as the labs draw one (lines, markers, antialiased text), as matplotlib's inline PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = np.linspace(0, 3, 200)
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    for k, style in enumerate(["-", "--", ":", "-."]):
        ax.plot(x, np.sin(x * (k + 1)) / (k + 1), style, label=f"k = {k}")
    ax.scatter(x[::7], np.cos(x[::7]), s=9, color="0.6")
    ax.legend()
    ax.set_title("a test figure")
    out = io.BytesIO()
    fig.savefig(out, format="png", bbox_inches="tight", **savefig)
    plt.close(fig)
    return out.getvalue()


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


def test_a_figure_is_reencoded_as_the_same_picture_in_far_fewer_bytes():
    original = _matplotlib_png()
    assert Image.open(io.BytesIO(original)).mode == "RGBA"  # what matplotlib writes
    smaller, size = nb.optimise_png(original)
    image = Image.open(io.BytesIO(smaller))
    assert image.format == "PNG" and image.mode == "P" and size == image.size == Image.open(io.BytesIO(original)).size
    assert len(smaller) < 0.5 * len(original)
    difference = np.abs(_pixels(smaller) - _pixels(original))
    assert difference.mean() < 0.5 and difference.max() <= 32  # antialiasing shades merged, nothing else
    assert nb.optimise_png(original)[0] == smaller  # the same bytes every build


def test_a_figure_with_transparency_is_kept_as_it_is():
    transparent = _matplotlib_png(transparent=True)
    assert nb.optimise_png(transparent)[0] == transparent


def test_what_is_not_a_png_is_refused_by_name():
    with pytest.raises(nb.LabFigureError, match="not a readable PNG"):
        nb.optimise_png(b"not an image")
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "JPEG")
    with pytest.raises(nb.LabFigureError, match="not a PNG but JPEG"):
        nb.optimise_png(out.getvalue())


def _cell(cell_id: str, *outputs: str) -> str:
    return f'<div class="jp-Cell jp-CodeCell" id="cell-id={cell_id}"><pre>code</pre>{"".join(outputs)}</div>'


def _img(png: bytes) -> str:
    data = base64.b64encode(png).decode()
    return f'<img alt="No description has been provided for this image" class="" src="data:image/png;base64,{data}"/>'


def test_figure_outputs_become_files_next_to_the_lab_with_size_alt_text_and_lazy_loading():
    png = _matplotlib_png()
    html = _cell("cell-1") + _cell("cell-2", "<p>before</p>", _img(png), "<p>after</p>")
    out, files = nb.externalize_figures(html, {"cell-2": 'Sine waves & a "test" scatter'}, "labs/x.ipynb")
    assert list(files) == [f"figure-1.{hashlib.sha256(files[next(iter(files))]).hexdigest()[:10]}.png"]
    (name, data), width, height = next(iter(files.items())), *Image.open(io.BytesIO(png)).size
    assert data == nb.optimise_png(png)[0]
    assert out == _cell("cell-1") + _cell(
        "cell-2",
        "<p>before</p>",
        f'<a class="figure-zoom" href="{name}" title="Open the figure full size">'
        f'<img src="{name}" width="{width}" height="{height}" alt="Sine waves &amp; a &quot;test&quot; scatter" '
        'loading="lazy" decoding="async"></a>',
        "<p>after</p>",
    )


def test_each_figure_gets_the_alt_text_of_its_own_cell_and_its_own_file():
    first, second = _matplotlib_png(), _matplotlib_png(dpi=50)
    html = _cell("cell-3", _img(first)) + _cell("cell-5", _img(second))
    out, files = nb.externalize_figures(html, {"cell-3": "first", "cell-5": "second"}, "labs/x.ipynb")
    names = list(files)
    assert [n.split(".")[0] for n in names] == ["figure-1", "figure-2"] and names[0] != names[1]
    assert re.findall(r'<img src="([^"]+)"[^>]* alt="([^"]+)"', out) == [(names[0], "first"), (names[1], "second")]
    assert "data:" not in out


def test_a_figure_without_alt_text_fails_the_build_naming_its_cell():
    html = _cell("cell-7", _img(_matplotlib_png()))
    with pytest.raises(nb.LabFigureError, match=r"labs/x.ipynb: cell-7 draws a figure without alt text"):
        nb.externalize_figures(html, {}, "labs/x.ipynb")


def test_alt_text_for_a_cell_that_draws_no_figure_fails_the_build():
    html = _cell("cell-1", _img(_matplotlib_png())) + _cell("cell-2")
    with pytest.raises(nb.LabFigureError, match=r"alt text for a figure, but no figure in cell-2"):
        nb.externalize_figures(html, {"cell-1": "a", "cell-2": "b"}, "labs/x.ipynb")


def test_a_broken_figure_output_is_refused_naming_its_cell():
    html = _cell("cell-4", '<img src="data:image/png;base64,@@@"/>')
    with pytest.raises(nb.LabFigureError, match=r"labs/x.ipynb: cell-4: figure output"):
        nb.externalize_figures(html, {"cell-4": "a"}, "labs/x.ipynb")


def test_alt_text_is_read_from_the_code_cells_metadata():
    notebook = {
        "cells": [
            {"id": "cell-1", "cell_type": "markdown", "metadata": {}, "source": []},
            {"id": "cell-2", "cell_type": "code", "metadata": {"alt": " Two\n  lines "}, "source": []},
        ]
    }
    assert nb.figure_alts(notebook, "labs/x.ipynb") == {"cell-2": "Two lines"}


@pytest.mark.parametrize("alt", ["", "  ", ["a list"], 3])
def test_alt_text_that_is_not_text_is_refused_naming_its_cell(alt):
    notebook = {"cells": [{"id": "cell-9", "cell_type": "code", "metadata": {"alt": alt}, "source": []}]}
    with pytest.raises(nb.LabFigureError, match=r"labs/x.ipynb: cell-9: metadata 'alt' must be non-empty text"):
        nb.figure_alts(notebook, "labs/x.ipynb")


def test_figure_files_are_written_whole_and_an_unchanged_one_is_left_alone(tmp_path):
    nb.write_files(tmp_path / "labs" / "x", {"figure-1.ab.png": b"one"})
    target = tmp_path / "labs" / "x" / "figure-1.ab.png"
    assert target.read_bytes() == b"one"
    os.utime(target, ns=(1, 1))
    nb.write_files(tmp_path / "labs" / "x", {"figure-1.ab.png": b"one"})
    assert target.stat().st_mtime_ns == 1  # not rewritten: nothing changed
    assert sorted(p.name for p in target.parent.iterdir()) == ["figure-1.ab.png"]  # no partial file left
