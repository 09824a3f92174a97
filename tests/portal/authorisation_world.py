"""The world the authorisation matrix requests every URL against: the demo site, plus the
private things a URL could reveal (an internal partnership, an unpublished page, a page for
signed-in readers, a restricted collection, two members' drafts), and one user per role."""

import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from dialogue.models import Commitment, DialogueEventPage, Registration
from knowledge.groups import REGISTER_EDITORS, REGISTER_VIEWERS
from knowledge.models import Agreement, Partnership, PublicationPage
from knowledge.models.choices import Visibility
from portal.demo_helpers import placeholder_pdf
from portal.models import PortalDocument
from reference_group.models import AssessmentAttachment
from tests.knowledge.factories import AgreementFactory, PartnershipFactory, user_in
from tests.portal.factories import StandardPageFactory, home_page
from tests.reference_group.factories import AssessmentFactory, InvitationFactory, MemberFactory

ANONYMOUS = "anonymous"
SIGNED_IN = "signed-in user"
MEMBER = "member"
OTHER_MEMBER = "another member"
REGISTER_VIEWER = "register viewer"
REGISTER_EDITOR = "register editor"
PAGE_EDITOR = "page editor"
SUPERUSER = "superuser"
ROLES = [
    ANONYMOUS,
    SIGNED_IN,
    MEMBER,
    OTHER_MEMBER,
    REGISTER_VIEWER,
    REGISTER_EDITOR,
    PAGE_EDITOR,
    SUPERUSER,
]


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> user (None for anonymous)
    ids: dict = field(default_factory=dict)  # what a URL's arguments are filled with


def build_world() -> World:
    call_command("load_demo_content", stdout=io.StringIO())
    world = World()
    User = get_user_model()
    world.users[ANONYMOUS] = None
    world.users[SIGNED_IN] = User.objects.create_user("plain", "plain@example.org", "pw")
    member, other = MemberFactory(), MemberFactory()
    world.users[MEMBER], world.users[OTHER_MEMBER] = member.user, other.user
    world.users[REGISTER_VIEWER] = user_in(REGISTER_VIEWERS)
    world.users[REGISTER_EDITOR] = user_in(REGISTER_EDITORS)
    page_editor = User.objects.create_user("pages", "pages@example.org", "pw")
    page_editor.groups.add(Group.objects.get(name="Editors"))
    world.users[PAGE_EDITOR] = page_editor
    world.users[SUPERUSER] = User.objects.create_superuser("root", "root@example.org", "pw")

    internal = PartnershipFactory(title="Internal liaison", visibility=Visibility.INTERNAL)
    public = Partnership.objects.filter(visibility=Visibility.PUBLIC).first()
    agreement = AgreementFactory(partnership=internal)
    internal.save_revision()
    agreement.save_revision()
    draft = AssessmentFactory(author=member, partnership=public)
    draft.save_revision(user=member.user)
    AssessmentFactory(author=other, partnership=public)
    attachment = AssessmentAttachment.store(
        draft, SimpleUploadedFile("notes.pdf", placeholder_pdf("Draft notes"))
    )
    submitted = AssessmentFactory(author=member, partnership=public)
    submitted.save_revision(user=member.user)
    submitted.submit(member.user)
    submitted_attachment = AssessmentAttachment.store(
        submitted, SimpleUploadedFile("evidence.pdf", placeholder_pdf("Evidence"))
    )

    unpublished = StandardPageFactory(parent=home_page(), title="Draft page", slug="draft-page")
    unpublished.unpublish()
    restricted = StandardPageFactory(parent=home_page(), title="Staff page", slug="staff-page")
    page_restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    revision = restricted.save_revision()

    board = Collection.get_first_root_node().add_child(name="Board papers")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.GROUPS
    )
    collection_restriction.groups.set([Group.objects.get(name=REGISTER_EDITORS)])
    restricted_document = PortalDocument(
        title="Board minutes",
        collection=board,
        file=ContentFile(placeholder_pdf("Board minutes"), name="minutes.pdf"),
    )
    restricted_document.save()
    image = get_image_model().objects.create(title="Photo", file=get_test_image_file())

    event = next(page for page in DialogueEventPage.objects.live() if page.registration_open())
    registration = Registration.take(
        event, name="Sipho Registrant", email="sipho.registrant@example.org", consent=True
    )
    InvitationFactory(group=member.group)
    world.ids.update(
        public_partnership=public,
        internal_partnership=internal,
        agreement=agreement,
        draft=draft,
        attachment=attachment,
        submitted=submitted,
        submitted_attachment=submitted_attachment,
        unpublished=unpublished,
        restricted=restricted,
        page_restriction=page_restriction,
        revision=revision,
        collection=board,
        collection_restriction=collection_restriction,
        restricted_document=restricted_document,
        public_document=PortalDocument.objects.exclude(collection=board).first(),
        image=image,
        event=event,
        registration=registration,
        commitment=Commitment.objects.first(),
        publication=PublicationPage.objects.live().first(),
        agreement_model=Agreement,
        root_page=Page.objects.get(depth=1),
    )
    return world
