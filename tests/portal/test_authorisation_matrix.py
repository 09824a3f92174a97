"""Every URL of the portal, requested as every kind of user (hardening issue).

`url_cases` enumerates every pattern in the URLconf and fills it in with real ids from the
authorisation world: an internal partnership, an unpublished page, a page for signed-in readers,
a restricted collection, two members' drafts. Each case must match one expectation below; a
URL nobody wrote an expectation for fails the test, so a new view is decided on, not assumed.

Wagtail's own admin screens (its pages, documents, images, users, settings...) get one rule:
nobody without admin access gets in, and for staff they must not fail (Wagtail checks its own
permissions and tests them). Every screen of ours, in the admin or not, has its own row.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.test import Client, TestCase

from tests.portal.authorisation_world import (
    ANONYMOUS,
    MEMBER,
    OTHER_MEMBER,
    PAGE_EDITOR,
    REGISTER_EDITOR,
    REGISTER_VIEWER,
    ROLES,
    SIGNED_IN,
    SUPERUSER,
    build_world,
)
from tests.portal.url_cases import PAGE_ROUTE, Case, cases, routes

NO_ADMIN_ACCESS = [ANONYMOUS, SIGNED_IN, MEMBER, OTHER_MEMBER]
STAFF = [REGISTER_VIEWER, REGISTER_EDITOR, PAGE_EDITOR, SUPERUSER]
SIGNED_IN_ROLES = [role for role in ROLES if role != ANONYMOUS]
NOT_MEMBERS = [SIGNED_IN, *STAFF]


@dataclass(frozen=True)
class Outcome:
    """What a response must be: a status, and for a redirect where it leads."""

    description: str
    check: Callable

    def __repr__(self):
        return self.description


def status(code: int) -> Outcome:
    return Outcome(str(code), lambda response: response.status_code == code)


def redirect_to(prefix: str) -> Outcome:
    return Outcome(
        f"302 to {prefix}",
        lambda response: response.status_code == 302 and response["Location"].startswith(prefix),
    )


OK, NOT_FOUND, NOT_ALLOWED, FORBIDDEN = status(200), status(404), status(405), status(403)
ADMIN_LOGIN = redirect_to("/admin/login/")
SITE_LOGIN = redirect_to("/_util/login/")
MEMBERS_LOGIN = redirect_to("/members/sign-in/")
# Wagtail answers a signed-in user's refused admin request with a redirect to the dashboard.
ADMIN_REFUSED = Outcome(
    "refused (302 to the dashboard, or 403)",
    lambda response: (
        response.status_code == 403
        or (response.status_code == 302 and response["Location"] == "/admin/")
    ),
)
NO_SERVER_ERROR = Outcome("not a server error", lambda response: response.status_code < 500)
ANY_REDIRECT = Outcome("302", lambda response: response.status_code == 302)


def each(outcome: Outcome, roles=ROLES) -> dict:
    return dict.fromkeys(roles, outcome)


def admin_screen(*allowed: str, allowed_outcome: Outcome = OK) -> dict:
    """An admin screen of ours: the roles named get `allowed_outcome`, other staff are
    refused, and people without admin access are sent to sign in."""
    expected = {**each(ADMIN_LOGIN, NO_ADMIN_ACCESS), **each(ADMIN_REFUSED, STAFF)}
    return {**expected, **each(allowed_outcome, allowed)}


def members_area(member: Outcome, other_member: Outcome) -> dict:
    return {
        ANONYMOUS: MEMBERS_LOGIN,
        **each(FORBIDDEN, NOT_MEMBERS),  # signed in, but not a member
        MEMBER: member,
        OTHER_MEMBER: other_member,
    }


REGISTER_READERS = (REGISTER_VIEWER, REGISTER_EDITOR, SUPERUSER)
REGISTER_WRITERS = (REGISTER_EDITOR, SUPERUSER)
REGISTER_MODELS = "(partnership|organisation|agreement|annualreview|kpimeasurement)"
GUARDED_CHOOSERS = "(partnership|agreement|annualreview|kpimeasurement)"

# (route pattern, case label pattern, expectation, why). The first row that matches a case
# decides it; routes are matched in full, labels by search.
EXPECTATIONS = [
    # Public pages and their sub-URLs: the same for everyone, except the private ones.
    (PAGE_ROUTE, r"internal profile", each(NOT_FOUND), "an internal partnership has no page"),
    (PAGE_ROUTE, r"draft-page$", each(NOT_FOUND), "unpublished"),
    (
        PAGE_ROUTE,
        r"staff-page$",
        {ANONYMOUS: SITE_LOGIN, **each(OK, SIGNED_IN_ROLES)},
        "for signed-in readers only",
    ),
    (PAGE_ROUTE, r" register$", each(ANY_REDIRECT), "the form is on the event page"),
    (PAGE_ROUTE, r"", each(OK), "public"),
    (
        r"sitemap\.xml|robots\.txt|search/|search/suggest/|search/feed/(atom/)?|_util/login/",
        "",
        each(OK),
        "public",
    ),
    (
        r"documents/\^\(\\d\+\)/\(\.\*\)\$",
        "public document",
        each(OK),
        "a document in a public collection",
    ),
    (
        r"documents/\^\(\\d\+\)/\(\.\*\)\$",
        "restricted document",
        {**each(SITE_LOGIN), REGISTER_EDITOR: OK, SUPERUSER: OK},
        "its collection is for register editors",
    ),
    (
        r"documents/authenticate_with_password/.*|_util/authenticate_with_password/.*",
        "",
        each(OK),
        "the password form itself (wrong passwords are throttled)",
    ),
    # The members' area.
    (
        r"members/sign-in/",
        "",
        {ANONYMOUS: OK, **each(redirect_to("/members/"), SIGNED_IN_ROLES)},
        "already signed in",
    ),
    (r"members/sign-out/", "", each(NOT_ALLOWED), "signing out is a POST"),
    (r"members/password-reset/.*", "", each(OK), "anyone may ask for a reset"),
    (r"members/invitation/", "", each(status(400)), "no invitation token"),
    (
        r"members/|members/assessments/(new|partnerships)/",
        "",
        members_area(OK, OK),
        "each member's own (what they may assess is suggested to them alone)",
    ),
    (
        r"members/assessments/<\w+:pk>/edit/",
        "submitted",
        members_area(redirect_to("/members/assessments/"), NOT_FOUND),
        "a submitted assessment is no longer editable",
    ),
    (
        r"members/assessments/<\w+:pk>/attachments/(<\w+:attachment_id>/delete/)?",
        "",
        members_area(NOT_ALLOWED, NOT_ALLOWED),
        "changes are POSTs",
    ),
    (
        r"members/assessments/<\w+:pk>/.*",
        "",
        members_area(OK, NOT_FOUND),
        "another member's assessment does not exist for them",
    ),
    # The admin: its sign-in and public helpers.
    (
        r"admin/login/",
        "",
        {**each(OK, NO_ADMIN_ACCESS), **each(redirect_to("/admin/"), STAFF)},
        "sign-in",
    ),
    (r"admin/password_reset/.*|admin/sprite/|admin/jsi18n/", "", each(OK), "public helpers"),
    # The register's screens.
    (
        rf"admin/snippets/knowledge/{REGISTER_MODELS}/(results/|inspect/<\w+:pk>/)?",
        "",
        admin_screen(*REGISTER_READERS),
        "register staff read the register",
    ),
    (
        rf"admin/snippets/knowledge/{REGISTER_MODELS}/(lock|unlock)/<\w+:pk>/",
        "",
        admin_screen(SUPERUSER, allowed_outcome=NOT_ALLOWED),
        "locking is a POST, for people with the lock permission",
    ),
    (
        rf"admin/snippets/knowledge/{REGISTER_MODELS}/.*",
        "",
        admin_screen(*REGISTER_WRITERS),
        "register editors change the register",
    ),
    (
        rf"admin/snippets/choose/knowledge/{GUARDED_CHOOSERS}/create/",
        "",
        admin_screen(*REGISTER_WRITERS),
        "creating from a chooser needs the add permission",
    ),
    (
        rf"admin/snippets/choose/knowledge/{GUARDED_CHOOSERS}/.*",
        "",
        admin_screen(*REGISTER_READERS),
        "the register's choosers answer register staff only",
    ),
    (
        r"admin/snippets/choose/knowledge/organisation/create/",
        "",
        admin_screen(*REGISTER_WRITERS),
        "creating from a chooser needs the add permission",
    ),
    (
        r"admin/snippets/choose/knowledge/researchproject/create/",
        "",
        admin_screen(SUPERUSER),
        "creating from a chooser needs the add permission",
    ),
    (
        r"admin/snippets/choose/knowledge/(organisation|researchproject)/.*",
        "",
        admin_screen(*STAFF),
        "organisations' names and research projects are public",
    ),
    (
        r"admin/register/public-partnerships/create/",
        "",
        admin_screen(*REGISTER_WRITERS),
        "creating from a chooser needs the add permission",
    ),
    (
        r"admin/register/public-partnerships/chosen/<\w+:pk>/",
        "",
        admin_screen(*STAFF, allowed_outcome=NOT_FOUND),
        "the filled-in partnership is internal",
    ),
    (
        r"admin/register/public-partnerships/.*",
        "",
        admin_screen(*STAFF),
        "public partnerships, for linking from public content",
    ),
    (
        r"admin/register/scans/<\w+:name>|admin/register/import/",
        "",
        admin_screen(*REGISTER_WRITERS),
        "signed scans and imports are for register editors",
    ),
    # Research projects, the dialogue's snippets and the reference groups' screens.
    (
        r"admin/snippets/dialogue/commitment/(lock|unlock)/<\w+:pk>/",
        "",
        admin_screen(SUPERUSER, allowed_outcome=NOT_ALLOWED),
        "locking is a POST",
    ),
    (
        r"admin/snippets/(knowledge/researchproject|dialogue/(commitment|speaker))/.*",
        "",
        admin_screen(SUPERUSER),
        "no default group manages these; administrators give the permission",
    ),
    (
        r"admin/snippets/choose/dialogue/(commitment|speaker)/create/",
        "",
        admin_screen(SUPERUSER),
        "creating from a chooser needs the add permission",
    ),
    (
        r"admin/snippets/choose/dialogue/(commitment|speaker)/.*",
        "",
        admin_screen(*STAFF),
        "public dialogue records",
    ),
    (
        r"admin/reference_group_assessments/(new|edit/<\w+:pk>)/|admin/reference_group_members/new/",
        "",
        admin_screen(*STAFF, allowed_outcome=redirect_to("/admin/")),
        "members write assessments in the members' area and are added by invitation: these "
        "screens send people to the review and the invitation screens, which decide",
    ),
    (
        r"admin/reference_group_\w+/.*|admin/reference-groups/review/.*",
        "",
        admin_screen(SUPERUSER),
        "reference groups are run by people given their permissions",
    ),
    (
        r"admin/dialogue_registrations/inspect/<\w+:pk>/",
        "",
        admin_screen(SUPERUSER),
        "registrants' personal data: only people given the registration permissions",
    ),
    (
        r"admin/reports/search-deliveries/",
        "",
        admin_screen(SUPERUSER),
        "search deliveries are for administrators",
    ),
    (
        r"admin/reports/unanswered-searches/",
        "",
        admin_screen(*STAFF),
        "editors see what readers could not find",
    ),
]
PROJECT_APPS = ("portal", "knowledge", "best_practice", "dialogue", "reference_group", "search")
WAGTAIL_ADMIN = {**each(ADMIN_LOGIN, NO_ADMIN_ACCESS), **each(NO_SERVER_ERROR, STAFF)}
# Wagtail's deliberate error screen for trying out 500 pages: staff are not sent to it.
NOT_REQUESTED = {"admin/failwhale/": STAFF}


def is_ours(route) -> bool:
    module = getattr(route.pattern.callback, "__module__", "")
    return not route.route.startswith("admin/") or module.split(".")[0] in PROJECT_APPS


def expectation_for(case: Case, ours: bool) -> dict | None:
    for route_pattern, label_pattern, expected, _why in EXPECTATIONS:
        if re.fullmatch(route_pattern, case.route) and re.search(label_pattern, case.label):
            return expected
    if case.route.startswith("admin/") and not ours:
        return WAGTAIL_ADMIN
    return None


class AuthorisationMatrixTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        ours = {route.route: is_ours(route) for route in routes()}
        cls.cases = [
            (case, expectation_for(case, ours.get(case.route, True))) for case in cases(cls.world)
        ]

    def test_every_url_has_an_expectation(self):
        missing = sorted({case.route for case, expected in self.cases if expected is None})
        self.assertEqual(missing, [], "URLs nobody decided on: add a row to EXPECTATIONS")
        # the world really reaches the private cases the expectations are about
        labels = {case.label for case, _ in self.cases}
        for label in ("PartnershipsSectionPage internal profile", "restricted document"):
            self.assertIn(label, labels)

    def assert_role(self, role: str):
        client = Client()
        user = self.world.users[role]
        wrong = []
        for case, expected in self.cases:
            if expected is None or role in NOT_REQUESTED.get(case.route, []):
                continue
            cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
            if user is not None and (cookie is None or not cookie.value):
                # Wagtail's admin sign-out deletes the session cookie even when it answers a
                # GET with 405, so sign in again whenever the cookie is gone.
                client.force_login(user)
            response = client.get(case.url)
            outcome = expected[role]
            if not outcome.check(response):
                location = response.get("Location", "")
                wrong.append(
                    f"{case.url} ({case.label or case.route}): expected {outcome!r}, got "
                    f"{response.status_code} {location}".rstrip()
                )
        self.assertEqual(wrong, [], f"as {role}")

    def test_anonymous(self):
        self.assert_role(ANONYMOUS)

    def test_signed_in_user(self):
        self.assert_role(SIGNED_IN)

    def test_member(self):
        self.assert_role(MEMBER)

    def test_another_member(self):
        self.assert_role(OTHER_MEMBER)

    def test_register_viewer(self):
        self.assert_role(REGISTER_VIEWER)

    def test_register_editor(self):
        self.assert_role(REGISTER_EDITOR)

    def test_page_editor(self):
        self.assert_role(PAGE_EDITOR)

    def test_superuser(self):
        self.assert_role(SUPERUSER)
