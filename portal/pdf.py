"""Recognising PDFs by their content and reading their text, for documents and signed scans.

Reading a PDF's text runs in a child process with a hard limit on time and memory: a small
hostile PDF (hundreds of pages sharing one huge compressed content stream) can keep pypdf busy
for minutes, and that must cost the uploader a note, not a server worker.
"""

import json
import logging

# The child is this module, run with fixed arguments and no shell.
import subprocess  # nosec B404
import sys
from dataclasses import dataclass

from django.conf import settings

logger = logging.getLogger(__name__)

PDF_SIGNATURE = b"%PDF-"
MAX_PAGES_READ = 300
MAX_TEXT_CHARACTERS = 2_000_000

DAMAGED = "The PDF is damaged, so its text could not be read."
ENCRYPTED = "The PDF is encrypted, so its text could not be read."
NO_TEXT = "The PDF has no text layer (perhaps a scanned image)."
TOO_COSTLY = "The PDF took too long to read, so its text could not be read."


def looks_like_pdf(file) -> bool:
    """Whether the file is a PDF by its content, whatever its name: it must begin with the PDF
    signature. A marker further in (an HTML comment, an executable's header before it) is what
    a disguised file looks like, so it is not enough."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    header = file.read(len(PDF_SIGNATURE))
    file.seek(position)
    return header == PDF_SIGNATURE


@dataclass(frozen=True)
class ExtractedText:
    text: str
    note: str = ""  # why the text could not be read, shown to readers and editors


def extract_text(file) -> ExtractedText:
    """The PDF's text for full-text search, read in a limited child process. A damaged,
    encrypted or too costly PDF gives a note instead."""
    file.seek(0)
    content = file.read()
    file.seek(0)
    seconds = settings.PDF_TEXT_SECONDS
    try:
        finished = subprocess.run(  # noqa: S603  # nosec B603
            [sys.executable, "-m", __name__, str(seconds), str(settings.PDF_TEXT_MEMORY_MB)],
            input=content,
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.warning("Stopped reading a PDF's text after %s seconds", seconds)
        return ExtractedText("", TOO_COSTLY)
    if finished.returncode != 0:
        # Killed by its CPU or memory limit, or failed in a way pypdf did not report.
        logger.warning(
            "Reading a PDF's text failed (exit %s): %s",
            finished.returncode,
            finished.stderr.decode("utf-8", "replace")[-500:],
        )
        return ExtractedText("", TOO_COSTLY if finished.returncode < 0 else DAMAGED)
    result = json.loads(finished.stdout)
    return ExtractedText(result["text"], result["note"])


def read_text(content: bytes) -> ExtractedText:
    """Read the text in this process (the child's work; call `extract_text` instead)."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            return ExtractedText("", ENCRYPTED)
        parts, length = [], 0
        for page in reader.pages[:MAX_PAGES_READ]:
            page_text = page.extract_text() or ""
            parts.append(page_text)
            length += len(page_text)
            if length > MAX_TEXT_CHARACTERS:
                break
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        logger.info("Could not read PDF text: %s", error)
        return ExtractedText("", DAMAGED)
    text = "\n".join(parts).strip()[:MAX_TEXT_CHARACTERS]
    if not text:
        return ExtractedText("", NO_TEXT)
    return ExtractedText(text)


def _limit_this_process(seconds: int, memory_mb: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


if __name__ == "__main__":
    _limit_this_process(int(sys.argv[1]), int(sys.argv[2]))
    try:
        extracted = read_text(sys.stdin.buffer.read())
    except MemoryError:
        sys.exit(3)
    json.dump({"text": extracted.text, "note": extracted.note}, sys.stdout)
