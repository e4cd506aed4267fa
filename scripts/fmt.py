"""How numbers are printed on the site: one function per kind, so text and tests agree."""

from __future__ import annotations

import math


def num(x: float, digits: int = 3) -> str:
    """``digits`` significant figures, plain notation, no trailing zeros, true minus sign."""
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"cannot print {x!r}")
    if x == 0:
        return "0"
    decimals = max(digits - 1 - math.floor(math.log10(abs(x))), 0)
    text = f"{round(x, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "−")


def fixed(x: float, decimals: int) -> str:
    """Exactly ``decimals`` decimals (for columns that must line up), true minus sign."""
    text = f"{float(x):.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")


SUPERSCRIPT = str.maketrans("-−0123456789", "⁻⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(x: float, digits: int = 3, space: str = " ") -> str:
    """Like :func:`num`, but very large or very small values as ``1.23 × 10⁻⁵``.

    ``space`` goes around the ×: a no-break space keeps the number on one line.
    """
    x = float(x)
    if x == 0 or 1e-3 <= abs(x) < 1e5:
        return num(x, digits)
    exponent = math.floor(math.log10(abs(x)))
    mantissa = x / 10**exponent
    if abs(round(mantissa, digits - 1)) >= 10:  # 9.996 rounds to 10: carry into the exponent
        exponent += 1
        mantissa /= 10
    return f"{num(mantissa, digits)}{space}×{space}10{integer(exponent).translate(SUPERSCRIPT)}"


def power_bound(x: float, floor: int) -> str:
    """The smallest power of ten at or above ``x``, never below ``10**floor``, printed as ``10⁻ᵏ``.

    For agreement checks ("the two solvers agree to within 10⁻⁸"): digits of rounding
    noise vary between machines, so a floor well above them keeps the text reproducible.
    """
    if not x >= 0:
        raise ValueError(f"a bound needs a non-negative value, got {x!r}")
    k = max(math.ceil(math.log10(max(x, 10.0**floor))), floor)
    return "10" + str(k).translate(SUPERSCRIPT)


def integer(n: int) -> str:
    if int(n) != n:
        raise ValueError(f"{n!r} is not an integer")
    return str(int(n)).replace("-", "−")


def percent(fraction: float, decimals: int = 0) -> str:
    return f"{fixed(100 * fraction, decimals)} %"


def table(header: list[str], rows: list[list[str]], align: str | None = None) -> str:
    """A Markdown table; ``align`` is one of l/c/r per column (default: first left, rest right)."""
    align = align or "l" + "r" * (len(header) - 1)
    rule = {"l": ":---", "c": ":---:", "r": "---:"}
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule[a] for a in align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
