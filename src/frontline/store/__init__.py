"""Storage: SQLAlchemy tables, Alembic migrations and repositories (SQLite and PostgreSQL)."""
