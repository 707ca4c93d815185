"""newsfacts: statements, events and figures from news articles, with exact provenance."""

__version__ = "2.0.2"

from newsfacts.load import IntegrityError, PackageError, load  # noqa: E402

__all__ = ["__version__", "IntegrityError", "PackageError", "load"]
