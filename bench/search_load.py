"""Search under load: the searches and suggestions that `search_speed.py` times in process, sent
through gunicorn (2 sync workers, production settings, DEBUG off) by wrk at 1 and 8 connections.

The search targets (p95 < 150 ms, suggestions < 50 ms) are over that mix of what readers type
(`search_speed.SEARCHES`: broad words, phrases, filters, a typo, a later page, nothing found).
wrk's Lua script sends the mix's URLs in turn and reports p50, p95 and p99. Every request carries
a `messages` cookie, so none is answered from the page cache: each search runs. The broadest word
on its own is `pages.py`'s `search` row.

    .venv/bin/python bench/search_load.py --reuse sqlite:////tmp/bench50k.sqlite3 [--seconds 20]
        [--rounds 3] [--elasticsearch URL] [--json PATH]

With --elasticsearch URL the portal searches through that node; rebuild the index into it
first (bench/README.md shows how). The bench says how many documents the engine holds, and
stops if it holds fewer than MINIMUM_DOCUMENTS: the mix was set for the 50,000-document corpus,
and over the demo content alone its figures would mean nothing.
"""

import argparse
import json
import re
import statistics
import sys
import tempfile
import urllib.parse
from pathlib import Path

from load_and_faults import (
    environment,
    free_port,
    indexed_documents,
    manage,
    start_gunicorn,
    stop,
)
from pages import run_wrk
from search_speed import SEARCHES, SUGGESTIONS

MINIMUM_DOCUMENTS = 1000

# Sends the paths in turn (each wrk thread keeps its own place) and prints the latency
# percentiles wrk's summary lacks.
SCRIPT = """
local paths = {%(paths)s}
local counter = 0
request = function()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  return wrk.format("GET", path, {["Cookie"] = "messages=rendered"})
end
done = function(summary, latency, requests)
  io.write(string.format("PERCENTILES %%d %%d %%d %%d %%d %%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.requests, summary.errors.status))
end
"""


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", required=True, metavar="DATABASE_URL")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--elasticsearch", default="", metavar="URL")
    parser.add_argument("--json", type=Path)
    return parser.parse_args()


def mixes() -> dict[str, list[str]]:
    return {
        "search": [f"/search/?{urllib.parse.urlencode(params)}" for params in SEARCHES],
        "suggestions": [
            f"/search/suggest/?{urllib.parse.urlencode({'q': text})}" for text in SUGGESTIONS
        ],
    }


def drive(port: int, paths: list[str], connections: int, seconds: int, folder: Path) -> dict:
    script = folder / "mix.lua"
    script.write_text(SCRIPT % {"paths": ", ".join(json.dumps(path) for path in paths)})
    out = run_wrk(port, "/", connections, seconds, ["-s", str(script)])
    p50, p95, p99, worst, requests, non_2xx = map(
        int, re.search(r"PERCENTILES ([\d ]+)", out).group(1).split()
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {
        "rps": rate,
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "p99_ms": p99 / 1000,
        "max_ms": worst / 1000,
        "requests": requests,
        "non_2xx": non_2xx,
    }


def main() -> None:
    options = arguments()
    folder = Path(tempfile.mkdtemp(prefix="portal-search-load-"))
    env = {
        **environment(folder, options.reuse, options.elasticsearch),
        "PAGE_CACHE_SECONDS": "300",
        "PAGE_CACHE_DIR": str(folder / "page-cache"),
    }
    documents = indexed_documents(env)
    print(f"The search engine holds {documents} documents.", flush=True)
    if documents < MINIMUM_DOCUMENTS:
        sys.exit(
            f"Fewer than {MINIMUM_DOCUMENTS} documents: index the corpus first "
            "(manage.py rebuild_search_index, or build it with search_speed.py --keep)."
        )
    manage(env, "collectstatic", "--no-input")
    port = free_port()
    server = start_gunicorn(env, port, folder / "gunicorn.log")
    samples: dict = {}
    try:
        for paths in mixes().values():
            drive(port, paths, 2, 3, folder)  # warm-up: each worker's caches and imports
        for round_number in range(1, options.rounds + 1):
            print(f"Round {round_number} of {options.rounds} ...", flush=True)
            for name, paths in mixes().items():
                for connections in (1, 8):
                    result = drive(port, paths, connections, options.seconds, folder)
                    samples.setdefault((name, connections), []).append(result)
    finally:
        stop(server)

    rows = []
    print(
        f"\n{'mix':12} {'conns':>5} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'max ms':>7} {'non-2xx':>7}"
    )
    for (name, connections), results in samples.items():
        row = {"mix": name, "connections": connections, "urls": len(mixes()[name])}
        for key in ("rps", "p50_ms", "p95_ms", "p99_ms", "max_ms", "non_2xx"):
            row[key] = statistics.median(result[key] for result in results)
        rows.append(row)
        print(
            f"{name:12} {connections:5d} {row['rps']:7.1f} {row['p50_ms']:7.1f} "
            f"{row['p95_ms']:7.1f} {row['p99_ms']:7.1f} {row['max_ms']:7.1f} {row['non_2xx']:7d}"
        )
    print(
        f"Medians of {options.rounds} rounds of {options.seconds} s; "
        f"engine: {'Elasticsearch' if options.elasticsearch else 'database'}, "
        f"{documents} documents."
    )
    if options.json:
        options.json.write_text(json.dumps({"documents": documents, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
