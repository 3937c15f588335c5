"""The documented name of the Dask backend, which lives in `extractor.run.cluster`: importing
this module gives that module itself, so patches and pickles see one module."""

import sys

from extractor.run import cluster

sys.modules[__name__] = cluster
