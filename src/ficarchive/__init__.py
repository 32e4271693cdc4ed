"""ficarchive: a self-hostable fanfiction archive."""

__version__ = "0.1.0"
