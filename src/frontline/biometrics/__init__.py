"""Biometrics: faces (embeddings and a vector index) and DNA STR profiles."""
