"""Which release of the portal is running, so that what one release cached is never read by
another (the caches' key prefix, portal/settings/base.py).

A cached page holds the HTML of the templates that rendered it, and the default cache holds
pickled objects of the portal's own classes (portal/site_structure.py). A release that changed
either could otherwise serve the old HTML, or fail to read the old objects, until they expire
(PAGE_CACHE_SECONDS): for up to five minutes after a deploy, every worker, even for a release
that fixed what a page shows. ``RELEASE`` in the environment names the release (a commit, a
version); without it, the release is a digest of the portal's own files and the versions of
Django and Wagtail, which any change to them replaces.
"""

import hashlib
from importlib.metadata import version
from pathlib import Path

# What a page or a cached object is made from: code, templates, the synonyms and other data.
SOURCE_SUFFIXES = frozenset({".py", ".html", ".txt", ".json", ".js", ".css", ".svg"})


def fingerprint(base_dir: Path, apps: list[str]) -> str:
    """A short digest of every source file of ``apps`` (folders under ``base_dir``) and of the
    versions of the frameworks whose classes are cached."""
    digest = hashlib.blake2b(digest_size=6)
    for package in ("django", "wagtail"):
        digest.update(f"{package}=={version(package)}\n".encode())
    for app in apps:
        for path in sorted((base_dir / app).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(base_dir)}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
