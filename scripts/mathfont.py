"""The math assets a built site ships: Latin Modern Math cut to the characters used, Temml's CSS.

Run once after the build, with the characters every page's MathML uses.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_SRC = ROOT / "assets" / "fonts" / "latinmodern-math.woff2"
FONT_DEST = "assets/fonts/latinmodern-math.woff2"
TEMML_FONT_DEST = "assets/fonts/Temml.woff2"
TEMML = ROOT / "node_modules" / "temml" / "dist"


class MathFontError(RuntimeError):
    """The math assets could not be made (the message says what to update)."""


def math_italic(char: str) -> str | None:
    """The Mathematical Italic twin of a Latin or Greek letter (what the browser draws for <mi>x</mi>)."""
    code = ord(char)
    if char == "h":
        return "\u210e"  # the italic h lives in Letterlike Symbols
    if 0x61 <= code <= 0x7A:
        return chr(0x1D44E + code - 0x61)
    if 0x41 <= code <= 0x5A:
        return chr(0x1D434 + code - 0x41)
    if 0x3B1 <= code <= 0x3C9:
        return chr(0x1D6FC + code - 0x3B1)
    if 0x391 <= code <= 0x3A9:
        return chr(0x1D6E2 + code - 0x391)
    return None


def glyphs(chars: set[str]) -> str:
    """Every character the subset must keep: those used, their italic twins, ASCII and the radical."""
    # Single letters in <mi> are drawn from the Mathematical Italic block: keep the italic twin
    # of every letter the math uses, not the whole block.
    italic = {math_italic(c) for c in chars} - {None}
    # <msqrt>/<mroot> draw U+221A, which appears in no text node.
    basic = {chr(c) for c in range(0x20, 0x7F)} | {"\u221a"}
    return "".join(sorted(chars | italic | basic))


def temml_css(css: str) -> str:
    """Temml's stylesheet with its font URLs pointing where the site ships the fonts."""
    css = css.replace("url('./latinmodernmath.woff2')", "url('../fonts/latinmodern-math.woff2')")
    css = css.replace("url('Temml.woff2')", "url('../fonts/Temml.woff2')")
    if "../fonts/latinmodern-math.woff2" not in css:
        raise MathFontError("Temml's stylesheet changed: update the font path rewrite in scripts/mathfont.py")
    return css


def _subset(src: Path, dest: Path, text: str) -> None:
    """Write ``src`` cut to the glyphs of ``text`` as woff2 at ``dest``."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.drop_tables += ["FFTM"]  # FontForge timestamps: not needed to render
    # CFF hints and subroutines: 70 -> 61 KiB for the site's characters (issue 17); browsers
    # draw math at screen sizes without the hints, and woff2 compresses flat charstrings better.
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(str(src), options)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        dest.parent.mkdir(parents=True, exist_ok=True)
        subset.save_font(font, str(dest), options)
    finally:
        font.close()


def ship(site_dir: Path, chars: set[str]) -> int:
    """Write the font subsets and Temml's stylesheet under ``site_dir``; returns the math subset's bytes."""
    dest = site_dir / FONT_DEST
    _subset(FONT_SRC, dest, glyphs(chars))
    # Temml's own font draws a few characters Latin Modern lacks (primes, script letters):
    # only those the pages use, 9.2 KiB -> under 1 KiB (issue 17).
    _subset(TEMML / "Temml.woff2", site_dir / TEMML_FONT_DEST, "".join(sorted(chars)))
    css = temml_css((TEMML / "Temml-Latin-Modern.css").read_text(encoding="utf-8"))
    (site_dir / "assets" / "stylesheets" / "temml.css").write_text(css, encoding="utf-8")
    return dest.stat().st_size
