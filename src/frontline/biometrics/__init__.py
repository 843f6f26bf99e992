"""Biometrics: faces (embeddings and a vector index of the gallery) and DNA STR profiles."""
