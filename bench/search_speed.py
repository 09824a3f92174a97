"""Search speed on the database engine, through the portal's real views.

Builds a portal of about --documents public documents in a fresh database (see corpus.py), runs
``rebuild_search_index`` twice (into an empty index, then over a full one), and times searches
and title suggestions as a single client, in process (no network, no web server). Prints a
Markdown table for bench/README.md.

    .venv/bin/python bench/search_speed.py                  # SQLite file in a temporary folder
    .venv/bin/python bench/search_speed.py --postgres       # a fresh database on 127.0.0.1:5432
                                                            # (bash .ci/postgres starts one)
    .venv/bin/python bench/search_speed.py --documents 5000 --rounds 3

Building 50,000 documents takes minutes; --keep builds into a named database, indexes it once
and stops, and --reuse times it later (so two databases can be built side by side and timed one
at a time). A kept database is what `search_load.py` and `pages.py --reuse` expect.
"""

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The server and role `.ci/postgres` installs and starts; POSTGRES_SERVER names another.
POSTGRES_SERVER = os.environ.get("POSTGRES_SERVER", "postgres://portal_ci:portal_ci@127.0.0.1:5432")
POSTGRES_DATABASE = "portal_bench"

# What readers type: single words, several words, a phrase, a place name, a typo, filters on
# their own and with words, a later page, date order, and a search that finds nothing.
SEARCHES = [
    {"q": "patrol"},
    {"q": "rural patrols"},
    {"q": "stock theft"},
    {"q": '"street lighting"'},
    {"q": "Mthatha"},
    {"q": "mthatha school learners"},
    {"q": "gender-based violence"},
    {"q": "neighbourhood watch volunteers"},
    {"q": "CCTV cameras Soweto"},
    {"q": "taxi rank"},
    {"q": "restorative justice diversion"},
    {"q": "community safety"},
    {"q": "evaluation", "kind": "publication"},
    {"q": "patrol", "province": "eastern-cape"},
    {"q": "hotspots", "sort": "date"},
    {"q": "burglary", "page": "3"},
    {"q": "shebeen trading hours", "setting": "urban"},
    {"q": "trust legitimacy", "year": "2021"},
    {"q": "polokwane hijacking"},
    {"q": "ways to fight stock theft"},  # nothing has two of its three terms: asked again
    {"q": "measures against farm murders"},
    {"q": "patrl"},
    {"q": "xylophone"},
    {"q": ""},
    {"kind": "practice", "category": "patrol"},
    {"partnership": "CSPS-2020-00042"},
]
SUGGESTIONS = [
    "pa",
    "pat",
    "patr",
    "patrol",
    "mth",
    "mthatha",
    "st",
    "stock th",
    "cctv",
    "gender",
    "rest",
    "youth ga",
    "zz",
    # A register reference being typed: suggested from the register, before titles.
    "csps-2",
    "CSPS-2020-004",
    "CSPS-2031-",  # no such year: the whole register is read to find nothing
]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the queries")
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL, not SQLite")
    parser.add_argument(
        "--keep",
        metavar="DATABASE_URL",
        help="build and index into this (empty) database, then stop without timing",
    )
    parser.add_argument(
        "--reuse",
        metavar="DATABASE_URL",
        help="time an existing benchmark database instead of building one",
    )
    return parser.parse_args()


def fresh_database(use_postgres: bool) -> str:
    if not use_postgres:
        folder = tempfile.mkdtemp(prefix="portal-bench-")
        return f"sqlite:///{folder}/bench.sqlite3"
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE}")
        connection.execute(f"CREATE DATABASE {POSTGRES_DATABASE}")
    return f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed_requests(client, path: str, params_list: list[dict], rounds: int) -> list[float]:
    for params in params_list:  # warm-up: caches, prepared statements, imports
        response = client.get(path, params)
        if response.status_code != 200:
            raise RuntimeError(f"{path} {params}: HTTP {response.status_code}")
    samples = []
    for _ in range(rounds):
        for params in params_list:
            started = time.perf_counter()
            client.get(path, params)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def row(label: str, samples: list[float]) -> str:
    return (
        f"| {label} | {len(samples)} | {statistics.median(samples):.1f} | "
        f"{percentile(samples, 0.95):.1f} | {max(samples):.1f} |"
    )


def main() -> None:
    args = arguments()
    database_url = args.reuse or args.keep or fresh_database(args.postgres)
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("ELASTICSEARCH_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"

    import django

    django.setup()
    import corpus
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from search.models import IndexedDocument

    call_command("migrate", verbosity=0)
    if not args.reuse:
        call_command("load_demo_content", stdout=io.StringIO())
        started = time.perf_counter()
        plan = corpus.build(args.documents)
        print(f"Built {plan} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.keep:
        # The load benches serve a kept database as it is: index it, or they would search
        # only the demo content.
        call_command("rebuild_search_index", stdout=io.StringIO())
        print(f"Indexed {IndexedDocument.objects.count()} documents", file=sys.stderr)
        return

    rebuilds = []
    for label in ("into an empty index", "over a full index"):
        if label == "into an empty index":
            IndexedDocument.objects.all().delete()
        started = time.perf_counter()
        call_command("rebuild_search_index", stdout=io.StringIO())
        seconds = time.perf_counter() - started
        count = IndexedDocument.objects.count()
        rebuilds.append(f"| Rebuild {label} | {count} | {seconds:.1f} s | {count / seconds:.0f} |")

    if connection.vendor == "postgresql":
        # What autovacuum does some time after a bulk load: the visibility map lets the facet
        # rows be read from their index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    client = Client()
    search_samples = timed_requests(client, "/search/", SEARCHES, args.rounds)
    suggest_samples = timed_requests(
        client, "/search/suggest/", [{"q": text} for text in SUGGESTIONS], args.rounds
    )
    totals = [
        client.get("/search/", {**params, "format": "json"}).json()["total"] for params in SEARCHES
    ]

    version = (
        connection.Database.sqlite_version
        if connection.vendor == "sqlite"
        else connection.pg_version
    )
    print(f"Database: {connection.vendor} {version}")
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"Indexed documents: {IndexedDocument.objects.count()}")
    print(f"Matches per search: {totals}\n")
    print("| Rebuild | Documents | Time | Documents/s |")
    print("|---|---:|---:|---:|")
    print("\n".join(rebuilds))
    print("\n| Request | Samples | Median ms | p95 ms | Max ms |")
    print("|---|---:|---:|---:|---:|")
    print(row(f"`/search/` ({len(SEARCHES)} queries)", search_samples))
    print(row(f"`/search/suggest/` ({len(SUGGESTIONS)} prefixes)", suggest_samples))


if __name__ == "__main__":
    main()
