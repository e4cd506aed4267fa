from __future__ import annotations

import pytest

from scripts import fmt


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (0.70710678, 3, "0.707"),
        (5.0990195, 4, "5.099"),
        (26.0, 3, "26"),
        (-1.26, 2, "−1.3"),
        (1234.6, 3, "1235"),
        (0.000123456, 3, "0.000123"),
        (0.0, 3, "0"),
        (-0.0004, 1, "−0.0004"),
    ],
)
def test_num(value, digits, text):
    assert fmt.num(value, digits) == text


def test_fixed_never_prints_negative_zero():
    assert fmt.fixed(-0.0001, 2) == "0.00"
    assert fmt.fixed(-0.5, 2) == "−0.50"


def test_num_refuses_nan():
    with pytest.raises(ValueError):
        fmt.num(float("nan"))


def test_table_alignment():
    assert fmt.table(["a", "b"], [["x", "1"]]).splitlines()[1] == "| :--- | ---: |"


def test_power_bound_rounds_up_and_has_a_floor():
    assert fmt.power_bound(3e-7, -12) == "10⁻⁶"
    assert fmt.power_bound(1e-6, -12) == "10⁻⁶"
    assert fmt.power_bound(4e-15, -12) == fmt.power_bound(0.0, -12) == "10⁻¹²"
    with pytest.raises(ValueError):
        fmt.power_bound(float("nan"), -12)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.53e-5, "3.53 × 10⁻⁵"),
        (-2.55e-16, "−2.55 × 10⁻¹⁶"),
        (9.996e-5, "1 × 10⁻⁴"),
        (1.99e5, "1.99 × 10⁵"),
        (0.5, "0.5"),
    ],
)
def test_sci(value, text):
    assert fmt.sci(value) == text


def test_sci_can_keep_the_number_on_one_line():
    assert fmt.sci(3.53e-5, space="\u00a0") == "3.53\u00a0×\u00a010⁻⁵"


def test_rounding_level_printers():
    assert fmt.below(3e-21, -20) == "< 10⁻²⁰"
    assert fmt.below(-3e-13, -12) == "< 10⁻¹²"
    with pytest.raises(ValueError, match="not below"):
        fmt.below(2e-20, -20)
    assert fmt.zero_or_bound(0.0, -12) == "0"
    assert fmt.zero_or_bound(3e-15, -12) == "10⁻¹²"
    assert fmt.zero_or_bound(3e-9, -12) == "10⁻⁸"
    assert fmt.num_or_below(2e-13, -12) == "< 10⁻¹²"
    assert fmt.num_or_below(-0.012345, -12) == "−0.0123"
