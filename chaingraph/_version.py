"""The version of chaingraph (one place; the package, the CLI and the Neo4j driver's user agent read it)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
