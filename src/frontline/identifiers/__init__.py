"""Identifiers: ICAO 9303 MRZ, country codes, document numbers, VIN, IMO, hull numbers.

Pure functions only: no I/O, no clock (pass ``today`` in), no store, no web framework.
"""
