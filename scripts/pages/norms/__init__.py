"""The norms page: recomputes "Visualizing regularization and the L1 and L2 norms".

One small seeded data set (nine points, so that a degree-8 polynomial can pass through all
of them), three fits like the article's, their norms in several bases, the penalties and
their slopes, and ridge and lasso fitted to standardised degree-8 monomial features with
the shared solvers of ``scripts/solvers.py``.

``experiments`` computes everything, ``text`` formats numbers and tables, ``figures`` draws.
"""

from .experiments import (
    DEGREE,
    DESCENT_STEPS,
    EXERCISE_LAM,
    EXERCISE_W,
    N_TEST,
    SHOWN,
    TRUTH,
    X_MAX,
    N,
    compute,
    in_units,
    lasso_leavers,
    ridge_nonmonotone,
    ridge_sign_changes,
    standardised_weights,
    vander,
)
from .figures import figures
from .text import INTERNAL_NUMBERS, feature_name, numbers, sci, tables

__all__ = [
    "DEGREE",
    "DESCENT_STEPS",
    "EXERCISE_LAM",
    "EXERCISE_W",
    "INTERNAL_NUMBERS",
    "N_TEST",
    "SHOWN",
    "TRUTH",
    "X_MAX",
    "N",
    "compute",
    "feature_name",
    "figures",
    "in_units",
    "lasso_leavers",
    "numbers",
    "ridge_nonmonotone",
    "ridge_sign_changes",
    "sci",
    "standardised_weights",
    "tables",
    "vander",
]
