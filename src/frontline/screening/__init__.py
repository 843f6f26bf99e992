"""Screening: the check use cases, the only place that combines engines, scope and audit."""
