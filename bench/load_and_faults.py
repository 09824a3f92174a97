"""Load and faults: the portal under production settings with gunicorn, on loopback only.

Builds a demo portal in a temporary folder (SQLite by default, or PostgreSQL with --postgres),
starts gunicorn (2 sync workers) and the task worker (`manage.py db_worker`), then:

1. pages and search: --seconds of requests from --connections clients at once;
2. the same while an editor publishes (a page revision and a register change every second) and
   the worker drains the search outbox; then how long the outbox takes to empty;
3. the worker killed (SIGKILL) in the middle of a drain of many changes; then
   `drain_search_outbox`, and whether anything was lost;
4. Elasticsearch configured but unreachable (a closed port): pages and search again.

Every phase must answer with no non-2xx response. Prints a Markdown summary for
bench/README.md. A storage error during a scan upload is a test (tests/knowledge/
test_scan_storage_failure.py): it needs a failing disk, which a benchmark should not make.

    .venv/bin/python bench/load_and_faults.py                  # 60 s phases, 32 connections
    .venv/bin/python bench/load_and_faults.py --seconds 20 --connections 8
    .venv/bin/python bench/load_and_faults.py --postgres       # bash .ci/postgres starts one
"""

import argparse
import http.client
import itertools
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess  # nosec B404
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
POSTGRES_SERVER = os.environ.get("POSTGRES_SERVER", "postgres://portal_ci:portal_ci@127.0.0.1:5432")

SEARCHES = [
    "/search/?q=patrol",
    "/search/?q=rural+patrols+in+the+Free+State",
    "/search/?q=street+lighting&kind=practice",
    "/search/?q=CPF",
    "/search/?q=&kind=partnership&province=gauteng",
    "/search/suggest/?q=pat",
    "/search/suggest/?q=comm",
]

PUBLISHER = """
import itertools, time, django
django.setup()
from best_practice.models import PracticePage
from knowledge.models import Partnership
practices = list(PracticePage.objects.live())
partnerships = list(Partnership.objects.public())
stop = time.monotonic() + {seconds}
for n in itertools.count():
    if time.monotonic() > stop:
        break
    page = practices[n % len(practices)]
    page.introduction = page.introduction.split(" [edit")[0] + f" [edit {{n}}]"
    page.save_revision().publish()
    partnership = partnerships[n % len(partnerships)]
    partnership.summary = partnership.summary.split(" [edit")[0] + f" [edit {{n}}]"
    partnership.save()
    time.sleep(1)
print(n)
"""

MANY_CHANGES = """
import django
django.setup()
from knowledge.models import Partnership
partnerships = list(Partnership.objects.all())
for n in range(100):  # many deliveries, so that the worker is still draining when it is killed
    for partnership in partnerships:
        partnership.summary = partnership.summary.split(" bulkmarker")[0] + f" bulkmarker{n}"
        partnership.save()
print(sum(partnership.is_public for partnership in partnerships))
"""

TASKS_WAITING = """
import django
django.setup()
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.ready().count())
"""

WAITING = """
import django
django.setup()
from search.models import OutboxEntry
print(OutboxEntry.waiting().count(), OutboxEntry.given_up().count())
"""


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--postgres", action="store_true")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(folder: Path, database_url: str, elasticsearch_url: str = "") -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        "STATIC_ROOT": str(folder / "static"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "ELASTICSEARCH_URL": elasticsearch_url,
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> str:
    finished = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if finished.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{finished.stderr[-3000:]}")
    return finished.stdout


def python(env: dict, code: str) -> str:
    finished = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if finished.returncode:
        sys.exit(f"A step failed:\n{finished.stderr[-3000:]}")
    return finished.stdout.strip()


def indexed_documents(env: dict) -> int:
    """How many documents the configured search engine holds (the first engine, as searches
    use it)."""
    return int(
        python(
            env,
            "import django; django.setup(); from search.engines import primary; "
            "print(sum(primary().count_by_kind().values()))",
        )
    )


def start(env: dict, command: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603  # nosec B603
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )


def start_gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    server = start(
        env,
        [GUNICORN, "portal.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "30"],
        log,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    sys.exit(f"gunicorn did not start; see {log}")


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    process.send_signal(sig)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def site_paths(port: int) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/sitemap.xml")
    sitemap = connection.getresponse().read().decode()
    pages = [
        re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)
    ]
    return pages + SEARCHES


def load(port: int, paths: list[str], seconds: int, connections: int) -> dict:
    """Requests from `connections` clients at once, each on one keep-alive connection."""
    results: list[tuple[int, float, str]] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    cycle = itertools.cycle(paths)

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        while time.monotonic() < stop_at:
            with lock:
                path = next(cycle)
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = 0  # a dropped connection counts as a failure
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine.append((status, time.perf_counter() - started, path))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies = sorted(latency for _, latency, _ in results)
    failures = [(status, path) for status, _, path in results if not 200 <= status < 300]
    return {
        "requests": len(results),
        "per_second": len(results) / elapsed,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "failures": failures,
    }


def search_total(port: int, words: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/search/?q={words}&format=json")
    return json.loads(connection.getresponse().read())["total"]


def waiting(env: dict) -> tuple[int, int]:
    pending, given_up = python(env, WAITING).split()
    return int(pending), int(given_up)


def tasks_done(env: dict, limit: float = 600) -> float | None:
    """Seconds until the task queue is empty (every save also queues Wagtail's own tasks)."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if int(python(env, TASKS_WAITING)) == 0:
            return time.monotonic() - started
        time.sleep(2)
    return None


def drain_time(env: dict, limit: float = 300) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if waiting(env)[0] == 0:
            return time.monotonic() - started
        time.sleep(1)
    return None


def line(name: str, result: dict) -> str:
    failures = result["failures"]
    shown = ", ".join(f"{status} {path}" for status, path in failures[:5])
    return (
        f"| {name} | {result['requests']:,} | {result['per_second']:.1f} | "
        f"{result['median_ms']:.0f} | {result['p95_ms']:.0f} | **{len(failures)}**"
        f"{' (' + shown + ')' if shown else ''} |"
    )


def main() -> None:
    options = arguments()
    folder = Path(tempfile.mkdtemp(prefix="portal-load-"))
    if options.postgres:
        database_url = f"{POSTGRES_SERVER}/portal_load_{os.getpid()}"
        setup_env = {**os.environ, "PGPASSWORD": "portal_ci"}
        subprocess.run(  # noqa: S603  # nosec B603
            [
                "/usr/bin/createdb",
                "-h",
                "127.0.0.1",
                "-U",
                "portal_ci",
                database_url.rsplit("/", 1)[1],
            ],
            env=setup_env,
            check=True,
        )
    else:
        database_url = f"sqlite:///{folder / 'portal.sqlite3'}"
    env = environment(folder, database_url)
    print(f"Building the demo portal in {folder} ...", flush=True)
    for step in (
        ["migrate", "--no-input"],
        ["load_demo_content"],
        ["rebuild_search_index"],
        ["collectstatic", "--no-input"],
    ):
        manage(env, *step)

    port = free_port()
    server = start_gunicorn(env, port, folder / "gunicorn.log")
    worker = start(env, [PYTHON, "manage.py", "db_worker"], folder / "worker.log")
    rows = []
    try:
        paths = site_paths(port)
        load(port, paths, 5, 4)  # warm up
        print("Phase 1: pages and search", flush=True)
        rows.append(
            line("pages and search", load(port, paths, options.seconds, options.connections))
        )

        print("Phase 2: the same while an editor publishes", flush=True)
        publisher = subprocess.Popen(  # noqa: S603  # nosec B603
            [PYTHON, "-c", PUBLISHER.format(seconds=options.seconds)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        result = load(port, paths, options.seconds, options.connections)
        published = publisher.communicate()[0].strip()
        rows.append(line(f"while an editor publishes ({published} rounds)", result))
        drained = drain_time(env)
        outbox_after_publishing = f"{drained:.0f} s" if drained is not None else "not within 300 s"

        print("Phase 3: the worker killed in the middle of a drain", flush=True)
        stop(worker)
        changed = int(python(env, MANY_CHANGES))
        before_kill = waiting(env)[0]
        worker = start(env, [PYTHON, "manage.py", "db_worker"], folder / "worker2.log")
        left_by_kill = before_kill
        while left_by_kill == before_kill and worker.poll() is None:
            time.sleep(0.02)
            left_by_kill = waiting(env)[0]
        stop(worker, signal.SIGKILL)
        left_by_kill = waiting(env)[0]
        manage(env, "drain_search_outbox")
        after_drain = waiting(env)
        found = search_total(port, "bulkmarker99")  # the last round
        worker = start(env, [PYTHON, "manage.py", "db_worker"], folder / "worker3.log")
        # The changes also queued Wagtail's own tasks (reference index, admin search): let the
        # worker finish them, so that they do not share the CPU with the next phase.
        queue_emptied = tasks_done(env)

        print("Phase 4: Elasticsearch configured but unreachable", flush=True)
        stop(server)
        closed = free_port()
        unreachable = environment(folder, database_url, f"http://127.0.0.1:{closed}")
        server = start_gunicorn(unreachable, port, folder / "gunicorn-es.log")
        rows.append(
            line(
                "Elasticsearch unreachable",
                load(port, paths, options.seconds, options.connections),
            )
        )
    finally:
        stop(server)
        stop(worker)

    print()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; database: {'PostgreSQL' if options.postgres else 'SQLite'};"
        f" {options.connections} connections, {options.seconds} s per phase, "
        f"{len(paths)} URLs (every page in the sitemap and {len(SEARCHES)} searches)."
    )
    print()
    print("| phase | requests | req/s | median ms | p95 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(row)
    print()
    print(f"- Outbox after publishing: empty {outbox_after_publishing} after the load ended.")
    print(
        f"- Worker killed mid-drain: {before_kill} deliveries waiting when it started, "
        f"{left_by_kill} left when it was killed; after `drain_search_outbox`: {after_drain[0]} "
        f"waiting, {after_drain[1]} given up; search finds the last change in {found} of the "
        f"{changed} public partnerships changed. The task queue (Wagtail's own tasks for "
        f"the same changes) was empty "
        f"{f'{queue_emptied:.0f} s' if queue_emptied is not None else 'not within 600 s'} later."
    )


if __name__ == "__main__":
    main()
