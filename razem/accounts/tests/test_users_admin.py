import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from razem.accounts import actions
from razem.accounts.models import Membership, User
from razem.accounts.roles import Role
from razem.accounts.tests.helpers import events, post_password
from razem.audit.events import EventType
from razem.core.testing.auth import login
from razem.core.testing.factories import (
    InstitutionFactory,
    MembershipFactory,
    municipality,
    other_municipality,
    user_with_role,
)

pytestmark = pytest.mark.django_db

USERS = reverse("accounts:users")
CREATE = reverse("accounts:user_create")


@pytest.fixture
def admin(client):  # type: ignore[no-untyped-def]
    user = user_with_role(Role.MUNICIPALITY_ADMIN)
    login(client, user)
    return user


@pytest.fixture
def colleague():  # type: ignore[no-untyped-def]
    return user_with_role(Role.ZI_MEMBER, last_name="Kowalska")


@pytest.fixture
def outsider():  # type: ignore[no-untyped-def]
    return user_with_role(Role.ZI_MEMBER, municipality_obj=other_municipality())


def _request(client, admin):  # type: ignore[no-untyped-def]
    """A request object carrying the admin, for calling actions directly."""
    request = client.get(USERS).wsgi_request
    request.user = admin
    return request


# --- list -----------------------------------------------------------------------------------


def test_list_shows_only_users_of_the_municipality(client, admin, colleague, outsider):
    html = client.get(USERS).content.decode()

    assert colleague.username in html
    assert outsider.username not in html


def test_list_search(client, admin, colleague):
    other = user_with_role(Role.ZI_MEMBER, last_name="Nowak")

    html = client.get(USERS, {"q": "kowal"}).content.decode()

    assert colleague.username in html
    assert other.username not in html


def test_list_is_paginated_with_a_fixed_number_of_queries(client, admin):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(USERS, {"page": 2}).status_code == 200
        return len(queries)

    institution = InstitutionFactory()
    for _ in range(30):
        MembershipFactory(institution=institution, role=Role.ZI_MEMBER)
    few = count()
    for _ in range(40):
        MembershipFactory(institution=institution, role=Role.GROUP_MEMBER)
    many = count()

    assert few == many <= 12


def test_other_roles_cannot_open_administration(client):
    login(client, user_with_role(Role.ZI_CHAIR))

    assert client.get(USERS).status_code == 403
    assert client.get(CREATE).status_code == 403


# --- create ---------------------------------------------------------------------------------


def _new_user_data(institution, **extra):  # type: ignore[no-untyped-def]
    data = {
        "username": "jan.nowak",
        "first_name": "Jan",
        "last_name": "Nowak",
        "email": "jan.nowak@example.org",
        "password": "",
        "institution": institution.pk,
        "role": Role.GROUP_MEMBER.value,
    }
    data.update(extra)
    return data


def test_create_user_with_a_generated_password_shown_once(client, admin):
    # given
    institution = InstitutionFactory()

    # when
    response = client.post(CREATE, _new_user_data(institution))
    user = User.objects.get(username="jan.nowak")
    first = client.get(response["Location"])
    second = client.get(response["Location"])

    # then
    assert response["Location"] == reverse("accounts:user_detail", args=[user.pk])
    password = first.context["new_password"]
    assert password
    assert password in first.content.decode()
    assert second.context["new_password"] is None
    assert Membership.objects.get(user=user).role == Role.GROUP_MEMBER
    [created] = events(EventType.USER_CREATED, actor_id=admin.pk)
    assert created.extra_data == {"username": "jan.nowak", "password_generated": True}
    assert created.municipality_id == institution.municipality_id
    assert password not in str(created.extra_data)
    assert len(events(EventType.MEMBERSHIP_GRANTED, actor_id=admin.pk)) == 1
    assert post_password(Client(), "jan.nowak", password).status_code == 302


def test_create_user_with_a_taken_name_saves_nothing(client, admin, colleague):
    institution = InstitutionFactory()

    response = client.post(CREATE, _new_user_data(institution, username=colleague.username))

    assert response.status_code == 200
    assert str(actions.USERNAME_TAKEN) in response.content.decode()
    assert not events(EventType.USER_CREATED)


def test_create_user_with_a_weak_password_saves_nothing(client, admin):
    response = client.post(CREATE, _new_user_data(InstitutionFactory(), password="krotkie"))

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.filter(username="jan.nowak").exists()


def test_create_user_refuses_an_institution_of_another_municipality(client, admin):
    foreign = InstitutionFactory(municipality=other_municipality())

    response = client.post(CREATE, _new_user_data(foreign))

    assert response.status_code == 200
    assert not User.objects.filter(username="jan.nowak").exists()


# --- grant and revoke -----------------------------------------------------------------------


def test_grant_a_role(client, admin, colleague):
    institution = InstitutionFactory()
    url = reverse("accounts:membership_grant", args=[colleague.pk])

    response = client.post(url, {"institution": institution.pk, "role": Role.ZI_CHAIR.value})

    assert response.status_code == 302
    assert Membership.objects.filter(user=colleague, role=Role.ZI_CHAIR, is_active=True).exists()
    [event] = events(EventType.MEMBERSHIP_GRANTED, actor_id=admin.pk)
    assert event.subject_id == str(colleague.pk)


def test_voivodeship_role_cannot_be_granted(client, admin, colleague):
    url = reverse("accounts:membership_grant", args=[colleague.pk])
    institution = InstitutionFactory()

    response = client.post(
        url, {"institution": institution.pk, "role": Role.VOIVODESHIP_ANALYST.value}
    )
    with pytest.raises(ValidationError) as error:
        actions.grant_membership(
            request=_request(client, admin),
            acting_user=admin,
            municipality_id=institution.municipality_id,
            user=colleague,
            institution=institution,
            role=Role.VOIVODESHIP_ANALYST,
        )

    assert response.status_code == 200
    assert error.value.message_dict == {"role": [str(actions.ROLE_NOT_GRANTABLE)]}
    assert not events(EventType.MEMBERSHIP_GRANTED)


def test_institution_of_another_municipality_is_refused_by_the_action(client, admin, colleague):
    foreign = InstitutionFactory(municipality=other_municipality())

    with pytest.raises(ValidationError) as error:
        actions.grant_membership(
            request=_request(client, admin),
            acting_user=admin,
            municipality_id=municipality().pk,
            user=colleague,
            institution=foreign,
            role=Role.ZI_CHAIR,
        )

    assert error.value.message_dict == {"institution": [str(actions.INSTITUTION_ELSEWHERE)]}


def test_role_already_held_is_refused(client, admin, colleague):
    held = Membership.objects.get(user=colleague)
    url = reverse("accounts:membership_grant", args=[colleague.pk])

    response = client.post(url, {"institution": held.institution_id, "role": held.role})

    assert response.status_code == 200
    assert str(actions.ROLE_ALREADY_HELD) in response.content.decode()


def test_revoke_a_role_then_grant_it_again(client, admin, colleague):
    # given
    held = Membership.objects.get(user=colleague)
    revoke = reverse("accounts:membership_revoke", args=[held.pk])

    # when
    confirm = client.get(revoke)
    client.post(revoke)
    held.refresh_from_db()
    revoked_state = held.is_active
    client.post(
        reverse("accounts:membership_grant", args=[colleague.pk]),
        {"institution": held.institution_id, "role": held.role},
    )
    held.refresh_from_db()

    # then
    assert confirm.status_code == 200
    assert revoked_state is False
    assert held.is_active is True
    assert Membership.objects.filter(user=colleague).count() == 1
    assert len(events(EventType.MEMBERSHIP_REVOKED, actor_id=admin.pk)) == 1


def test_admin_cannot_revoke_their_own_admin_role(client, admin):
    own = Membership.objects.get(user=admin)

    response = client.post(reverse("accounts:membership_revoke", args=[own.pk]), follow=True)

    own.refresh_from_db()
    assert own.is_active
    assert str(actions.CANNOT_REVOKE_OWN_ADMIN) in response.content.decode()


# --- disable --------------------------------------------------------------------------------


def test_disable_a_user_ends_their_session(client, admin, colleague):
    # given
    theirs = Client()
    login(theirs, colleague)
    url = reverse("accounts:user_disable", args=[colleague.pk])

    # when
    confirm = client.get(url)
    response = client.post(url)

    # then
    colleague.refresh_from_db()
    assert confirm.status_code == 200
    assert response.status_code == 302
    assert colleague.is_active is False
    assert theirs.get(reverse("accounts:security")).status_code == 302
    [event] = events(EventType.USER_DISABLED, actor_id=admin.pk)
    assert event.subject_id == str(colleague.pk)


def test_admin_cannot_disable_themselves(client, admin):
    response = client.post(reverse("accounts:user_disable", args=[admin.pk]), follow=True)

    admin.refresh_from_db()
    assert admin.is_active
    assert str(actions.CANNOT_DISABLE_SELF) in response.content.decode()


def test_user_with_roles_elsewhere_cannot_be_disabled(client, admin, colleague):
    MembershipFactory(
        user=colleague,
        institution=InstitutionFactory(municipality=other_municipality()),
        role=Role.ZI_MEMBER,
    )

    response = client.post(reverse("accounts:user_disable", args=[colleague.pk]), follow=True)

    colleague.refresh_from_db()
    assert colleague.is_active
    assert str(actions.CANNOT_DISABLE_ELSEWHERE) in response.content.decode()


# --- another municipality -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["accounts:user_detail", "accounts:membership_grant", "accounts:user_disable"]
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_users_of_another_municipality_are_not_found(client, admin, outsider, name, method):
    response = getattr(client, method)(reverse(name, args=[outsider.pk]))

    outsider.refresh_from_db()
    assert response.status_code == 404
    assert outsider.is_active


@pytest.mark.parametrize("method", ["get", "post"])
def test_memberships_of_another_municipality_are_not_found(client, admin, outsider, method):
    foreign = Membership.objects.get(user=outsider)

    response = getattr(client, method)(reverse("accounts:membership_revoke", args=[foreign.pk]))

    foreign.refresh_from_db()
    assert response.status_code == 404
    assert foreign.is_active
