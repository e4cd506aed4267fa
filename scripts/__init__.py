"""All computation behind the site: one module per page under ``scripts.pages``.

Importing this package pins the floating-point paths numpy takes, before numpy is first imported,
so that figures and data are the committed bytes on any x86-64 machine with AVX2. Without it they
are not: OpenBLAS picks its kernels by CPU (AVX-512 kernels differ in the last bits, which an
iteration can amplify) and splits some sums by its thread count; numpy picks its SIMD loops by CPU.
``scripts.pipeline.numerics_problems`` checks that the pins took effect.
"""

import os
import sys

PINNED_NUMERICS = {
    "OPENBLAS_CORETYPE": "Haswell",
    "OPENBLAS_NUM_THREADS": "1",
    "NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR",
}
if "numpy" not in sys.modules:  # too late otherwise: pipeline reports it
    os.environ.update(PINNED_NUMERICS)
