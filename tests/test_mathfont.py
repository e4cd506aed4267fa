"""scripts/mathfont.py: which glyphs the math font subset keeps, and Temml's stylesheet rewrite."""

from __future__ import annotations

import pytest

from scripts import mathfont


def test_italic_twins_of_latin_and_greek_letters():
    assert mathfont.math_italic("w") == "\U0001d464"
    assert mathfont.math_italic("h") == "\u210e"  # not in the Mathematical Italic block
    assert mathfont.math_italic("λ") == "\U0001d706"
    assert mathfont.math_italic("Σ") == "\U0001d6f4"
    assert mathfont.math_italic("1") is None


def test_the_subset_keeps_used_characters_their_twins_ascii_and_the_radical():
    kept = set(mathfont.glyphs({"λ", "∑"}))
    assert {"λ", "∑", "\U0001d706", "√", "a", "~"} <= kept
    assert "\U0001d464" not in kept  # an unused letter's twin is left out


def test_temml_css_points_at_the_shipped_fonts_or_fails_clearly():
    css = "src: url('./latinmodernmath.woff2'); src: url('Temml.woff2')"
    assert mathfont.temml_css(css) == "src: url('../fonts/latinmodern-math.woff2'); src: url('../fonts/Temml.woff2')"
    with pytest.raises(mathfont.MathFontError, match="update the font path rewrite"):
        mathfont.temml_css("src: url('elsewhere.woff2')")


def test_the_shipped_subset_has_no_hints_or_subroutines(tmp_path):
    from fontTools.ttLib import TTFont

    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    mathfont.ship(tmp_path, {"λ", "∑", "‖"})
    with TTFont(tmp_path / mathfont.FONT_DEST) as font:
        cff = font["CFF "].cff
        top = cff.topDictIndex[0]
        assert not hasattr(top.Private, "Subrs") and len(cff.GlobalSubrs) == 0
        assert "MATH" in font  # the math layout table survives (stretchy delimiters, sizes)
        hints = {"hstem", "vstem", "hstemhm", "vstemhm", "hintmask", "cntrmask", "callsubr", "callgsubr"}
        for name in font.getGlyphOrder():
            charstring = top.CharStrings[name]
            charstring.decompile()
            assert not hints & {op for op in charstring.program if isinstance(op, str)}, name


def test_temml_font_keeps_only_the_characters_used(tmp_path):
    from fontTools.ttLib import TTFont

    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    mathfont.ship(tmp_path, {"λ", "\u2032"})  # the prime is drawn from Temml's font
    with TTFont(mathfont.TEMML / "Temml.woff2") as full, TTFont(tmp_path / mathfont.TEMML_FONT_DEST) as cut:
        kept = set(cut.getBestCmap())
        assert ord("\u2032") in kept and ord("\u2032") in full.getBestCmap()
        assert kept <= {ord("λ"), ord("\u2032")}
        assert len(cut.getGlyphOrder()) < len(full.getGlyphOrder())
