"""extractor: persons with posts, organizations, locations, percentages and dates from Russian
press releases.

    import extractor
    record = extractor.extract("Губернатор Тульской области Дмитрий Миляев ...")
    records = list(extractor.extract_many(paths_or_texts, jobs=2))
    tables = extractor.frames(records)          # pandas DataFrames (the pandas extra)
    text = extractor.read("release.html")       # the text the offsets refer to
"""

import os

# The name this is installed under (pip, importlib.metadata): `extractor` on PyPI is another project.
DISTRIBUTION = "ru-press-extractor"

# One BLAS thread per process, set before numpy is first imported (natasha's models import it):
# batches run in worker processes, and threads inside each would only fight over the cores.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

__all__ = ["DISTRIBUTION", "extract", "extract_many", "read", "frames"]
_API = {"extract", "extract_many", "read", "frames"}


def __getattr__(name: str) -> object:
    """The API loads on first use (``extractor.api``), so that importing the package for the
    command, or for its version, stays light."""
    if name in _API:
        from extractor import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
