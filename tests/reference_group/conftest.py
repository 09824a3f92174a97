"""Shared by the reference-group tests: a member, signed in."""

import pytest

from tests.reference_group.factories import MemberFactory


@pytest.fixture
def member(client):
    """A member of a reference group, signed in on ``client``."""
    member = MemberFactory()
    client.force_login(member.user)
    return member
