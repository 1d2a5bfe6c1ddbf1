import pytest
from django.urls import reverse

from razem.accounts.middleware import SESSION_ACTIVE_MEMBERSHIP
from razem.accounts.models import Membership
from razem.accounts.roles import Role
from razem.accounts.tests.helpers import events_of
from razem.audit.events import EventType
from razem.core.testing.auth import login
from razem.core.testing.factories import InstitutionFactory, MembershipFactory, user_with_role

pytestmark = pytest.mark.django_db

SWITCH = reverse("accounts:switch_role")


def _admin_and_chair():  # type: ignore[no-untyped-def]
    user = user_with_role(Role.MUNICIPALITY_ADMIN)
    chair = MembershipFactory(user=user, institution=InstitutionFactory(), role=Role.ZI_CHAIR)
    return user, chair


def test_user_with_several_roles_switches_the_active_one(client):
    # given
    user, chair = _admin_and_chair()
    login(client, user)

    # when
    page = client.get(SWITCH)
    response = client.post(SWITCH, {"membership": chair.pk})

    # then
    assert page.status_code == 200
    assert response["Location"] == reverse("home:dashboard")
    assert client.session[SESSION_ACTIVE_MEMBERSHIP] == chair.pk
    [event] = events_of(user, EventType.ROLE_SWITCHED)
    assert event.extra_data == {"membership": chair.pk, "role": Role.ZI_CHAIR.value}
    assert event.municipality_id == chair.municipality_id


def test_active_role_decides_access_to_administration(client):
    user, chair = _admin_and_chair()
    login(client, user)
    assert client.get(reverse("accounts:users")).status_code == 200

    client.post(SWITCH, {"membership": chair.pk})

    assert client.get(reverse("accounts:users")).status_code == 403


def test_someone_elses_membership_cannot_be_chosen(client):
    # given
    user, _chair = _admin_and_chair()
    stranger = user_with_role(Role.ZI_CHAIR)
    foreign = Membership.objects.get(user=stranger)
    login(client, user)

    # when
    response = client.post(SWITCH, {"membership": foreign.pk})

    # then: not one of the form's choices
    assert response.status_code == 200
    assert SESSION_ACTIVE_MEMBERSHIP not in client.session
    assert not events_of(user, EventType.ROLE_SWITCHED)


def test_revoked_membership_cannot_be_chosen(client):
    user, chair = _admin_and_chair()
    login(client, user)
    Membership.objects.filter(pk=chair.pk).update(is_active=False)

    response = client.post(SWITCH, {"membership": chair.pk})

    assert response.status_code == 200
    assert SESSION_ACTIVE_MEMBERSHIP not in client.session
