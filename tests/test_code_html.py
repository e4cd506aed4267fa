"""scripts/code_html.py: the size highlighted code announces before the browser draws it."""

from __future__ import annotations

import re

from scripts import code_html


def test_lines_and_longest_line_are_counted_as_the_reader_sees_them():
    code = '<span class="k">if</span> a <span class="o">&lt;=</span> b:\n    print(<span class="s">"λ"</span>)\n'
    sized = code_html.sized(code)
    # "    print("λ")" is 14 characters: entities and tags do not count, the trailing newline ends a line
    assert sized.startswith('<span class="code-lines" style="--lines:2;--cols:14">')
    assert re.sub(r"<[^>]+>", "", sized) == re.sub(r"<[^>]+>", "", code)
