"""The two baselines ``make bench`` measures next to the site, page by page (dev tool).

- **floor**: the same content with no theme: each page's ``<article>`` HTML (its MathML and figure
  markup as built), the math stylesheet and font, the notebook stylesheet on labs, a few lines of
  CSS. Everything else (figures, fonts, assets) is the site's own file, linked, not copied. Nothing
  loads that the content itself does not need: what the site costs above it is the theme layer.
- **stock**: the same Markdown built the usual way: stock Material (same features and palette, no
  overrides, no hooks), ``pymdownx.arithmatex`` with MathJax 3 served locally, Material's recipe.

Both are written to their own directories with the site's URL paths, so one path names the same
content in all three.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MATHJAX = Path(os.environ.get("MATHJAX_DIR", ROOT / "node_modules" / "mathjax" / "es5"))

# The floor's only styling: readable text, figures that fit, the dark twin hidden.
FLOOR_CSS = (
    "body{margin:0 auto;max-width:50rem;padding:0 1rem;font:1rem/1.6 system-ui,sans-serif}"
    "img{max-width:100%;height:auto}"
    'img[src$="#only-dark"],.headerlink{display:none}'
    "pre,table{display:block;overflow-x:auto}"
)
# Stylesheets that style the content itself (math, notebook cells), kept on the floor.
CONTENT_CSS = ("assets/stylesheets/temml.css", "assets/stylesheets/jupyter.css")

# Material's MathJax recipe (docs: Reference > Math > MathJax), with instant navigation.
MATHJAX_CONFIG = """window.MathJax = {
  tex: {
    inlineMath: [["\\\\(", "\\\\)"]], displayMath: [["\\\\[", "\\\\]"]],
    processEscapes: true, processEnvironments: true
  },
  options: {ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex"}
};
document$.subscribe(() => {
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise();
});
"""


class BaselineError(Exception):
    pass


_ARTICLE_OPEN = re.compile(r'<article class="md-content__inner md-typeset">')
_ARTICLE_TAG = re.compile(r"<(/?)article\b")
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)


def article(page_html: str) -> str:
    """The inner HTML of a Material page's main ``<article>`` (nested articles kept whole)."""
    start = _ARTICLE_OPEN.search(page_html)
    if not start:
        raise BaselineError('no <article class="md-content__inner md-typeset"> in the page')
    depth = 1
    for tag in _ARTICLE_TAG.finditer(page_html, start.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page_html[start.end() : tag.start()]
    raise BaselineError("the page's <article> is not closed")


def floor_page(page_html: str) -> str:
    """The content-only page for one built page of the site: same title, description and article,
    without its scripts (explorables, notebook widgets: the floor is what needs no code)."""
    title = _TITLE.search(page_html)
    description = _DESCRIPTION.search(page_html)
    sheets = [href for href in _STYLESHEET.findall(page_html) if href.endswith(CONTENT_CSS)]
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{title.group(1) if title else 'page'}</title>",
        *([f'<meta name="description" content="{description.group(1)}">'] if description else []),
        *(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in sheets),
        f"<style>{FLOOR_CSS}</style>",
    ]
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n'
        + "\n".join(head)
        + f"\n</head>\n<body>\n<main>\n{_SCRIPT.sub('', article(page_html))}\n</main>\n</body>\n</html>\n"
    )


def write_floor(site: Path, dest: Path, paths: list[str]) -> None:
    """The floor of ``paths`` in ``dest``: every other file of the site linked, each page rewritten."""
    if dest.exists():
        raise BaselineError(f"{dest} exists: the floor is written to a fresh directory")
    shutil.copytree(site, dest, copy_function=os.symlink)
    for path in paths:
        index = dest / path.strip("/") / "index.html"
        text = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        index.unlink()
        index.write_text(floor_page(text), encoding="utf-8")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags: ``!ENV [NAME, default]`` reads as its default, Python names as text."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def stock_config(project_yml: str) -> dict:
    """The project's mkdocs.yml, built the usual way: no hooks, overrides, project CSS or JS; MathJax."""
    config = yaml.load(project_yml, Loader=_Loader)  # a SafeLoader subclass
    for key in ("hooks", "watch", "validation", "extra_css", "strict"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["extra_javascript"] = ["javascripts/mathjax-config.js", "javascripts/mathjax/tex-mml-chtml.js"]
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "redirects" in p)]
    config["site_dir"] = "site-stock"
    return config


def build_stock(src: Path, env: dict) -> Path:
    """Build the stock baseline from the project sources in ``src`` (a scratch copy: its ``docs/``
    gains the figures and MathJax); returns the built site."""
    if not (MATHJAX / "tex-mml-chtml.js").is_file():
        raise BaselineError(f"MathJax 3 not found in {MATHJAX} (npm ci installs it; or set MATHJAX_DIR)")
    docs = src / "docs"
    shutil.copytree(src / "figures", docs / "figures", ignore=shutil.ignore_patterns("manifest.json", "numbers.json"))
    shutil.copytree(MATHJAX, docs / "javascripts" / "mathjax")
    (docs / "javascripts" / "mathjax-config.js").write_text(MATHJAX_CONFIG, encoding="utf-8")
    config = stock_config((src / "mkdocs.yml").read_text(encoding="utf-8"))
    (src / "mkdocs-stock.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs-stock.yml"],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
    )
    if run.returncode:
        raise BaselineError(f"stock build failed:\n{run.stdout[-2000:]}{run.stderr[-4000:]}")
    return src / config["site_dir"]
