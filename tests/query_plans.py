"""Reading SQLite's query plan, for tests that a query walks an index instead of reading a
whole table (skip them on other databases)."""

from django.db import connection


def sqlite_plan(sql: str, *, analyse: bool = False) -> str:
    """SQLite's plan for ``sql``, its steps joined in one line. ``analyse`` first refreshes the
    planner's statistics, as the search index's maintenance does after a rebuild."""
    with connection.cursor() as cursor:
        if analyse:
            cursor.execute("ANALYZE")
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return " ".join(str(row[-1]) for row in cursor.fetchall())
