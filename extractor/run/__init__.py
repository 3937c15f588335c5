"""Running many documents: worker processes, a Dask cluster, time limits."""
