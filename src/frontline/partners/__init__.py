"""Partner (private-sector) screening: document numbers in, "no hit" or "refer" out."""
