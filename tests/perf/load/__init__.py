"""The load benchmark: gunicorn with production settings on PostgreSQL, loaded by wrk (`make bench`)."""
