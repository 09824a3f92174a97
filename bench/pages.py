"""Pages: throughput and latency of the public page types, uncached and from the page cache,
against the ceiling of the same HTML served as a static file by the same gunicorn + WhiteNoise.

Builds the demo portal in a fresh SQLite database (or reuses one: --reuse URL, for example the
50,000-document corpus that `search_speed.py --keep` leaves), serves it with gunicorn (2 sync
workers, production settings, DEBUG off) and drives it with wrk (Debian package `wrk`), three
interleaved rounds: for each page, at 1 and 8 connections,

- rendered: production settings with the page cache on, but each request carries a cookie that
  keeps it out of the page cache (as a reader with a message waiting), so every request renders
  the page; the site's structure (site, menu, footer, private sections) is cached per
  generation, as in production, and so is a partnership profile's body (everything but the
  page around it and its share links: knowledge/profile_body.py). This is the uncached figure
  compared with bakerydemo;
- cache off: PAGE_CACHE_SECONDS=0, which also turns off the site-structure cache and the kept
  profile bodies: everything read and rendered on every request;
- cached: the page cache serving anonymous readers;
- static: the same HTML as a static file (the ceiling).

Prints a table and writes JSON (--json PATH) with requests/s, p50/p99, SQL queries per page
(rendered), bytes, worker memory and each page's share of its static ceiling.

With --elasticsearch URL, the portal searches through that Elasticsearch node (production's
engine) instead of the database; with --reuse, rebuild the index into the node first
(`rebuild_search_index` with ELASTICSEARCH_URL set, as bench/README.md shows).

With --bakerydemo PATH, each page's equivalent in Wagtail's demo site is driven too, in the
same rounds (bakerydemo has no page cache, so it compares with the rendered portal). PATH is a
checkout a person prepared, with its own virtualenv in PATH/.venv holding gunicorn and
whitenoise, `manage.py migrate`, `load_initial_data` and `collectstatic` run under
`bakerydemo.settings.production` (bench/README.md gives the commands). The bench never copies
bakerydemo's code.

    .venv/bin/python bench/pages.py [--seconds 10] [--rounds 3] [--reuse URL] [--json PATH]
        [--bakerydemo PATH] [--elasticsearch URL]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from load_and_faults import (
    PYTHON,
    ROOT,
    environment,
    free_port,
    indexed_documents,
    manage,
    start_gunicorn,
    stop,
)

WRK = shutil.which("wrk") or "/usr/bin/wrk"

# Each portal page's equivalent in bakerydemo: its home, blog index (a listing with filters),
# breads index (a listing), a blog post for the detail pages, and its search.
BAKERYDEMO_PAGES = {
    "home": "/",
    "research library": "/blog/",
    "best practice": "/breads/",
    "partnership register": "/blog/",
    "publication": "blog post",
    "partnership profile": "blog post",
    "organisation": "blog post",
    "search": "/search/?q=bread",
}

QUERY_COUNTER = """
import os, sys, json
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
client.cookies["messages"] = "out of the page cache"
counts = {}
for name, path in json.loads(sys.argv[1]).items():
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[name] = len(queries)
print(json.dumps(counts))
"""


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse", help="a DATABASE_URL already migrated and filled")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--bakerydemo", type=Path, help="a prepared bakerydemo checkout")
    parser.add_argument("--elasticsearch", default="", help="search through this node's URL")
    return parser.parse_args()


def fetch(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as answer:  # nosec B310
        return answer.read()


def first_match(sitemap: str, pattern: str) -> str:
    for url in re.findall(r"<loc>(.*?)</loc>", sitemap):
        path = re.sub(r"^https?://[^/]+", "", url)
        if re.search(pattern, path):
            return path
    sys.exit(f"No page in the sitemap matches {pattern}")


def portal_pages(port: int) -> dict[str, str]:
    sitemap = fetch(port, "/sitemap.xml").decode()
    return {
        "home": "/",
        "research library": "/research/library/",
        "best practice": "/best-practice/",
        "partnership register": "/partnerships/",
        "publication": first_match(sitemap, r"^/research/library/[^/]+/$"),
        "partnership profile": first_match(sitemap, r"^/partnerships/[A-Z]+-\d{4}-\d+/$"),
        "organisation": first_match(sitemap, r"^/partnerships/organisations/\d+/$"),
        "search": "/search/?q=patrol",
        "search suggestions": "/search/suggest/?q=pat",  # no bakerydemo equivalent
    }


RENDERED = ["-H", "Cookie: messages=rendered"]  # any messages cookie bypasses the page cache


def run_wrk(port: int, path: str, connections: int, seconds: int, extra=()) -> str:
    """wrk's report of ``connections`` connections on ``path`` for ``seconds``."""
    finished = subprocess.run(  # noqa: S603  # nosec B603
        [
            WRK,
            f"-t{min(connections, 2)}",
            f"-c{connections}",
            f"-d{seconds}s",
            *extra,
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return finished.stdout


def wrk(port: int, path: str, connections: int, seconds: int, extra=()) -> dict:
    out = run_wrk(port, path, connections, seconds, ["--latency", *extra])

    def millis(label):
        match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": millis("50%"),
        "p90_ms": millis("90%"),  # wrk reports 50, 75, 90 and 99
        "p99_ms": millis("99%"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def worker_memory_mb(server: subprocess.Popen) -> float:
    """Resident memory of gunicorn's workers (children of the master), in MB, summed."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{server.pid}$", text, re.M):
            total += int(re.search(r"^VmRSS:\s+(\d+)", text, re.M).group(1))
    return round(total / 1024, 1)


def serve(env: dict, folder: Path, name: str, cache_seconds: int):
    port = free_port()
    variant = {**env, "PAGE_CACHE_SECONDS": str(cache_seconds)}
    variant["PAGE_CACHE_DIR"] = str(folder / f"page-cache-{name}")
    return port, start_gunicorn(variant, port, folder / f"gunicorn-{name}.log")


def serve_bakerydemo(checkout: Path, folder: Path):
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": "WARNING",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, as for the portal
        "SECURE_HSTS_SECONDS": "0",
        # Its own database, named by URL: bakerydemo then keeps connections (conn_max_age=500),
        # as the portal's production settings do.
        "DATABASE_URL": f"sqlite:///{checkout / 'bakerydemodb'}",
    }
    gunicorn = str(checkout / ".venv" / "bin" / "gunicorn")
    server = subprocess.Popen(  # noqa: S603  # nosec B603
        [gunicorn, "bakerydemo.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "30"],
        cwd=checkout,
        env=env,
        stdout=(folder / "gunicorn-bakerydemo.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        try:
            fetch(port, "/")
            return port, server
        except OSError:
            time.sleep(0.2)
    sys.exit(f"bakerydemo did not start; see {folder / 'gunicorn-bakerydemo.log'}")


def bakerydemo_pages(port: int) -> dict[str, str]:
    blog = fetch(port, "/blog/").decode()
    post = next(link for link in re.findall(r'href="(/blog/[^/"?#]+/)"', blog) if link != "/blog/")
    return {name: post if path == "blog post" else path for name, path in BAKERYDEMO_PAGES.items()}


def main() -> None:
    options = arguments()
    folder = Path(tempfile.mkdtemp(prefix="portal-pages-"))
    database_url = options.reuse or f"sqlite:///{folder / 'portal.sqlite3'}"
    env = environment(folder, database_url, options.elasticsearch)
    if not options.reuse:
        print(f"Building the demo portal in {folder} ...", flush=True)
        for step in (["migrate", "--no-input"], ["load_demo_content"], ["rebuild_search_index"]):
            manage(env, *step)
    manage(env, "collectstatic", "--no-input")
    # A reused database serves its index as it is (search_speed.py --keep indexes its corpus).
    documents = indexed_documents(env)
    print(f"The search engine holds {documents} documents.", flush=True)

    # The static ceiling: each page's HTML, collected as a static file before gunicorn starts
    # (WhiteNoise indexes its files at start-up).
    port, server = serve(env, folder, "probe", 0)
    try:
        pages = portal_pages(port)
        html = {name: fetch(port, path) for name, path in pages.items()}
    finally:
        stop(server)
    ceiling_dir = folder / "ceiling-source"
    ceiling_dir.mkdir()
    for index, body in enumerate(html.values()):
        (ceiling_dir / f"page{index}.html").write_bytes(body)
    shutil.copytree(ceiling_dir, folder / "static" / "ceiling")
    static_paths = {name: f"/static/ceiling/page{i}.html" for i, name in enumerate(pages)}

    counter_env = {**env, "PAGE_CACHE_SECONDS": "300", "PAGE_CACHE_DIR": str(folder / "pc-q")}
    counted = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "-c", QUERY_COUNTER, json.dumps(pages)],
        cwd=ROOT,
        env=counter_env,
        capture_output=True,
        text=True,
        check=True,
    )
    queries = json.loads(counted.stdout.strip().splitlines()[-1])

    servers = {
        "cache off": serve(env, folder, "cache-off", 0),
        "cached": serve(env, folder, "cached", 300),
    }
    # variant: (server, pages, extra wrk arguments)
    variants = {
        "rendered": ("cached", pages, RENDERED),
        "cache off": ("cache off", pages, ()),
        "cached": ("cached", pages, ()),
    }
    if options.bakerydemo:
        servers["bakerydemo"] = serve_bakerydemo(options.bakerydemo.resolve(), folder)
        variants["bakerydemo"] = ("bakerydemo", bakerydemo_pages(servers["bakerydemo"][0]), ())
        print(f"bakerydemo pages: {variants['bakerydemo'][1]}", flush=True)
    samples: dict = {}
    memory = {}
    try:
        for round_number in range(1, options.rounds + 1):
            print(f"Round {round_number} of {options.rounds} ...", flush=True)
            for name in pages:
                for variant, (server, paths, extra) in variants.items():
                    if name not in paths:
                        continue
                    for connections in (1, 8):
                        port = servers[server][0]
                        result = wrk(port, paths[name], connections, options.seconds, extra)
                        samples.setdefault((name, variant, connections), []).append(result)
                port = servers["cached"][0]
                for connections in (1, 8):
                    result = wrk(port, static_paths[name], connections, options.seconds)
                    samples.setdefault((name, "static", connections), []).append(result)
        memory = {name: worker_memory_mb(server) for name, (_, server) in servers.items()}
    finally:
        for _, server in servers.values():
            stop(server)

    def median(name, variant, connections, key):
        return statistics.median(s[key] for s in samples[(name, variant, connections)])

    rows = []
    for name in pages:
        row = {
            "page": name,
            "path": pages[name],
            "bytes": len(html[name]),
            "sql_queries": queries[name],
        }
        for variant in ("rendered", "cache off", "cached", "static"):
            for connections in (1, 8):
                for key in ("rps", "p50_ms", "p90_ms", "p99_ms", "non_2xx"):
                    label = variant.replace(" ", "_")
                    row[f"{label}_c{connections}_{key}"] = median(name, variant, connections, key)
        row["cached_share_of_static"] = round(row["cached_c8_rps"] / row["static_c8_rps"], 3)
        if options.bakerydemo and name in BAKERYDEMO_PAGES:
            row["bakerydemo_path"] = variants["bakerydemo"][1][name]
            for connections in (1, 8):
                for key in ("rps", "p50_ms", "p99_ms", "non_2xx"):
                    row[f"bakerydemo_c{connections}_{key}"] = median(
                        name, "bakerydemo", connections, key
                    )
            for variant in ("rendered", "cache_off"):
                row[f"{variant}_vs_bakerydemo"] = round(
                    row[f"{variant}_c8_rps"] / row["bakerydemo_c8_rps"], 2
                )
        rows.append(row)

    print(
        f"\n{'page':22} {'queries':>7} {'bytes':>7} {'rendered/s':>10} {'p90 ms':>7} {'p99 ms':>7} "
        f"{'off/s':>7} {'cached/s':>9} {'static/s':>9} {'cached:static':>13}"
    )
    for row in rows:
        print(
            f"{row['page']:22} {row['sql_queries']:7d} {row['bytes']:7d} "
            f"{row['rendered_c8_rps']:10.1f} {row['rendered_c8_p90_ms']:7.1f} "
            f"{row['rendered_c8_p99_ms']:7.1f} "
            f"{row['cache_off_c8_rps']:7.1f} {row['cached_c8_rps']:9.1f} "
            f"{row['static_c8_rps']:9.1f} "
            f"{row['cached_share_of_static']:13.2f}"
        )
    if options.bakerydemo:
        print(
            f"\n{'page':22} {'bakerydemo page':28} {'bakerydemo/s':>12} "
            f"{'rendered/s':>10} {'ratio':>6} {'off ratio':>9}"
        )
        for row in (row for row in rows if "bakerydemo_path" in row):
            print(
                f"{row['page']:22} {row['bakerydemo_path'][:28]:28} "
                f"{row['bakerydemo_c8_rps']:12.1f} {row['rendered_c8_rps']:10.1f} "
                f"{row['rendered_vs_bakerydemo']:6.2f} {row['cache_off_vs_bakerydemo']:9.2f}"
            )
    print(f"Worker memory after the run (MB, 2 workers): {memory}")
    print(f"Rates at 8 connections; medians of {options.rounds} rounds of {options.seconds} s.")
    if options.json:
        figures = {"documents": documents, "rows": rows, "memory_mb": memory}
        options.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
