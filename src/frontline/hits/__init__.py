"""The hit workflow: what happens after a hit (decisions that feed back into checks)."""
