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

Code `x = 3` and math $\\lambda = 1$, $w^{10}_{12}$ and $$w = 2$$ and \\(a = 4\\).

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


# Numbers inside math (the math census).


def test_a_computed_looking_number_in_math_must_be_tagged():
    """The old census skipped math altogether: these passed unseen."""
    for text in ["math $\\lambda = 0.1$ here", "$$\nn = 442\n$$", "a \\(x = 2.5\\)", "$10^{-3}\\lambda$"]:
        [message] = messages(text)
        assert message.startswith("untagged number") and "in math" in message, text


def test_notation_in_math_is_exempt():
    text = (
        "$w^2$, $\\ell_1$, $\\tfrac12 \\norm{w}_2^2$, $\\frac{1}{2n}$, $x_{10}$, $X^{-1}$, $2\\lambda w$, "
        "$1 - \\eta\\lambda$, $\\lambda = 0$, $(-1, 1)$, $e^{12}$ and\n$$\n\\sum_{i=1}^{n} w_i^{2}\n$$"
    )
    assert messages(text) == []


def test_a_tag_after_the_math_ties_its_number():
    assert messages("at $\\lambda = 0.53$<!--n:p.mse--> the") == []
    assert messages("$$\nw = 0.53 - 1.2\n$$<!--n:p.neg--><!--n:p.mse-->") == []  # any order, sign is TeX's
    assert messages("$k = 8$<!--n:p.count-->") == []  # a single digit may be tied too
    tagged = "at $\\lambda = 0.53$<!--n:p.mse-->."
    assert prose.strip(tagged) == "at $\\lambda = 0.53$."


def test_a_tag_after_math_checks_its_value():
    [message] = messages("at $\\lambda = 0.54$<!--n:p.mse-->")
    assert "p.mse is '0.53' but the math says" in message
    assert messages("$x = 1$<!--n:p.nope-->") == ["unknown number key 'p.nope'"]
    # One tag ties one number: the second 0.53 is still untagged.
    [message] = messages("$0.53 + 0.53$<!--n:p.mse-->")
    assert message.startswith("untagged number '0.53'")


def test_a_power_of_ten_is_tied_by_its_value():
    numbers = {"p.low": "0.001", "p.high": "10000", "p.tiny": "2.5 × 10⁻⁵", "p.odd": "0.0011"}
    assert prose.check("$10^{-3}$<!--n:p.low--> to $10^4$<!--n:p.high-->", numbers) == []
    assert prose.check("$2.5 \\times 10^{-5}$<!--n:p.tiny-->", numbers) != []  # 2.5 is a second number
    assert prose.check("$10^{-3}$<!--n:p.odd-->", numbers) != []


def test_a_value_that_is_no_number_cannot_tie_math():
    [problem] = prose.check("$w = (1, 0)$<!--n:p.w-->", {"p.w": "(1, 0)"})
    assert "not a number" in problem.message


def test_math_marked_not_computed_is_exempt_and_the_marker_is_removed():
    text = "the article's $0.001, 0.01$<!--not-computed--> grid"
    assert messages(text) == []
    assert prose.strip(text) == "the article's $0.001, 0.01$ grid"
    code = "`$1.5$<!--not-computed-->`"
    assert prose.strip(code) == code  # code is left alone


def test_the_marker_must_follow_math():
    [message] = messages("a number 0.53<!--n:p.mse--> <!--not-computed-->")
    assert "must follow math" in message
    assert messages("$0.5$ <!--not-computed-->") != []  # a space is not right after


def test_quoted_article_words_mark_their_math():
    quote = prose.quoted("λ could be $0.001, 0.01$, or $0.53$<!--n:p.mse-->")
    assert quote == "λ could be $0.001, 0.01$<!--not-computed-->, or $0.53$<!--n:p.mse-->"
    assert messages(quote) == []
