"""What the build does to each hand-written Markdown page before MkDocs renders it.

Check every tagged number against the computed values (and run the census of untagged
numbers), check the errata text the page will show, expand the errata and changelog markers, and strip
the number tags.  Returns the new Markdown and the problems, each a line for the log.
"""

from __future__ import annotations

import re

from scripts import article_template, changelog, errata, prose

# Inline math that ends in a relation ("$\\lambda =$ 0.5", the way a tagged number follows its
# symbol): the space before the number becomes a no-break space, so a narrow screen never ends a
# line with "λ =" and starts the next with "0.5".
_RELATION_THEN_NUMBER = re.compile(
    r"((?<![$\\])\$(?!\$)[^$\n]*?(?:=|\\approx|\\leq?|\\geq?|<|>)\s*\$)(?!\$)[ \t]*\n?[ \t]*(?=[−-]?\d)"
)


def bind_numbers(markdown: str) -> str:
    """Join each "relation$ number" with a no-break space (see _RELATION_THEN_NUMBER)."""
    return _RELATION_THEN_NUMBER.sub("\\1\u00a0", markdown)


def process(markdown: str, where: str, numbers: dict[str, str]) -> tuple[str, list[str]]:
    problems = [f"{where}: {problem}" for problem in prose.check(markdown, numbers)]
    try:
        problems += [f"{where}: errata text: {p.message}" for p in prose.check(errata.prose(markdown), numbers)]
        problems += [
            f"{where}: verdict list: {p.message}" for p in prose.check(article_template.prose(markdown), numbers)
        ]
        markdown = article_template.expand(markdown, where)  # before errata: its lists are not errata tables
        markdown = errata.expand(markdown, where)
        markdown = changelog.expand(markdown, where)  # ChangelogError is an ErrataError
    except errata.ErrataError as exc:
        problems.append(f"{where}: {exc}")
    return bind_numbers(prose.strip(markdown)), problems
