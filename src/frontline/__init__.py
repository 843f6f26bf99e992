"""Frontline: border screening against stolen documents, objects and notices."""

__version__ = "0.1.0"
