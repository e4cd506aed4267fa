"""The theme overrides in overrides/ are Material's own templates with one small, stated change each.

If Material is upgraded and its template changes, these tests fail: re-copy the template, re-apply
the change (or drop the override if the theme fixed the problem), and re-run the browser suite.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from scripts.pipeline import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"


def _body(template: str) -> str:
    """A template without its leading {#- ... -#} comment."""
    return template.split("-#}\n", 1)[1] if template.startswith("{#-") else template


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_search_dialog_override_only_names_the_dialog():
    theme = _body(_read(THEME / "partials" / "search.html"))
    ours = _body(_read(OVERRIDES / "partials" / "search.html"))
    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    assert theme.count(dialog + ">") == 1
    assert ours == theme.replace(dialog + ">", dialog + " aria-label=\"{{ lang.t('search') }}\">")


def test_nav_item_override_only_drops_empty_tabindex():
    theme = _body(_read(THEME / "partials" / "nav-item.html"))
    ours = _body(_read(OVERRIDES / "partials" / "nav-item.html"))
    attribute = 'tabindex="{{ tabindex }}"'
    assert theme.count(attribute) == 2
    assert ours == theme.replace(attribute, "{% if tabindex %}" + attribute + "{% endif %}")


def test_palette_override_only_unmounts_the_bundles_palette_component():
    theme = _body(_read(THEME / "partials" / "palette.html"))
    ours = _body(_read(OVERRIDES / "partials" / "palette.html"))
    form = '<form class="md-header__option" data-md-component="palette">'
    assert theme.count(form) == 1
    assert ours == theme.replace(form, '<form class="md-header__option">')
    # the theme's inline script, which ours replaces, still only re-applies a stored palette
    script = _body(_read(THEME / "partials" / "javascripts" / "palette.html"))
    assert script.count("<script>") == 1 and '__md_get("__palette")' in script and "addEventListener" not in script


# Pages with math are first painted once the math font is there (at most 3 s: extra.css hides the
# page while html has this class).
FONT_WAIT = (
    "<script>(() => { const root = document.documentElement, show = () => root.classList.remove("
    '"math-font-wait"); root.classList.add("math-font-wait"); Promise.race([document.fonts.load('
    "'1em \"Latin Modern Math\"'), new Promise((done) => setTimeout(done, 3000))]).then(show, show); })()</script>"
)


def _block(template: str, name: str) -> str:
    start = template.index(f"{{% block {name} %}}")
    return template[start : template.index("{% endblock %}", start)].rstrip() + "\n    {% endblock %}"


def test_main_override_only_escapes_meta_values_defers_the_bundle_and_adds_the_search_gate_js_class_and_font():
    base = _read(THEME / "base.html")
    meta = _block(base, "site_meta")
    for value in ("page.meta.description", "config.site_description", "page.meta.author", "config.site_author"):
        assert meta.count(f'content="{{{{ {value} }}}}"') == 1
        meta = meta.replace(f'content="{{{{ {value} }}}}"', f'content="{{{{ {value} | e }}}}"')
    scripts = _block(base, "scripts")
    bundle = re.search(r'<script src="\{\{ \'assets/javascripts/bundle\.[0-9a-f]+\.min\.js\' \| url \}\}"', scripts)
    assert bundle and scripts.count("<script ") == 1
    # Before the bundle: the search index held back until search is used (issue 17).
    gate = '      {% include "partials/search-on-demand.html" %}\n'
    scripts = scripts.replace(bundle.group(0), gate.lstrip() + "      " + bundle.group(0))
    # The bundle deferred: the first paint does not wait for it (issue 17).
    scripts = scripts.replace(bundle.group(0) + "></script>", bundle.group(0) + " defer></script>")
    assert " defer></script>" in scripts
    assert "{% block extrahead %}{% endblock %}" in base  # the theme leaves it empty
    preload = (
        '<link rel="preload" href="{{ \'assets/fonts/latinmodern-math.woff2\' | url }}" '
        'as="font" type="font/woff2" crossorigin>'
    )
    extrahead = (
        "{% block extrahead %}\n"
        '      <script>document.documentElement.classList.replace("no-js", "js")</script>\n'
        '      <link rel="stylesheet" href="{{ \'assets/stylesheets/print.css\' | url }}" media="print">\n'
        '      {% if page and page.content and "<math" in page.content %}\n'
        f"        {preload}\n"
        f"        {FONT_WAIT}\n"
        "      {% endif %}\n"
        "    {% endblock %}"
    )
    ours = _body(_read(OVERRIDES / "main.html"))
    assert ours.strip() == '{% extends "base.html" %}\n\n' + meta + "\n\n" + extrahead + "\n\n" + scripts
