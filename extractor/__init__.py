"""extractor: persons with posts, organizations, locations, percentages and dates from Russian
press releases."""

import os

# The name this is installed under (pip, importlib.metadata): `extractor` on PyPI is another project.
DISTRIBUTION = "ru-press-extractor"

# One BLAS thread per process, set before numpy is first imported (natasha's models import it):
# batches run in worker processes, and threads inside each would only fight over the cores.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
