"""scripts/page_markdown.py: the checks and expansions every hand-written page goes through."""

from __future__ import annotations

from scripts import page_markdown


def test_tags_are_checked_and_stripped():
    out, problems = page_markdown.process("The norm is 8<!--n:conventions.l1-->.", "x.md", {"conventions.l1": "8"})
    assert out == "The norm is 8." and problems == []


def test_a_drifted_number_and_an_untagged_one_are_reported_with_the_page():
    out, problems = page_markdown.process("Is 9<!--n:conventions.l1--> and 3.", "x.md", {"conventions.l1": "8"})
    assert out == "Is 9 and 3."
    assert problems == [
        "x.md: line 1: conventions.l1 is '8' but the text says ...'Is 9'",
        "x.md: line 1: untagged number '3' in ...-n:conventions.l1--> and 3....",
    ]


def test_an_unknown_errata_marker_is_a_problem_not_a_crash():
    _, problems = page_markdown.process("<!-- errata: no-such-article -->", "x.md", {})
    assert len(problems) == 1 and problems[0].startswith("x.md: ") and "no-such-article" in problems[0]


def test_a_number_after_a_relation_is_bound_to_it_with_a_no_break_space():
    from scripts.page_markdown import bind_numbers

    text = "ridge with $\\lambda =$\n0.5 and $n =$ 50, $a \\approx$ −2, $b\\le$ 3"
    assert (
        bind_numbers(text) == "ridge with $\\lambda =$\u00a00.5 and $n =$\u00a050, $a \\approx$\u00a0−2, $b\\le$\u00a03"
    )
    # Not after math without a relation, nor after display math, nor before words.
    for unchanged in ("$w$ 3 times", "$$x =$$ 3", "$\\lambda =$ the knob", "$\\left(x\\right)$ 2"):
        assert bind_numbers(unchanged) == unchanged


def test_process_binds_the_numbers_of_a_page():
    markdown, problems = page_markdown.process("Here $n =$ 50<!--n:p.n--> rows.", "p.md", {"p.n": "50"})
    assert problems == []
    assert "$n =$\u00a050 rows" in markdown
