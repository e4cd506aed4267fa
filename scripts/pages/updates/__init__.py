"""Gradient-descent updates with L1 and L2: the article's update rules, completed and run.

Restates "Intuitions on L1 and L2 Regularisation" (Raimi Karim, Towards Data Science) in
the site's convention and runs every update it writes: traces of plain gradient descent,
ridge, the lasso by fixed-step subgradient descent, by the proximal step and by coordinate
descent, on one feature and on ten features of which seven are irrelevant.  Also: what
the article's step size eta = 1 hides, the "doubling" of lambda under L2, the article's
example of small coefficients, and train versus test error as p approaches n.

``experiments`` computes (update rules, experiments, analysis), ``text`` formats the quoted
numbers and tables, ``figures`` draws.
"""

from .experiments import (
    article_gd,
    article_gradient,
    article_loss,
    article_ridge,
    compute,
    data_gradient,
    expected_test_error,
    min_norm_subgradient,
    site_objective,
    step_none,
    step_proximal,
    step_ridge,
    step_subgradient,
)
from .figures import figures
from .text import INTERNAL_NUMBERS, numbers, tables, tiny

__all__ = [
    "INTERNAL_NUMBERS",
    "article_gd",
    "article_gradient",
    "article_loss",
    "article_ridge",
    "compute",
    "data_gradient",
    "expected_test_error",
    "figures",
    "min_norm_subgradient",
    "numbers",
    "site_objective",
    "step_none",
    "step_proximal",
    "step_ridge",
    "step_subgradient",
    "tables",
    "tiny",
]
