"""scripts/csspurge.py: the notebook stylesheet keeps what lab pages can match, and stays valid CSS."""

from __future__ import annotations

import tinycss2

from scripts import csspurge

CSS = """@charset "UTF-8";
/* a comment */
.w{--used: 1px;--unused: 2px;--chain: var(--deep);--deep: red;--icon: url(data:image/svg+xml;base64,AAA=)}
.w .a{margin:var(--used)}
.w .b{color:var(--chain)}
.w .gone{color:blue}
.w :is(.a:hover,.gone){display:flex}
.w .a:not(.gone){padding:0}
@media (max-width: 10px){.w .gone{x:y}.w .a{z:w}}
@font-face{font-family:X;src:url(x.woff2)}
"""


def test_keeps_matching_rules_and_drops_the_rest():
    out = csspurge.purge(CSS, {"w", "a", "b"})
    assert ".w .a{margin:var(--used)}" in out
    assert ".w .gone{color:blue}" not in out
    assert ".w .a:not(.gone){padding:0}" in out  # a class inside :not() need not be present
    assert ".w :is(.a:hover,.gone){display:flex}" in out  # commas inside :is() do not split
    assert "@media (max-width: 10px){.w .a{z:w}}" in out
    assert "@font-face" in out and "comment" not in out


def test_unused_variables_go_used_ones_stay_through_chains():
    out = csspurge.drop_unused_variables(csspurge.purge(CSS, {"w", "a", "b"}))
    assert "--used: 1px" in out and "--chain: var(--deep)" in out and "--deep: red" in out
    assert "--unused" not in out and "--icon" not in out


def test_output_is_valid_css():
    out = csspurge.drop_unused_variables(csspurge.purge(CSS, {"w", "a", "b"}))
    rules = tinycss2.parse_stylesheet(out, skip_whitespace=True, skip_comments=True)
    assert [r for r in rules if r.type == "error"] == []


def test_classes_in_html():
    assert csspurge.classes_in('<div class="a b"><p class="c">') == {"a", "b", "c"}


def test_variables_used_by_other_stylesheets_are_kept():
    used = csspurge.variables_used("<style>.p{color:var(--unused)}</style>")
    assert "--unused: 2px" in csspurge.drop_unused_variables(CSS, used)
