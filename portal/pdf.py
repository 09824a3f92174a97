"""Recognising PDFs by their content and reading their text, for documents and signed scans."""

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

PDF_SIGNATURE = b"%PDF-"
MAX_PAGES_READ = 300
MAX_TEXT_CHARACTERS = 2_000_000


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
    """The PDF's text for full-text search. A damaged or encrypted PDF gives a note instead."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    file.seek(0)
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            return ExtractedText("", "The PDF is encrypted, so its text could not be read.")
        parts, length = [], 0
        for page in reader.pages[:MAX_PAGES_READ]:
            page_text = page.extract_text() or ""
            parts.append(page_text)
            length += len(page_text)
            if length > MAX_TEXT_CHARACTERS:
                break
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        logger.info("Could not read PDF text: %s", error)
        return ExtractedText("", "The PDF is damaged, so its text could not be read.")
    except Exception:  # pypdf raises many kinds of error on malformed files
        logger.exception("Unexpected error reading PDF text")
        return ExtractedText("", "The PDF's text could not be read.")
    finally:
        file.seek(0)
    text = "\n".join(parts).strip()[:MAX_TEXT_CHARACTERS]
    if not text:
        return ExtractedText("", "The PDF has no text layer (perhaps a scanned image).")
    return ExtractedText(text)
