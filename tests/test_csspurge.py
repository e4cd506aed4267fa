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


def test_names_in_scripts_are_every_word_a_class_could_be():
    names = csspurge.names_in('el.classList.add("md-tooltip--active");h("li",{class:"md-search-result__item"})')
    assert {"md-tooltip--active", "md-search-result__item", "classList"} <= names


def test_the_theme_sheet_keeps_rules_pages_or_scripts_can_match(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    theme = ".md-a{x:1}.md-b{x:2}.md-added{x:3}.md-never{x:4}[data-md-color-scheme=slate]{x:5}"
    (sheets / "main.0123.min.css").write_text(theme)
    (sheets / "extra.css").write_text(".md-never{y:1}")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "index.html").write_text('<body data-md-color-scheme="slate"><div class="md-a">x</div>')
    (tmp_path / "404.html").write_text('<p class="md-b">x</p>')
    (tmp_path / "assets" / "app.js").write_text('e.className="md-added"')
    done = csspurge.purge_theme(tmp_path, ("assets/stylesheets/main.*.min.css",))
    assert done == [("assets/stylesheets/main.0123.min.css", len(theme), len(theme) - len(".md-never{x:4}"))]
    assert (sheets / "main.0123.min.css").read_text() == theme.replace(".md-never{x:4}", "")
    assert (sheets / "extra.css").read_text() == ".md-never{y:1}"  # only the theme's sheet


PALETTE = (
    "@media screen{[data-md-color-scheme=slate]{--fg:#eee}"
    "[data-md-color-scheme=slate][data-md-color-primary=pink]{--fg:pink}}"
    "@media screen{[data-md-color-primary=indigo]{--p:#4051b5}[data-md-color-primary=pink]{--p:#e92063}"
    "[data-md-color-accent=indigo]{--a:#526cfe}[data-md-color-accent=lime]{--a:#d4f000}"
    "[data-md-color-primary=white] .md-header{color:#000}[data-md-color-primary=indigo] .md-never{x:1}}"
)


def test_the_palette_sheet_keeps_the_colours_pages_set(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "palette.abcd.min.css").write_text(PALETTE)
    (tmp_path / "index.html").write_text(
        '<body data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">'
        '<header class="md-header"><input data-md-color-scheme="slate" data-md-color-primary="indigo"></header>'
    )
    [(name, before, after)] = csspurge.purge_theme(tmp_path)
    kept = (sheets / "palette.abcd.min.css").read_text()
    assert name == "assets/stylesheets/palette.abcd.min.css" and (before, after) == (len(PALETTE), len(kept))
    assert kept == (
        "@media screen{[data-md-color-scheme=slate]{--fg:#eee}}"
        "@media screen{[data-md-color-primary=indigo]{--p:#4051b5}[data-md-color-accent=indigo]{--a:#526cfe}}"
    )


def test_colours_a_page_sets():
    html = '<body data-md-color-scheme="slate" data-md-color-primary="indigo"><input data-md-color-media="(x)">'
    assert csspurge.colors_in(html) == {("scheme", "slate"), ("primary", "indigo"), ("media", "(x)")}
