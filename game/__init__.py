"""Front Porch: a community-policing training game."""

import os

__version__ = "0.1.0"

# One BLAS thread, set before numpy loads its BLAS (which reads these once). The game's arrays
# are small and called between Python work: a threaded BLAS waits milliseconds for its threads
# to wake per call (6 ms for the neighborhood's weighted trust at 20,000 residents, against
# microseconds on one thread), and splitting a sum across threads makes results depend on the
# machine's core count. A caller that sets these itself keeps its own choice.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
