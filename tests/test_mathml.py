"""Build-time TeX -> MathML (scripts/mathml.py)."""

from __future__ import annotations

import pytest

from scripts import mathml


@pytest.fixture(scope="module")
def renderer():
    r = mathml.Renderer()
    yield r
    r.close()


def test_inline_and_display_math_become_mathml(renderer):
    html = (
        '<p><span class="arithmatex">\\(\\norm{w}_1 &lt; 1\\)</span></p>'
        '<div class="arithmatex">\\[\\begin{aligned} a &amp;= b \\\\ c &amp;= d \\end{aligned}\\]</div>'
    )
    out = renderer.page(html)
    assert "arithmatex" not in out and "\\(" not in out
    assert out.count("<math") == 2
    assert 'display="block"' in out
    assert "<mo>&lt;</mo>" in out or "<mo>&#x3C;</mo>" in out or "<mo><</mo>" not in out
    assert "‖" in out  # \norm expanded


def test_bad_tex_is_an_error_naming_the_formula(renderer):
    with pytest.raises(mathml.MathError, match=r"\\frac\{1\}\{"):
        renderer.render([("\\frac{1}{", False)])


def test_characters_cover_rendered_symbols(renderer):
    renderer.render([("\\lambda \\sum_j", False)])
    assert {"λ", "∑"} <= renderer.characters()


def test_dollar_math_in_notebook_html_spares_code(renderer):
    html = (
        "<p>$a$ then <code>$x$</code> then $$b &lt; c$$ and $d$</p><pre>$y$</pre>"
        '<script>var s = "$z$";</script><div class="clipboard-copy-txt" id="c">print("$q$")</div>'
    )
    out = renderer.dollars(html)
    assert out.count("<math") == 3
    assert "<code>$x$</code>" in out and "<pre>$y$</pre>" in out and '"$z$"' in out and '"$q$"' in out
    assert out.index(">a</mi>") < out.index(">b</mi>") < out.index(">d</mi>")


def test_math_alone_in_a_table_header_gets_a_text_label(renderer):
    table = renderer.page(
        '<table><thead><tr><th><span class="arithmatex">\\(\\hat w\\)</span></th>'
        '<th>λ in <span class="arithmatex">\\(x\\)</span></th></tr></thead></table>'
    )
    out = mathml.label_header_math(table)
    first, second = out.split("</th>")[:2]
    assert '<math aria-label="wˆ">' in first  # the formula's visible characters
    assert "aria-label" not in second  # the header already has text


def test_statements_of_a_display_go_on_their_own_lines_for_narrow_screens():
    from scripts.mathml import one_statement_per_line

    assert one_statement_per_line(r"a = 1, \qquad b = 2") == r"\begin{gathered}a = 1, \\ b = 2\end{gathered}"
    assert one_statement_per_line(r"a = 1") is None
    assert one_statement_per_line(r"x^{a \qquad b}") is None  # not at the top level
    assert one_statement_per_line(r"\begin{aligned} a \qquad b \end{aligned}") is None
