"""What the site search indexes: readable text, not TeX, code cells or prompts; labs ranked below pages.

Two steps, pure functions over strings so the build hook only wires them:

1. :func:`mark_page` (``on_page_content``, after the math is MathML) marks what the search plugin
   must skip with ``data-search-exclude="true"``: every TeX annotation of the MathML (the reader's
   text is the visible formula), display math (a formula flattened to one line is noise), and on
   labs and code pages every code listing, prompt ("In [4]:") and copy button ("Copied!").  Material's search
   plugin skips marked elements and then removes the attribute from the page.
2. :func:`clean_index` (``on_post_build``, after the plugin wrote ``search/search_index.json``)
   ranks labs and the glossary below the pages that teach a topic (a document ``boost``) and adds
   a ``keywords`` field spelling out Greek letters (``λ`` -> ``lambda``), so both spellings find λ.

Why marking elements rather than editing the index: the index holds text with the markup gone, so
the TeX source can no longer be told from the prose there.
"""

from __future__ import annotations

import json
import re
import unicodedata

EXCLUDE = ' data-search-exclude="true"'

# Material's search parser ends an exclusion at the first closing tag of the same name, so only
# elements that hold no element of their own tag name are marked (a code cell's <div> holds divs).
_ANNOTATION = re.compile(r"<annotation(?=[\s>])")
_DISPLAY_MATH = re.compile(r'<(div|span) class="math-display[^"]*"')
# Code that shows TeX source (the conventions page's table of macros): the TeX is not for searching.
_TEX_CODE = re.compile(r"<code(?=[\s>])(?=[^>]*>(?:(?!</code>).)*?\\[A-Za-z])", re.S)
_LAB_PARTS = re.compile(
    r"<pre(?=[\s>])"  # code listings and text outputs
    r'|<div class="jp-(?:Input|Output)Prompt[^"]*"'  # "In [4]:", "Out [4]:"
    r"|<clipboard-copy(?=[\s>])"  # the copy button and its "Copied!" notice
    r'|<div class="clipboard-copy-txt"'  # the hidden copy of a cell's source
    r'|<p(?=><a class="md-button"[^>]*\sdownload[\s>])'  # the download button, the same on every lab
)

# Documents ranked below the pages that explain a topic: labs repeat the pages' topics with code,
# and the glossary names every topic in one line. Lunr multiplies a document's score by its boost.
BOOSTS = {"labs/": 0.25, "code/": 0.25, "glossary/": 0.2}
# Pages that are mostly code (labs; the site's code pages under code/, where they exist): their
# listings are not indexed, their headings and prose are.
_CODE_PAGES = re.compile(r"labs/.*\.ipynb$|code/")
KEYWORDS_FIELD = "keywords"

_GREEK = re.compile(r"[\u0370-\u03ff]")


def _mark(match: re.Match) -> str:
    return match.group(0) + EXCLUDE


def is_code_page(src_uri: str) -> bool:
    """Whether a page (by its source path under docs/) is mostly code: a lab or a code page."""
    return _CODE_PAGES.match(src_uri) is not None


def mark_page(html: str, *, lab: bool) -> str:
    """The page's HTML with what the search must not index marked for exclusion.

    ``lab``: the page is mostly code (:func:`is_code_page`): its listings, prompts and copy
    buttons are marked too."""
    html = _ANNOTATION.sub(_mark, html)
    html = _DISPLAY_MATH.sub(_mark, html)
    html = _TEX_CODE.sub(_mark, html)
    if lab:
        html = _LAB_PARTS.sub(_mark, html)
    return html


def _greek_name(letter: str) -> str | None:
    name = unicodedata.name(letter, "")  # "GREEK SMALL LETTER LAMDA"
    word = name.rsplit(" ", 1)[-1].lower().replace("lamda", "lambda")
    return word if name.startswith("GREEK") and word.isalpha() else None


def greek_keywords(text: str) -> list[str]:
    """Words that spell the Greek in ``text``, in order of first appearance, each once.

    A letter gives its name ("λ" -> lambda) and a word written with it gives its Latin parts too
    ("λmax" -> lambda, max), so "lambda max" finds λmax.
    """
    words: list[str] = []
    text = re.sub(r"<[^>]*>", " ", text)  # index text keeps a few tags (<p>, <code>, ...)
    for token in re.findall(r"\S*[\u0370-\u03ff]\S*", text):
        spelled = _GREEK.sub(lambda m: f" {_greek_name(m.group(0)) or ''} ", token)
        for word in re.findall(r"[A-Za-z]{2,}", spelled):
            if word.lower() not in words:
                words.append(word.lower())
    return words


class SearchIndexError(ValueError):
    pass


def clean_index(raw: str) -> str:
    """The search index (JSON text) with boosts for labs and the glossary and Greek-letter keywords."""
    try:
        index = json.loads(raw)
        docs, fields = index["docs"], index["config"]["fields"]
    except (ValueError, KeyError, TypeError) as exc:
        raise SearchIndexError(f"search/search_index.json is not Material's search index: {exc}") from exc
    fields.setdefault(KEYWORDS_FIELD, {"boost": 1.0})
    for doc in docs:
        for prefix, boost in BOOSTS.items():
            if doc["location"].startswith(prefix):
                doc["boost"] = boost
        names = greek_keywords(doc.get("title", "") + " " + doc.get("text", ""))
        if names:
            doc[KEYWORDS_FIELD] = " ".join(names)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


# TeX that must never reach the index: a control word, or a braced superscript or subscript.
TEX = re.compile(r"\\[A-Za-z]+|[\^_]\{")


def tex_in(raw: str) -> list[str]:
    """Each TeX fragment in the titles and texts of a search index (JSON text), with its location."""
    found = []
    for doc in json.loads(raw)["docs"]:
        for field in ("title", "text"):
            text = doc.get(field, "")
            found += [f"{doc['location']}: {text[max(0, m.start() - 20) : m.end() + 20]}" for m in TEX.finditer(text)]
    return found
