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


def test_big_delimiters_are_scaled_glyphs_centred_on_the_axis(renderer):
    (out,) = renderer.render([(r"x \bigl( a \Bigr] \big| y", False)])
    assert '<mpadded voffset="-0.05em"><mo stretchy="false" mathsize="1.2em">(</mo></mpadded>' in out
    assert '<mpadded voffset="-0.2em"><mo stretchy="false" mathsize="1.8em">]</mo></mpadded>' in out
    assert 'minsize="1.2em" maxsize="1.2em">|</mo>' in out  # bars keep the font's size variants
    (bars,) = renderer.render([(r"\Bigl\lvert a \Bigr\rvert", False)])
    # Chromium stretches them only if told; as fences they take no space (an infix | would).
    assert bars.count('<mo stretchy="true" lspace="0em" rspace="0em" fence="true"') == 2
    (opened,) = renderer.render([(r"\mathopen{\big(} a", False)])
    assert 'mathsize="1.2em" lspace="0em" rspace="0em">(</mo>' in opened  # explicit spacing is kept


def _vertical_variant_widths(char: str) -> list[float]:
    """Advance widths, in em, of every size variant and assembly part the math font has for ``char``."""
    from fontTools.ttLib import TTFont

    from scripts.mathfont import FONT_SRC

    font = TTFont(FONT_SRC)
    table, metrics = font["MATH"].table.MathVariants, font["hmtx"]
    glyph = font.getBestCmap()[ord(char)]
    construction = table.VertGlyphConstruction[table.VertGlyphCoverage.glyphs.index(glyph)]
    names = [r.VariantGlyph for r in construction.MathGlyphVariantRecord]
    if construction.GlyphAssembly:
        names += [part.glyph for part in construction.GlyphAssembly.PartRecords]
    return [metrics[name][0] / font["head"].unitsPerEm for name in names]


def test_the_font_facts_sized_delimiters_rely_on():
    from fontTools.ttLib import TTFont

    from scripts.mathfont import FONT_SRC

    font = TTFont(FONT_SRC)
    axis = font["MATH"].table.MathConstants.AxisHeight.Value / font["head"].unitsPerEm
    assert axis == pytest.approx(mathml.AXIS_HEIGHT_EM)
    for bar in mathml.EVEN_WIDTH_DELIMITERS:
        widths = _vertical_variant_widths(bar)
        assert max(widths) - min(widths) < 0.08, bar
    widths = _vertical_variant_widths("(")
    assert max(widths) > 2 * min(widths)  # why parentheses are scaled rather than stretched


def test_labels_of_an_aligned_display_go_above_their_formula_for_narrow_screens():
    tex = (
        r"\begin{aligned} \text{L2:}\quad & w \leftarrow w - \eta\,(g + \lambda w) = (1 - \eta\lambda)\, w, \\"
        r" \text{L1, where } w_j \ne 0:\quad & w_j \leftarrow S(z), \qquad S(z) = \max(z, 0) \end{aligned}"
    )
    assert mathml.narrow_twin(tex) == (
        r"\begin{aligned}&\text{L2:} \\ &\quad w \leftarrow w - \eta\,(g + \lambda w) \\"
        r" &\qquad = (1 - \eta\lambda)\, w, \\ &\text{L1, where } w_j \ne 0: \\ &\quad w_j \leftarrow S(z),"
        r" \\ &\quad S(z) = \max(z, 0)\end{aligned}"
    )
    # Two formula columns (label & g = ..., & w &= ...): each formula on its own line.
    two = r"\begin{aligned} \text{AdamW:}\quad & g = \nabla f, & w &= w - \eta m \end{aligned}"
    assert (
        mathml.labels_above(two)
        == r"\begin{aligned}&\text{AdamW:} \\ &\quad g = \nabla f, \\ &\quad w = w - \eta m\end{aligned}"
    )
    # A remark after \quad goes on its own line; "=" inside it or inside parentheses starts no line.
    remark = r"\begin{aligned} \text{sub:}\quad & w \leftarrow w - \eta g \quad (\sign(0) = 0) \end{aligned}"
    assert mathml.labels_above(remark).endswith(
        r"&\quad w \leftarrow w - \eta g \\ &\qquad (\sign(0) = 0)\end{aligned}"
    )


def test_only_displays_whose_every_row_has_a_label_get_labels_above():
    assert mathml.labels_above(r"\begin{aligned} a &= b \\ c &= d \end{aligned}") is None
    assert mathml.labels_above(r"\begin{aligned} \text{L2:}\quad & a \\ c &= d \end{aligned}") is None
    assert mathml.labels_above(r"\text{L2:}\quad a = b") is None  # not an aligned display
    assert mathml.labels_above(r"\begin{aligned} \text{where}\quad & a \end{aligned}") is None  # no colon
    assert mathml.narrow_twin(r"a = 1, \qquad b = 2") == mathml.one_statement_per_line(r"a = 1, \qquad b = 2")


def test_notebook_displays_get_the_phone_twin_too(renderer):
    out = renderer.dollars(r"<p>$$a = 1, \qquad b = 2$$ and $$c = 3$$</p>")
    assert out.count('<span class="math-display math-display--wide">') == 1
    assert out.count('<span class="math-display math-display--narrow">') == 1
    assert out.count('<span class="math-display">') == 1  # nothing to break in c = 3


def test_an_inline_formula_and_its_bound_number_are_kept_on_one_line():
    html = (
        "<p>with <math><mi>λ</mi><mo>=</mo></math>\u00a00.5, <math><mi>n</mi></math> 50"
        " and <math><mo>=</mo></math>\u00a0−2</p>"
    )
    out = mathml.keep_numbers_with_math(html)
    # the relation's space on the right is the no-break space's: one space, not two
    assert '<span class="nobr"><math><mi>λ</mi><mo rspace="0">=</mo></math>\u00a00.5</span>,' in out
    assert '<span class="nobr"><math><mo rspace="0">=</mo></math>\u00a0−2</span>' in out
    assert "<math><mi>n</mi></math> 50" in out  # no relation, no binding: left as it was
    temml = (
        "<math><semantics><mrow><msub><mi>H</mi><mn>11</mn></msub><mo>=</mo></mrow>"
        '<annotation encoding="application/x-tex">H_{11} =</annotation></semantics></math>\u00a09'
    )
    assert '<mo rspace="0">=</mo></mrow><annotation' in mathml.keep_numbers_with_math(temml)


def test_punctuation_after_an_inline_formula_stays_on_its_line():
    html = (
        "<p>for <math><mi>t</mi></math>). Then <math><mi>z</mi></math>, and <math><mi>y</mi></math> .</p>"
        '<span class="math-display"><math display="block"><mi>a</mi></math></span>.'
    )
    out = mathml.keep_numbers_with_math(html)
    assert '<span class="nobr"><math><mi>t</mi></math>).</span> Then' in out
    assert '<span class="nobr"><math><mi>z</mi></math>,</span> and' in out
    assert "<math><mi>y</mi></math> ." in out  # a space: the line may break there, as in any text
    assert '<math display="block"><mi>a</mi></math></span>.' in out  # a display is a block of its own
    # a number bound to its formula, then a full stop: the number's span already ends the formula
    bound = mathml.keep_numbers_with_math("<math><mo>=</mo></math>\u00a02.")
    assert bound == '<span class="nobr"><math><mo rspace="0">=</mo></math>\u00a02</span>.'


def test_a_relation_at_the_start_or_end_of_a_side_keeps_both_sides_on_one_line():
    eq = "<math><semantics><mrow><mo>=</mo><mi>α</mi></mrow><annotation>= \\alpha</annotation></semantics></math>"
    html = (
        f"<td><code>alpha</code> {eq} only if</td><p>If you set λ= <math><mn>1,000</mn></math> then"
        f' a <math><mi>b</mi></math> c, and <code>x</code> <span class="nobr">{eq},</span> y</p>'
    )
    out = mathml.keep_relations_with_their_sides(html)
    assert f'<td><span class="nobr"><code>alpha</code>\u00a0{eq}</span> only if' in out
    assert '<span class="nobr">λ=\u00a0<math><mn>1,000</mn></math></span> then' in out
    assert " a <math><mi>b</mi></math> c" in out  # no relation on either side: free to break
    two = "<p><math><mi>w</mi><mo>=</mo></math> <math><mi>v</mi></math> and <math><mi>L</mi></math> " + eq + "</p>"
    assert mathml.keep_relations_with_their_sides(two) == two  # split on purpose: a long formula wraps there
    code = "<math><mi>λ</mi><mo>=</mo></math> <code>weight_decay</code> and <math><mi>λ</mi></math> <code>lr</code>"
    assert mathml.keep_relations_with_their_sides(code) == (
        '<span class="nobr"><math><mi>λ</mi><mo rspace="0">=</mo></math>\u00a0<code>weight_decay</code></span>'
        " and <math><mi>λ</mi></math> <code>lr</code>"
    )
    assert f'<span class="nobr"><code>x</code>\u00a0<span class="nobr">{eq},</span></span> y' in out
    assert mathml.keep_numbers_with_math(html) == mathml.keep_relations_with_their_sides(
        mathml.keep_punctuation_with_math(mathml.bind_numbers_in_text(html))
    )


def test_a_number_in_text_keeps_its_per_cent_sign_and_its_relation():
    html = (
        "<p>only 36 % of the fits, and 50\n% of others; α = 0.42 and (&lt; 10⁻¹) or t ≈ −1.2</p>"
        "<table><tr><td>λ = 1.41</td></tr></table>"
    )
    out = mathml.keep_numbers_with_math(html)
    assert "only 36\u00a0% of" in out and "50\u00a0% of" in out
    assert "α\u00a0=\u00a00.42" in out and "(&lt;\u00a010⁻¹)" in out and "t\u00a0≈\u00a0−1.2" in out
    assert "<td>λ\u00a0=\u00a01.41</td>" in out


def test_binding_numbers_leaves_tags_code_and_other_spaces_alone():
    html = (
        '<p class="a = 1">a b 3 c</p><code>x = 1 and 5 %</code><pre>y = 2</pre>'
        "<script>if (a < 2) b = 3;</script><math><mo>=</mo> <mn>4</mn></math>"
    )
    assert mathml.keep_numbers_with_math(html) == html
