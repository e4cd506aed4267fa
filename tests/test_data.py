"""scripts/data.py: the shipped data sets, checked against their documented properties."""

from __future__ import annotations

import numpy as np
from sklearn.datasets import load_diabetes

from scripts import data


def test_diabetes_shape_names_and_target_range():
    d = data.diabetes()
    assert d.X.shape == (442, 10) and d.y.shape == (442,)
    assert d.X.dtype == float and d.y.dtype == float
    assert d.feature_names == ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
    assert d.y.min() == 25 and d.y.max() == 346
    assert set(np.unique(d.X[:, 1])) == {1.0, 2.0}  # sex is coded 1/2 in the original units


def test_diabetes_is_in_original_units_consistent_with_the_scaled_version():
    d = data.diabetes()
    assert d.X[:, 0].min() >= 19 and d.X[:, 0].max() <= 79  # age in years
    scaled = load_diabetes().data  # scikit-learn's default: centred, columns of unit sum of squares
    centred = d.X - d.X.mean(axis=0)
    assert np.allclose(centred / np.sqrt((centred**2).sum(axis=0)), scaled, atol=1e-12)


def test_each_call_returns_independent_arrays():
    first = data.diabetes()
    first.X[:] = 0.0
    first.y[:] = 0.0
    second = data.diabetes()
    assert second.X.any() and second.y.any()
    assert not np.shares_memory(first.X, second.X)
