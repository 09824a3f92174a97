"""Citations of publications: a formatted reference, BibTeX and RIS.

Every field is escaped for its format, so no title, name or abstract can break the file.
"""

import re

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.text import slugify
from django.utils.timezone import localdate

from knowledge.models.research_choices import PublicationType

PUBLISHER = "Civilian Secretariat for Police Service"
BIBTEX_TYPES = {PublicationType.DATASET: "misc", PublicationType.CASE_STUDY: "techreport"}
RIS_TYPES = {PublicationType.DATASET: "DATA", PublicationType.GUIDELINE: "GOVDOC"}
BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def authors(publication) -> list[str]:
    return [author.name for author in publication.authors.all()]


def formatted_reference(publication, request=None) -> str:
    """A plain-text reference in author-date style."""
    names = authors(publication)
    who = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    parts = [f"{who} ({publication.publication_date.year}). {publication.title}."]
    parts.append(f"{publication.get_publication_type_display()}. {PUBLISHER}.")
    if publication.doi:
        parts.append(f"https://doi.org/{publication.doi}")
    elif request is not None:
        parts.append(publication.get_full_url(request))
    return " ".join(parts)


def bibtex_escape(value: str) -> str:
    """Escape LaTeX specials and balance braces so a value cannot end its field early."""
    escaped = BIBTEX_SPECIAL.sub(lambda match: _bibtex_replacement(match.group(1)), value)
    return " ".join(escaped.split())


def _bibtex_replacement(character: str) -> str:
    return {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(character, "\\" + character)


def citation_key(publication) -> str:
    first = authors(publication)[:1] or ["csps"]
    surname = slugify(first[0].split()[-1]).replace("-", "") or "csps"
    return f"{surname}{publication.publication_date.year}{publication.pk}"


def to_bibtex(publication, request=None) -> str:
    fields = {
        "title": publication.title,
        "author": " and ".join(authors(publication)),
        "year": str(publication.publication_date.year),
        "month": publication.publication_date.strftime("%b").lower(),
        "institution": PUBLISHER,
        "type": publication.get_publication_type_display(),
        "abstract": publication.abstract,
        "doi": publication.doi,
        "isbn": publication.isbn,
        "url": publication.get_full_url(request) if request is not None else "",
        "keywords": ", ".join(tag.name for tag in publication.topics.all()),
    }
    entry_type = BIBTEX_TYPES.get(publication.publication_type, "techreport")
    lines = [f"@{entry_type}{{{citation_key(publication)},"]
    for name, value in fields.items():
        if value:
            lines.append(f"  {name} = {{{bibtex_escape(str(value))}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris_escape(value: str) -> str:
    """RIS is one tag per line: a value must not contain line breaks."""
    return " ".join(str(value).split())


def to_ris(publication, request=None) -> str:
    lines = [f"TY  - {RIS_TYPES.get(publication.publication_type, 'RPRT')}"]
    lines += [f"AU  - {ris_escape(name)}" for name in authors(publication)]
    lines += [
        f"TI  - {ris_escape(publication.title)}",
        f"PY  - {publication.publication_date.year}",
        f"DA  - {publication.publication_date:%Y/%m/%d}",
        f"PB  - {PUBLISHER}",
        f"AB  - {ris_escape(publication.abstract)}",
    ]
    if publication.doi:
        lines.append(f"DO  - {ris_escape(publication.doi)}")
    if publication.isbn:
        lines.append(f"SN  - {ris_escape(publication.isbn)}")
    if request is not None:
        lines.append(f"UR  - {publication.get_full_url(request)}")
    lines += [f"KW  - {ris_escape(tag.name)}" for tag in publication.topics.all()]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def _download(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def bibtex_response(publication, request) -> HttpResponse:
    return _download(
        to_bibtex(publication, request), "application/x-bibtex", f"{publication.slug}.bib"
    )


def ris_response(publication, request) -> HttpResponse:
    return _download(
        to_ris(publication, request),
        "application/x-research-info-systems",
        f"{publication.slug}.ris",
    )


# A list of references, for a reference manager (Zotero, Mendeley, EndNote): its entry for
# each publication, its type, and the file's extension.
LIST_FORMATS = {
    "ris": (to_ris, "application/x-research-info-systems", "ris"),
    "bibtex": (to_bibtex, "application/x-bibtex", "bib"),
}


def references_response(publications, request, kind: str) -> StreamingHttpResponse:
    """Every publication of ``publications`` (a queryset) as one file of references, streamed a
    few hundred at a time: a library may hold thousands."""
    to_entry, content_type, extension = LIST_FORMATS[kind]
    entries = (to_entry(publication, request) for publication in publications.iterator(500))
    response = StreamingHttpResponse(entries, content_type=f"{content_type}; charset=utf-8")
    name = f"research-library-{localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
