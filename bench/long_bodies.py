"""Search over publications whose PDFs are long: the demo content, each publication document
given --characters of PDF-like text (the portal keeps up to 2 million per PDF, portal/pdf.py).

The corpus of `search_speed.py` has bodies of a few kilobytes; a real research report's text
is hundreds of thousands of characters, with the odd dash and curly quote. This times the
rebuild that indexes them and, in process, searches whose hits are those publications, through
the search page with production settings (static files collected, no page cache). Prints a
Markdown table for bench/README.md.

    .venv/bin/python bench/long_bodies.py [--characters 2000000] [--rounds 5]
        [--elasticsearch http://127.0.0.1:9250]   # `make es` starts a node
"""

import argparse
import io
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from load_and_faults import environment, manage
from search_speed import percentile

SEARCHES = [
    {"q": "safety", "kind": "publication"},
    {"q": "report"},
    {"q": "forum councillor"},
    {"q": "xylophone"},  # nothing found: the cost of reading no hit
]
WORDS = [
    *("safety", "forum", "ward", "councillor", "police", "station", "crime", "prevention"),
    *("community", "patrol", "report", "findings", "municipality", "victims", "survey"),
    *("respondents", "table", "figure", "percent"),
]


def pdf_like_text(characters: int, seed: int = 2026) -> str:
    """Words, with a dash or curly quotes about every 2,000 characters, as PDF text has."""
    rng = random.Random(seed)  # noqa: S311 (benchmark data, not security)
    parts, length = [], 0
    while length < characters:
        word = rng.choice(WORDS)
        if rng.random() < 0.003:
            word = rng.choice(["\u2013", "\u2018quoted\u2019", "\u201cterm\u201d", "caf\u00e9"])
        parts.append(word)
        length += len(word) + 1
    return " ".join(parts)[:characters]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--characters", type=int, default=2_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--elasticsearch", default="", metavar="URL", help="search through it")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="portal-long-"))
    # Production settings, as the pages benchmark runs them (collected static files included).
    env = environment(folder, f"sqlite:///{folder}/long.sqlite3", args.elasticsearch)
    env["PAGE_CACHE_DIR"] = str(folder / "pages")
    env["ELASTICSEARCH_INDEX_PREFIX"] = "long_bodies_"
    manage(env, "collectstatic", "--no-input")
    os.environ.update(env)

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from knowledge.models import PublicationDocument
    from portal.models import PortalDocument

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())
    documents = PortalDocument.objects.filter(pk__in=PublicationDocument.objects.values("document"))
    count = documents.update(extracted_text=pdf_like_text(args.characters))
    started = time.perf_counter()
    call_command("rebuild_search_index", stdout=io.StringIO())
    rebuild = time.perf_counter() - started

    client = Client(HTTP_HOST="localhost")
    client.cookies["messages"] = "rendered"  # as search_load.py: never from the page cache
    engine = "Elasticsearch" if args.elasticsearch else "the database engine"
    print(f"{count} publication documents of {args.characters:,} characters each; {engine}")
    print(f"Rebuild of the index: {rebuild:.1f} s\n")
    print("| search | hits | median ms | p95 ms |")
    print("|---|---:|---:|---:|")
    for params in SEARCHES:
        answer = client.get("/search/", {**params, "format": "json"})
        if answer.status_code != 200:
            raise RuntimeError(f"/search/ {params}: HTTP {answer.status_code}")
        total = answer.json()["total"]
        samples = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            client.get("/search/", params)
            samples.append((time.perf_counter() - started) * 1000)
        label = " ".join(f"{key}={value}" for key, value in params.items())
        print(
            f"| `{label}` | {total} | {statistics.median(samples):.1f} "
            f"| {percentile(samples, 0.95):.1f} |"
        )


if __name__ == "__main__":
    main()
