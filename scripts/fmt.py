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


def _power(k: int) -> str:
    return "10" + integer(k).translate(SUPERSCRIPT)


def below(x: float, floor: int) -> str:
    """A rounding-level value printed as the bound "< 10⁻ᵏ" (k = -floor), the same on every machine.

    Raises unless 0 <= |x| < 10**floor: a value above the bound must be printed, not hidden.
    """
    if not abs(x) < 10.0**floor:
        raise ValueError(f"{x!r} is not below the rounding bound 10^{floor}")
    return f"< {_power(floor)}"


def zero_or_bound(x: float, floor: int) -> str:
    """An exact zero as "0"; anything else as its ``power_bound`` (rounding-level differences)."""
    return "0" if x == 0 else power_bound(x, floor)


def num_or_below(x: float, floor: int, digits: int = 3) -> str:
    """A change that is rounding error is printed as "< 10⁻ᵏ", any larger one as a number."""
    return below(x, floor) if abs(x) < 10.0**floor else num(x, digits)


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
