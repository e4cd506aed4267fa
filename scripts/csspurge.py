"""Drop the CSS rules of the notebook theme that no lab page can match.

The JupyterLab stylesheet that mkdocs-jupyter inlines is over 500 KB, written for the
whole JupyterLab application; a static lab page uses a few dozen of its classes.  A rule
is kept when every class its selector names occurs in the pages, or when it names none.
"""

from __future__ import annotations

import re

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
_VAR_DEF = re.compile(r"(--[\w-]+)\s*:")


def _blocks(css: str):
    """Yield (prelude, body) for each top-level block; body is None for statements like @charset."""
    i, n = 0, len(css)
    while i < n:
        brace = css.find("{", i)
        semi = css.find(";", i)
        if brace == -1:
            break
        if 0 <= semi < brace and css[i:semi].lstrip().startswith("@"):
            yield css[i : semi + 1].strip(), None
            i = semi + 1
            continue
        depth, j = 1, brace + 1
        while depth and j < n:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        yield css[i:brace].strip(), css[brace + 1 : j - 1]
        i = j


def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside parentheses, brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


# A palette attribute selector, [data-md-color-primary=indigo]: its name and value.
_COLOR = re.compile(r"""\[data-md-color-([a-z]+)=["']?([\w-]+)["']?\]""")
_COLOR_ATTRIBUTE = re.compile(r'data-md-color-([a-z]+)="([^"]*)"')


def _keep_selector(selector: str, classes: set[str], colors: set[tuple[str, str]] | None = None) -> bool:
    # Classes inside :not(), :is(), :where() or :has() need not be present for the rule to match.
    outside = selector
    while (stripped := re.sub(r"\([^()]*\)", "", outside)) != outside:
        outside = stripped
    if colors is not None and not all(pair in colors for pair in _COLOR.findall(outside)):
        return False
    return all(name in classes for name in _CLASS.findall(outside))


def purge(css: str, classes: set[str], colors: set[tuple[str, str]] | None = None) -> str:
    """Rules some selector of which can match: every class it names is in ``classes`` and, when
    ``colors`` is given, every [data-md-color-NAME=VALUE] it requires is a (NAME, VALUE) in it."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith(("@media", "@supports", "@layer")):
            inner = purge(body, classes, colors)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @font-face, @keyframes: keep whole
        else:
            selectors = [s for s in _split_top(prelude, ",") if _keep_selector(s, classes, colors)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def _declarations(body: str) -> list[str]:
    """Declarations of a rule body (data: URIs contain ';', so split outside parentheses)."""
    return [p.strip() for p in _split_top(body, ";") if p.strip()]


def variables_used(text: str) -> set[str]:
    """Custom properties referenced with var() anywhere in ``text`` (HTML with inline styles, CSS)."""
    return set(_VAR_USE.findall(text))


def drop_unused_variables(css: str, used_elsewhere: set[str] = frozenset()) -> str:
    """Remove custom-property declarations (--x: ...) that nothing uses, directly or through another.

    ``used_elsewhere``: properties the pages' other stylesheets and style attributes use.
    """
    rules = [(p, b) for p, b in _blocks(css)]

    def walk(items, visit):
        for prelude, body in items:
            if body is None:
                continue
            if prelude.startswith(("@media", "@supports", "@layer")):
                walk(list(_blocks(body)), visit)
            else:
                visit(body)

    definitions: dict[str, list[str]] = {}
    used: set[str] = set(used_elsewhere)

    def collect(body):
        for decl in _declarations(body):
            name, _, value = decl.partition(":")
            if name.strip().startswith("--"):
                definitions.setdefault(name.strip(), []).append(value)
            else:
                used.update(_VAR_USE.findall(value))

    walk(rules, collect)
    todo = list(used)
    while todo:
        for value in definitions.get(todo.pop(), []):
            for ref in _VAR_USE.findall(value):
                if ref not in used:
                    used.add(ref)
                    todo.append(ref)

    def rebuild(items) -> str:
        out = []
        for prelude, body in items:
            if body is None:
                out.append(prelude)
            elif prelude.startswith(("@media", "@supports", "@layer")):
                inner = rebuild(list(_blocks(body)))
                if inner:
                    out.append(f"{prelude}{{{inner}}}")
            elif prelude.startswith("@"):
                out.append(f"{prelude}{{{body}}}")
            else:
                kept = [d for d in _declarations(body) if not d.startswith("--") or d.partition(":")[0].strip() in used]
                if kept:
                    out.append(f"{prelude}{{{';'.join(kept)}}}")
        return "".join(out)

    return rebuild(rules)


def colors_in(html: str) -> set[tuple[str, str]]:
    """The palette attributes an HTML page sets (its body, the palette toggle's radios): the only
    values the palette script can give the body."""
    return set(_COLOR_ATTRIBUTE.findall(html))


def classes_in(html: str) -> set[str]:
    found: set[str] = set()
    for value in re.findall(r'class="([^"]*)"', html):
        found.update(value.split())
    return found


_NAME = re.compile(r"-?[_a-zA-Z][\w-]*")


def names_in(text: str) -> set[str]:
    """Every word that could be a class name in ``text`` (a script, a data file): a superset of
    the classes a script can add, since its class names are written out as strings."""
    return set(_NAME.findall(text))


THEME_SHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")


def purge_theme(site_dir, stylesheet_globs: tuple[str, ...] = THEME_SHEETS) -> list[tuple[str, int, int]]:
    """Purge the theme's stylesheets in a built site: keep a rule when every class it names appears
    in a page's class attribute or as a word in one of the site's scripts or data files (the
    classes scripts add at run time), and every palette colour it requires is one a page sets
    (the palette sheet styles all 21 primary and 16 accent colours; a site uses one or two).
    Returns (file, bytes before, bytes after)."""
    from pathlib import Path

    site = Path(site_dir)
    names: set[str] = set()
    colors: set[tuple[str, str]] = set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        names |= classes_in(html)
        colors |= colors_in(html)
    for pattern in ("**/*.js", "figures/**/*.json"):
        for script in site.glob(pattern):
            names |= names_in(script.read_text(encoding="utf-8"))
    done = []
    for sheet in sorted(path for pattern in stylesheet_globs for path in site.glob(pattern)):
        full = sheet.read_text(encoding="utf-8")
        kept = purge(full, names, colors)
        sheet.write_text(kept, encoding="utf-8")
        done.append((sheet.relative_to(site).as_posix(), len(full.encode()), len(kept.encode())))
    return done
