"""Search over publications whose PDFs are long: the demo content, each publication document
given --characters of PDF-like text (the portal keeps up to 2 million per PDF, portal/pdf.py).

The corpus of `search_speed.py` has bodies of a few kilobytes; a real research report's text
is hundreds of thousands of characters, with the odd dash and curly quote. This times the
rebuild that indexes them and, in process on the database engine, searches whose hits are
those publications. Prints a Markdown table for bench/README.md.

    .venv/bin/python bench/long_bodies.py [--characters 2000000] [--rounds 5]
"""

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search_speed import percentile  # noqa: E402

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
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="portal-long-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/long.sqlite3"
    os.environ.pop("ELASTICSEARCH_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"

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

    client = Client()
    print(f"{count} publication documents of {args.characters:,} characters each")
    print(f"Rebuild of the index: {rebuild:.1f} s\n")
    print("| search | hits | median ms | p95 ms |")
    print("|---|---:|---:|---:|")
    for params in SEARCHES:
        total = client.get("/search/", {**params, "format": "json"}).json()["total"]
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
