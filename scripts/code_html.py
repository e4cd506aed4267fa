"""Highlighted code the browser may skip until it comes near the screen.

A lab's code cells are nine tenths of its DOM and a code page's listing most of its page: the browser
need not style or lay them out before anyone scrolls to them (CSS ``content-visibility``, extra.css
``.code-lines``), provided it knows the size each will have, so that nothing moves when it is drawn.
``sized`` wraps highlighted code in a span carrying its number of lines and its longest line.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")


def sized(code: str) -> str:
    """``code`` (highlighted HTML) in ``<span class="code-lines" style="--lines:N;--cols:M">``."""
    lines = html.unescape(_TAG.sub("", code)).removesuffix("\n").split("\n")
    return f'<span class="code-lines" style="--lines:{len(lines)};--cols:{max(map(len, lines))}">{code}</span>'
