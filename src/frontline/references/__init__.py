"""Genuine-document references for second-line inspection: specimens and counterfeit
alerts, loaded by bureaus, consulted by every document check."""
