"""How well search answers the judged questions (search/evaluation/judged_questions.json):
success@5 (a right answer in the top five) and nDCG@10, per engine, over the demo content.

    .venv/bin/python bench/search_quality.py                                   # SQLite
    DATABASE_URL=postgres://... .venv/bin/python bench/search_quality.py       # PostgreSQL
    ELASTICSEARCH_URL=http://127.0.0.1:9250 .venv/bin/python bench/search_quality.py  # and ES

Builds the demo portal in a fresh database (an SQLite file in a temporary folder unless
DATABASE_URL names one), indexes it into every configured engine, asks every question through
each engine and prints a Markdown table for bench/README.md, with the questions each missed.
"""

import io
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='quality-')}/portal.sqlite3"
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from search import engines
    from search.evaluation import ndcg_at, questions, success_at
    from search.query import SearchQuery
    from search.service import searched

    if settings.ELASTICSEARCH_URL:
        settings.ELASTICSEARCH_INDEX_PREFIX = "portal_quality_"
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())
    judged = questions()
    print(f"{len(judged)} judged questions; database: {connection.vendor}\n")
    print("| engine | success@5 | nDCG@10 |")
    print("|---|---:|---:|")
    missed = {}
    for engine in engines.all_configured():
        successes, gains, misses = [], [], []
        for question in judged:
            titles = [
                hit.title for hit in searched(engine, SearchQuery(text=question.question)).hits
            ]
            successes.append(success_at(titles, question))
            gains.append(ndcg_at(titles, question))
            if not successes[-1]:
                misses.append(f"{question.question!r} -> {titles[:5]}")
        label = engine.name if engine.name != "database" else f"database ({connection.vendor})"
        print(f"| {label} | {statistics.mean(successes):.1%} | {statistics.mean(gains):.3f} |")
        missed[label] = misses
    for label, misses in missed.items():
        for miss in misses:
            print(f"\n{label} missed: {miss}", end="")
    print()


if __name__ == "__main__":
    main()
