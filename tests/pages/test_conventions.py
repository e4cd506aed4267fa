"""scripts/pages/conventions.py against independent formulas."""

from __future__ import annotations

import numpy as np
import pytest

from scripts.pages import conventions


@pytest.fixture(scope="module")
def result():
    return conventions.compute()


def test_norms_match_numpy(result):
    w = conventions.EXAMPLE
    assert result["l1"] == pytest.approx(np.linalg.norm(w, 1))
    assert result["l2"] == pytest.approx(np.linalg.norm(w, 2))
    assert result["linf"] == pytest.approx(np.linalg.norm(w, np.inf))
    assert result["l0"] == np.count_nonzero(w)
    assert result["l2_squared"] == pytest.approx(result["l2"] ** 2)


@pytest.mark.parametrize("p", conventions.BALL_PS)
def test_unit_ball_points_have_norm_one(result, p):
    ball = result["balls"][p]
    assert np.allclose([conventions.lp_norm(point, p) for point in ball], 1.0)


@pytest.mark.parametrize("p", [0.5, 1.0, 2.0])
def test_diagonal_crossing_is_two_to_minus_one_over_p(result, p):
    assert result["diagonal"][p] == pytest.approx(2 ** (-1 / p))


def test_printed_values(result):
    n = conventions.numbers(result)
    assert n["l2"] == "5.099" and n["diagonal.p2"] == "0.707" and n["w"] == "(3, −4, 0, 1)"
