"""Pure domain records and enums: documents, persons, objects, checks, hits, users.

Nothing here does I/O or reads a clock; times are passed in.
"""
