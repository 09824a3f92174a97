"""Civil-society reference groups: members, invitations, assessments and their attachments."""

from .assessments import Assessment, AssessmentStatus
from .attachments import AssessmentAttachment
from .groups import Invitation, Member, MemberRole, ReferenceGroup, Scope
from .sections import ReferenceGroupSectionPage

__all__ = [
    "Assessment",
    "AssessmentAttachment",
    "AssessmentStatus",
    "Invitation",
    "Member",
    "MemberRole",
    "ReferenceGroup",
    "ReferenceGroupSectionPage",
    "Scope",
]
