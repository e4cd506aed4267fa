"""scripts/code_pages.py: the generated code pages, their anchors, and the caption links."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from scripts import code_pages
from scripts.pipeline import ROOT, slugs


def _tiny_project(tmp_path: Path) -> Path:
    """A scripts/ tree with one single-file page, one package page and the shared modules."""
    scripts = tmp_path / "scripts"
    (scripts / "pages" / "pkg").mkdir(parents=True)
    (scripts / "pages" / "__init__.py").write_text('"""Pages."""\n')
    (scripts / "pages" / "single.py").write_text(
        textwrap.dedent('''\
            """A single-file page. Second sentence."""


            def _draw(r):
                """Draw it."""
                return r


            def figures(r):
                fig = r
                return {"drawn-inline": fig, "drawn-apart": _draw(r)}
            ''')
    )
    (scripts / "pages" / "pkg" / "__init__.py").write_text('"""A package page."""\n')
    (scripts / "pages" / "pkg" / "figures.py").write_text(
        'def _fig_a(r):\n    return r\n\n\ndef figures(r):\n    return {"a": _fig_a(r)}\n'
    )
    for name in code_pages.SHARED:
        (scripts / f"{name}.py").write_text(
            f'"""{name}."""\n\n\nclass Box:\n    """A box."""\n\n    def size(self):\n        return 1\n'
        )
    return tmp_path


def test_every_page_module_and_shared_module_gets_a_page_at_its_documented_address():
    found = {m.name: m for m in code_pages.modules()}
    expected = {"solvers", "fmt", "data", "style"}
    for path in (ROOT / "scripts" / "pages").rglob("*.py"):
        rel = path.relative_to(ROOT / "scripts").with_suffix("")
        if rel.as_posix() != "pages/__init__":
            expected.add(".".join(rel.parts))
    assert set(found) == expected
    assert found["pages.norms.figures"].src_uri == "code/pages/norms/figures.md"
    assert found["pages.norms.figures"].url == "code/pages/norms/figures/"
    assert found["solvers"].src_uri == "code/solvers.md"
    assert found["pages.norms.figures"].source_name == "scripts/pages/norms/figures.py"


def test_url_names_the_function_anchor_and_accepts_the_usual_spellings():
    assert code_pages.url("pages.norms.figures", "figures") == "code/pages/norms/figures/#figures"
    assert code_pages.url("scripts/pages/norms/figures.py", "figures") == "code/pages/norms/figures/#figures"
    assert code_pages.url("scripts.solvers") == "code/solvers/"


def test_an_unknown_module_or_function_raises_naming_it():
    with pytest.raises(code_pages.CodePageError, match=r"'pages\.nowhere'"):
        code_pages.url("pages.nowhere", "compute")
    with pytest.raises(code_pages.CodePageError, match=r"'solvers'.*'no_such_solver'"):
        code_pages.url("solvers", "no_such_solver")


def test_symbols_are_top_level_functions_classes_and_methods_with_their_def_lines():
    source = (
        '@decorator\ndef f():\n    """Does f.\n\n    More."""\n\n\n'
        "class C:\n    def m(self):\n        def inner():\n            pass\n"
    )
    assert code_pages.symbols(source) == [
        code_pages.Symbol("f", 2, "Does f."),
        code_pages.Symbol("C", 8, ""),
        code_pages.Symbol("C.m", 9, ""),
    ]


def test_each_symbol_anchor_sits_on_its_def_line_in_the_listing(tmp_path):
    root = _tiny_project(tmp_path)
    markdown = code_pages.page_markdown(code_pages.find("solvers", root))
    for name, line in (("Box", 4), ("Box.size", 7)):
        span = re.search(rf'<span id="__span-0-(\d+)">(?:(?!<span id="__span).)*?id="{re.escape(name)}"', markdown)
        assert span and int(span[1]) == line, name
    assert 'href="#Box.size"' in markdown  # the list of functions links each one
    assert '<span id="__codelineno-0-7"></span><span class="code-def" id="Box.size">' in markdown
    assert "<a id=" not in markdown  # line targets are spans: an <a> needs an href
    # line numbers are plain text, not links (WCAG 2.5.8 target size), and every one is there
    numbers = re.search(r'<div class="linenodiv"><pre><span></span>(.*?)</pre>', markdown, re.S)[1]
    assert "<" not in numbers and numbers.split() == [str(n) for n in range(1, len(numbers.split()) + 1)]
    assert len(numbers.split()) == markdown.count('<span id="__codelineno-0-')
    assert "search:\n  exclude: true" in markdown  # code stays out of the search index


def test_every_real_code_page_has_one_anchor_per_symbol():
    for module in code_pages.modules():
        markdown = code_pages.page_markdown(module)
        names = [s.name for s in code_pages.symbols(module.path.read_text(encoding="utf-8"))]
        ids = re.findall(r'class="code-def" id="([^"]+)"', markdown)
        assert ids == names, module.name


def test_the_index_lists_every_code_page_with_packages_grouped(tmp_path):
    root = _tiny_project(tmp_path)
    index = code_pages.index_markdown(root)
    assert "- [`scripts/pages/single.py`](pages/single.md): A single-file page. Second sentence." in index
    assert "- `scripts/pages/pkg/`, a package:\n    - [`scripts/pages/pkg/__init__.py`](pages/pkg/__init__.md)" in index
    assert "    - [`scripts/pages/pkg/figures.py`](pages/pkg/figures.md)" in index
    assert "- [`scripts/solvers.py`](solvers.md)" in index
    assert set(code_pages.pages(root)) == {code_pages.INDEX, *(m.src_uri for m in code_pages.modules(root))}


def test_figure_functions_reads_who_draws_each_figure(tmp_path):
    root = _tiny_project(tmp_path)
    assert code_pages.figure_functions("single", root) == {
        "drawn-inline": ("pages.single", "figures"),
        "drawn-apart": ("pages.single", "_draw"),
    }
    assert code_pages.figure_functions("pkg", root) == {"a": ("pages.pkg.figures", "_fig_a")}


@pytest.mark.parametrize("slug", slugs())
def test_every_figure_of_every_page_has_a_drawing_function_on_a_code_page(slug):
    drawn = code_pages.figure_functions(slug)
    for name, (where, function) in drawn.items():
        assert code_pages.url(where, function).endswith(f"#{function}"), name
    # the names are exactly the figures the page builds (as committed in figures/<slug>/)
    committed = {p.name.removesuffix(".svg") for p in (ROOT / "figures" / slug).glob("*.svg")}
    assert set(drawn) == {n for n in committed if not n.endswith((".dark", ".phone", ".phone.dark"))}


CAPTIONED = """Text.

![A figure](../figures/pkg/a.svg)
/// caption
What it shows.
///

![Not captioned](../figures/pkg/a.svg)

More text.
"""


def test_link_captions_adds_a_link_to_the_drawing_function_inside_the_caption(tmp_path):
    root = _tiny_project(tmp_path)
    out = code_pages.link_captions(CAPTIONED, "articles/page.md", root)
    assert out.count("Drawn by") == 1
    assert (
        "What it shows.\n\nDrawn by [`_fig_a`](../code/pages/pkg/figures.md#_fig_a) in "
        "`scripts/pages/pkg/figures.py`.\n{ .drawn-by }\n///" in out
    )
    assert (
        out.replace(
            "\n\nDrawn by [`_fig_a`](../code/pages/pkg/figures.md#_fig_a) in "
            "`scripts/pages/pkg/figures.py`.\n{ .drawn-by }",
            "",
        )
        == CAPTIONED
    )


def test_link_captions_keeps_an_indented_caption_inside_its_block(tmp_path):
    root = _tiny_project(tmp_path)
    indented = "!!! note\n\n    ![A](figures/pkg/a.svg)\n    /// caption\n    Shown.\n    ///\n"
    out = code_pages.link_captions(indented, "index.md", root)
    assert "    Drawn by [`_fig_a`](code/pages/pkg/figures.md#_fig_a)" in out
    assert "    { .drawn-by }\n    ///" in out


def test_link_captions_refuses_a_figure_no_page_draws(tmp_path):
    root = _tiny_project(tmp_path)
    with pytest.raises(code_pages.CodePageError, match="pkg/missing"):
        code_pages.link_captions("![A](figures/pkg/missing.svg)\n/// caption\nx\n///\n", "index.md", root)


def test_figure_functions_refuses_a_page_without_figures(tmp_path):
    root = _tiny_project(tmp_path)
    (root / "scripts" / "pages" / "single.py").write_text("def compute():\n    return {}\n")
    with pytest.raises(code_pages.CodePageError, match="no figures"):
        code_pages.figure_functions("single", root)


def test_a_function_named_like_the_title_id_is_refused(tmp_path):
    root = _tiny_project(tmp_path)
    (root / "scripts" / "data.py").write_text("def source():\n    pass\n")
    with pytest.raises(code_pages.CodePageError, match="'source'"):
        code_pages.page_markdown(code_pages.find("data", root))


def test_the_listing_goes_out_in_blocks_of_whole_lines(tmp_path, monkeypatch):
    root = _tiny_project(tmp_path)
    monkeypatch.setattr(code_pages, "LINES_PER_BLOCK", 4)
    markdown = code_pages.page_markdown(code_pages.find("solvers", root))
    code = re.search(r'<td class="code"><div><pre><span></span><code>(.*?)</code>', markdown, re.S)[1]
    blocks = re.findall(r'<span class="code-lines" style="--lines:(\d+);--cols:\d+">', code)
    lines = code.count('<span id="__span-0-')
    assert lines > 4 and [int(n) for n in blocks] == [4] * (lines // 4) + ([lines % 4] if lines % 4 else [])
    # each block starts at a line: no line is cut in two
    starts = [rest.split(">", 1)[1] for rest in code.split('<span class="code-lines"')[1:]]
    assert all(start.startswith('<span id="__span-0-') for start in starts)


def test_a_listing_without_its_code_column_is_an_error():
    with pytest.raises(code_pages.CodePageError, match="one code column"):
        code_pages._sized("<table><tr><td>no code here</td></tr></table>")
