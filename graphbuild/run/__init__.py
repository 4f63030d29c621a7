"""Running the pipeline over many files: extraction (one process, a pool or
Dask, with the cache and failure isolation) and whole builds."""
