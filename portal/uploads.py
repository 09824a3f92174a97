"""What an uploaded file really is, read from its content rather than its name.

A file is accepted only when its first bytes (and, for office documents, the parts inside the
zip) say it is one of the kinds allowed *and* its extension names that same kind: a PDF called
`.docx`, an HTML page called `.pdf` or an executable called `.png` are all refused.
"""

import zipfile

KINDS = {
    "pdf": ("PDF", "application/pdf"),
    "png": ("PNG image", "image/png"),
    "jpg": ("JPEG image", "image/jpeg"),
    "gif": ("GIF image", "image/gif"),
    "webp": ("WebP image", "image/webp"),
    "docx": (
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        "PowerPoint presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": ("OpenDocument text", "application/vnd.oasis.opendocument.text"),
    "ods": ("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"),
}
EXTENSIONS = {"jpeg": "jpg"}
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


def _office_kind(file) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                for kind in ("odt", "ods"):
                    if mimetype == KINDS[kind][1]:
                        return kind
                return None
            if "[Content_Types].xml" not in names:
                return None
            for kind, folder in OOXML_PARTS.items():
                if any(name.startswith(folder) for name in names):
                    return kind
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def sniff(file) -> str | None:
    """The kind of ``file`` by its content (a key of KINDS), or None if it is none of them."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpg"
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = "gif"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "webp"
    elif head.startswith(b"PK\x03\x04"):
        kind = _office_kind(file)
    file.seek(0)
    return kind


def extension_kind(name: str) -> str | None:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extension = EXTENSIONS.get(extension, extension)
    return extension if extension in KINDS else None


def allowed_names() -> str:
    return ", ".join(sorted({label for label, _ in KINDS.values()}))
