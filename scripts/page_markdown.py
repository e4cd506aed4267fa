"""What the build does to each hand-written Markdown page before MkDocs renders it.

Check every tagged number against the computed values (and run the census of untagged
numbers), check the errata text the page will show, expand the errata and changelog markers, and strip
the number tags.  Returns the new Markdown and the problems, each a line for the log.
"""

from __future__ import annotations

from scripts import article_template, changelog, errata, prose


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
    return prose.strip(markdown), problems
