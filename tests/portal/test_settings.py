"""Settings come from the environment; production refuses to start without its secrets.

Each case runs Django in a fresh interpreter, because settings are read once per process.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
STRONG_SECRET_KEY = "k3Yq8v-Zr1Lw0pT9bN6xQ2sHc5mJf7dAe4uGi8oRy1VtWzX3nBq0LpS6"
CONFIG_VARIABLES = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "DJANGO_SETTINGS_MODULE",
    "RELEASE",
    "REDIS_URL",
)


def run_django(settings: str, code: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_production(code: str, **env: str) -> subprocess.CompletedProcess:
    """``code`` under the production settings, with the secrets they refuse to start without."""
    env = {"SECRET_KEY": STRONG_SECRET_KEY, "ALLOWED_HOSTS": "portal.example.gov.za", **env}
    return run_django("portal.settings.production", code, **env)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("portal.settings.production", "print('started')", ALLOWED_HOSTS="a.b")

    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django(
        "portal.settings.production", "print('started')", SECRET_KEY=STRONG_SECRET_KEY
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env={
            **{k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES},
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": STRONG_SECRET_KEY,
            "ALLOWED_HOSTS": "portal.example.gov.za",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "expected_engine", "expected_name"),
    [
        ({}, "django.db.backends.sqlite3", str(PROJECT_DIR / "db.sqlite3")),
        (
            {"DATABASE_URL": "postgres://portal@db.internal:5432/portal"},
            "django.db.backends.postgresql",
            "portal",
        ),
    ],
    ids=["default-sqlite-file", "postgresql-from-url"],
)
def test_database_comes_from_database_url(env, expected_engine, expected_name):
    result = run_django(
        "portal.settings.dev",
        "from django.conf import settings; db = settings.DATABASES['default']; "
        "print(db['ENGINE']); print(db['NAME'])",
        **env,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [expected_engine, expected_name]


@pytest.mark.parametrize(
    ("env", "expected_backend"),
    [
        ({}, "wagtail.search.backends.database"),
        (
            {"ELASTICSEARCH_URL": "http://search.internal:9200"},
            # Elasticsearch, answered by the database backend when it cannot be reached.
            "search.admin_backend database=wagtail.search.backends.database",
        ),
    ],
    ids=["database-search-by-default", "elasticsearch-when-configured"],
)
def test_search_backend_follows_elasticsearch_url(env, expected_backend):
    result = run_django(
        "portal.settings.dev",
        "from django.conf import settings; b = settings.WAGTAILSEARCH_BACKENDS; "
        "print(' '.join([b['default']['BACKEND']] + "
        "[f'{k}={v[\"BACKEND\"]}' for k, v in b.items() if k != 'default']))",
        **env,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected_backend


def test_media_and_static_roots_come_from_the_environment(tmp_path):
    result = run_django(
        "portal.settings.dev",
        "from django.conf import settings; print(settings.MEDIA_ROOT); print(settings.STATIC_ROOT)",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(tmp_path / "media"), str(tmp_path / "static")]


def test_production_queues_background_tasks_for_a_worker():
    result = run_production(
        "from django_tasks import task_backends; print(type(task_backends['default']).__name__)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DatabaseBackend"


@pytest.mark.parametrize(("env", "expected"), [({}, "300"), ({"DATABASE_CONN_MAX_AGE": "0"}, "0")])
def test_production_workers_keep_their_database_connection(env, expected):
    result = run_production(
        "from django.conf import settings; db = settings.DATABASES['default']; "
        "print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'])",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected, "True"]  # a broken connection is replaced


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"RELEASE": "2026.11.25"}, ["portal-pages-2026.11.25"]),
        (
            {"RELEASE": "abc123", "REDIS_URL": "redis://cache.internal:6379/0"},
            ["portal-default-abc123", "portal-pages-abc123"],
        ),
    ],
    ids=["file-cache", "redis"],
)
def test_cache_keys_name_the_release_that_wrote_them(env, expected):
    result = run_production(
        "from django.conf import settings; "
        "print(*[c['KEY_PREFIX'] for c in settings.CACHES.values() if 'KEY_PREFIX' in c])",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


def test_without_a_named_release_any_change_to_the_portals_files_is_a_new_one(tmp_path):
    from portal.settings.release import fingerprint

    app = tmp_path / "app"
    (app / "templates" / "__pycache__").mkdir(parents=True)
    template = app / "templates" / "page.html"
    template.write_text("<h1>{{ page.title }}</h1>")
    (app / "views.py").write_text("VIEW = 1\n")
    first = fingerprint(tmp_path, ["app"])

    assert fingerprint(tmp_path, ["app"]) == first  # the same files: the same release
    (app / "templates" / "__pycache__" / "views.cpython-311.pyc").write_bytes(b"\0")
    (app / "NOTES.md").write_text("not a source file")
    assert fingerprint(tmp_path, ["app"]) == first
    template.write_text("<h1>{{ page.seo_title }}</h1>")
    assert fingerprint(tmp_path, ["app"]) != first
    template.rename(app / "templates" / "moved.html")
    assert fingerprint(tmp_path, ["app"]) not in (first, fingerprint(tmp_path, []))
