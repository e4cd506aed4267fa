"""Why small weights, unpenalised biases, and the symmetries of neural networks.

Restates and checks "Courage to learn ML: Demystifying L1 & L2 Regularization (part 1)".
``experiments`` computes (the model code and one function per experiment), ``text`` formats
the quoted numbers and tables, ``figures`` draws.
"""

from scripts.pages.networks.experiments import (
    ACTIVATIONS,
    POSITIVE_HOMOGENEOUS,
    compute,
    factored_weight_decay,
    flip_signs,
    forward,
    init,
    loss,
    min_product_penalty,
    permute,
    relu_gradient,
    rescale,
    train_adam,
    weight_penalty,
)
from scripts.pages.networks.figures import figures
from scripts.pages.networks.text import INTERNAL_NUMBERS, numbers, tables

__all__ = [
    "ACTIVATIONS",
    "INTERNAL_NUMBERS",
    "POSITIVE_HOMOGENEOUS",
    "compute",
    "factored_weight_decay",
    "figures",
    "flip_signs",
    "forward",
    "init",
    "loss",
    "min_product_penalty",
    "numbers",
    "permute",
    "relu_gradient",
    "rescale",
    "tables",
    "train_adam",
    "weight_penalty",
]
