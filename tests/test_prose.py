"""The number tags and the census of untagged numbers (scripts/prose.py)."""

from __future__ import annotations

from scripts import prose

NUMBERS = {"p.mse": "0.53", "p.neg": "−1.2", "p.count": "8"}


def messages(markdown: str) -> list[str]:
    return [p.message for p in prose.check(markdown, NUMBERS)]


def test_a_correct_tag_passes_and_is_stripped():
    text = "The error is 0.53<!--n:p.mse--> and the weight −1.2<!--n:p.neg-->."
    assert messages(text) == []
    assert prose.strip(text) == "The error is 0.53 and the weight −1.2."


def test_a_drifted_value_fails():
    [message] = messages("The error is 0.54<!--n:p.mse-->.")
    assert "p.mse is '0.53'" in message


def test_an_unknown_key_fails():
    assert messages("The error is 0.53<!--n:p.nope-->.") == ["unknown number key 'p.nope'"]


def test_untagged_numbers_fail_and_are_located():
    problems = prose.check("First line.\nA degree-8 fit has error 0.53.", NUMBERS)
    assert [p.line for p in problems] == [2, 2]
    assert [p.message.split("'")[1] for p in problems] == ["8", "0.53"]


def test_non_prose_is_not_counted():
    text = """---
description: 12 things
---
# Heading { #section-3 }

Code `x = 3` and math $\\lambda = 0.1$ and $$w = 2$$ and \\(a = 4\\).

```python
print(42)
```

A [link](page-2.md#part-5) and ![image](figures/a/b-1.svg){ width="300" }.
Names with digits: L1, L2, x2, w₁, ℓ1. Efron et al. 2004, Table 3.4, Section 2, pp. 267–288, vol. 58, no. 1.
<span data-x="5">html</span><!-- a comment with 7 -->[^1]
1. an ordered list
--8<-- "page/table-2.md"

[^1]: Footnote.
"""
    assert messages(text) == []


def test_tags_inside_code_are_left_alone():
    text = "Write `0.53<!--n:p.mse-->` to tag."
    assert prose.strip(text) == text


def test_a_value_must_sit_right_before_its_tag():
    assert messages("0.53 is the error<!--n:p.mse-->") != []
