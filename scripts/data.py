"""Real data sets that ship inside installed libraries (nothing is downloaded), as numpy arrays.

Each loader returns fresh arrays on every call, so a page that modifies its copy cannot
change what another page sees; there is no cache and no other module-level state.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Dataset(NamedTuple):
    X: np.ndarray  # features, shape (n, p), float
    y: np.ndarray  # target, shape (n,), float
    feature_names: tuple[str, ...]  # one short name per column of X


def diabetes() -> Dataset:
    """The diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004), "Least Angle Regression".

    442 patients, 10 baseline variables in their original units (scikit-learn's
    ``load_diabetes(scaled=False)``, shipped with the library):

    ======  ===============================================
    age     age in years
    sex     coded 1 or 2
    bmi     body mass index
    bp      average blood pressure
    s1      tc, total serum cholesterol
    s2      ldl, low-density lipoproteins
    s3      hdl, high-density lipoproteins
    s4      tch, total cholesterol / HDL
    s5      ltg, (possibly the log of) serum triglycerides
    s6      glu, blood sugar level
    ======  ===============================================

    ``y`` is a quantitative measure of disease progression one year after baseline
    (from 25 to 346).  The columns are *not* standardised; use ``solvers.standardize``.
    """
    from sklearn.datasets import load_diabetes  # imported here: most pages never need it

    bunch = load_diabetes(scaled=False)
    return Dataset(
        X=np.array(bunch.data, dtype=float),
        y=np.array(bunch.target, dtype=float),
        feature_names=tuple(str(name) for name in bunch.feature_names),
    )
