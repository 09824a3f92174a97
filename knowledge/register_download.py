"""The public register as a spreadsheet: the partnerships a reader's filters select, with what
their profiles show, for journalists and researchers who count and compare them.

Only public partnerships, and of each only what its profile shows: never a contact person, a
cost, a risk, a note, an internal partnership or a private KPI. Read a few hundred at a time
(the register may hold tens of thousands) and streamed (``portal.spreadsheets.csv_download``).
"""

from collections.abc import Callable, Iterator

from django.http import StreamingHttpResponse

from knowledge import achievements
from knowledge.models import Partnership
from portal.spreadsheets import csv_download

CHUNK = 500


def _agreement(partnership) -> str:
    agreement = achievements.signed_agreement(partnership)
    if agreement is None:
        return ""
    if agreement.signed_on is None:
        return agreement.kind
    return f"{agreement.kind}, signed {agreement.signed_on.isoformat()}"


def _reviewed(partnership):
    review = achievements.latest_public_review(partnership)
    return review.completed_on if review else None


def _parties(partnership) -> str:
    return "; ".join(
        f"{party.organisation.name} ({party.get_role_display()})"
        for party in partnership.parties.all()
    )


COLUMNS: list[tuple[str, Callable]] = [
    ("Reference", lambda p: p.reference),
    ("Title", lambda p: p.title),
    ("Summary", lambda p: p.summary),
    ("Status", lambda p: p.get_status_display()),
    ("Level", lambda p: p.get_level_display()),
    ("Scope", lambda p: p.get_scope_display()),
    ("Precinct or municipality", lambda p: p.locality),
    ("Provinces", lambda p: "; ".join(p.get_provinces_labels())),
    ("Stakeholders", lambda p: p.get_stakeholder_structure_display()),
    ("Term", lambda p: p.get_term_display()),
    ("Strategic thrusts", lambda p: "; ".join(p.get_thrusts_labels())),
    ("Parties (role)", _parties),
    ("Start date", lambda p: p.start_date),
    ("End date", lambda p: p.end_date),
    ("Signed agreement", _agreement),
    ("Last reviewed", _reviewed),
    ("Public since", lambda p: p.made_public_at),
]


def public_register(form):
    """The public partnerships ``form``'s filters select, in the list's order (by reference
    unless it was sorted otherwise), read with what the columns show (parties, signed agreement
    and latest review) in a few queries a chunk."""
    partnerships = achievements.with_public_record(
        Partnership.objects.public().with_public_parties()
    )
    return form.apply(partnerships)


def _rows(partnerships, profiles: str) -> Iterator[list[str]]:
    for partnership in partnerships.iterator(chunk_size=CHUNK):
        yield [value(partnership) for _, value in COLUMNS] + [f"{profiles}{partnership.reference}/"]


def register_csv(request, section, form) -> StreamingHttpResponse:
    # A profile's address is the section's and the reference (PartnershipsSectionPage).
    profiles = request.build_absolute_uri(section.url)
    header = [heading for heading, _ in COLUMNS] + ["Profile"]
    return csv_download("partnership-register", header, _rows(public_register(form), profiles))
