"""What the build does to each hand-written Markdown page before MkDocs renders it.

Check every tagged number against the computed values (and run the census of untagged
numbers), check the errata text the page will show, expand the errata markers, and strip
the number tags.  Returns the new Markdown and the problems, each a line for the log.
"""

from __future__ import annotations

from scripts import errata, prose


def process(markdown: str, where: str, numbers: dict[str, str]) -> tuple[str, list[str]]:
    problems = [f"{where}: {problem}" for problem in prose.check(markdown, numbers)]
    try:
        problems += [f"{where}: errata text: {p.message}" for p in prose.check(errata.prose(markdown), numbers)]
        markdown = errata.expand(markdown, where)
    except errata.ErrataError as exc:
        problems.append(f"{where}: {exc}")
    return prose.strip(markdown), problems
