"""graphbuild: Chinese labor-union news to a knowledge graph."""

__version__ = "0.1.0"
