"""The theme overrides in overrides/ are Material's own templates with one small, stated change each.

If Material is upgraded and its template changes, these tests fail: re-copy the template, re-apply
the change (or drop the override if the theme fixed the problem), and re-run the browser suite.
"""

from __future__ import annotations

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


def test_site_meta_override_only_escapes_description_and_author():
    base = _read(THEME / "base.html")
    start = base.index("{% block site_meta %}")
    block = base[start : base.index("{% endblock %}", start)]
    for value in ("page.meta.description", "config.site_description", "page.meta.author", "config.site_author"):
        assert block.count(f'content="{{{{ {value} }}}}"') == 1
        block = block.replace(f'content="{{{{ {value} }}}}"', f'content="{{{{ {value} | e }}}}"')
    ours = _body(_read(OVERRIDES / "main.html"))
    assert ours.strip() == '{% extends "base.html" %}\n\n' + block.rstrip() + "\n    {% endblock %}"
