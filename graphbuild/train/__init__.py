"""Training the learned parts of the pipeline from ``corpus/`` (``graphbuild train``)."""
