"""geo: turn news articles about a war into a map of reported territorial changes."""

__version__ = "0.1.0"
