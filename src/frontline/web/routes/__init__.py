"""The console's pages, one module per area; each parses, calls one use case, renders."""
