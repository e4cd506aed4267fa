"""Constraint geometry, regularization paths and choosing lambda.

Recomputes and corrects "L2 and L1 Regularization in Machine Learning": the budget picture
drawn from real loss contours, the penalised and constrained forms with their computed
lambda <-> t map, how often each penalty gives exact zeros, ridge and lasso paths on the
diabetes data of Efron et al. (2004), cross-validation with the one-standard-error rule, and
what a value of lambda means under other conventions.  Every fit uses ``scripts/solvers.py``.

``experiments`` computes everything, ``text`` prints numbers and tables, ``figures`` draws.
"""

from .experiments import (
    ARTICLE_LAMBDAS,
    CONFIGS,
    CV_FRACTIONS,
    CV_RIDGE,
    FOLDS,
    MAP_CONFIG,
    N_TEST,
    PATH_FINE_STEPS,
    PATH_FRACTIONS,
    PG_STEPS,
    RIDGE_LAMBDAS,
    SEED,
    ZERO_RHO_MAX,
    compute,
    conversions,
    entry_groups,
    multiplier,
    quadratic_features,
    two_feature_geometry,
    two_feature_problem,
    zero_rates,
)
from .figures import figures
from .text import INTERNAL_NUMBERS, numbers, sci, tables, vector

__all__ = [
    "ARTICLE_LAMBDAS",
    "CONFIGS",
    "CV_FRACTIONS",
    "CV_RIDGE",
    "FOLDS",
    "INTERNAL_NUMBERS",
    "MAP_CONFIG",
    "N_TEST",
    "PATH_FINE_STEPS",
    "PATH_FRACTIONS",
    "PG_STEPS",
    "RIDGE_LAMBDAS",
    "SEED",
    "ZERO_RHO_MAX",
    "compute",
    "conversions",
    "entry_groups",
    "figures",
    "multiplier",
    "numbers",
    "quadratic_features",
    "sci",
    "tables",
    "two_feature_geometry",
    "two_feature_problem",
    "vector",
    "zero_rates",
]
