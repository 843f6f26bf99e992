"""The HTTP API: an app factory and thin routers under /v1."""
