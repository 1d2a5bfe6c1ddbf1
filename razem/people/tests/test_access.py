import pytest
from django.http import Http404

from razem.accounts.roles import Role
from razem.core.testing.factories import municipality, other_municipality, user_with_role
from razem.people import access, actions
from razem.people.tests.helpers import chair, make_person

pytestmark = pytest.mark.django_db

NO_PERSONS_ROLES = [
    Role.VOIVODESHIP_ANALYST,
    Role.DATA_PROTECTION_OFFICER,
    Role.MUNICIPALITY_ADMIN,
    Role.PROGRAMME_STAFF,
    Role.PREVENTION_COORDINATOR,
]
RECORDING_ROLES = [Role.ZI_MEMBER, Role.GROUP_MEMBER, Role.INITIATING_OFFICER]


def test_chair_sees_every_person_of_the_municipality():
    # given
    officer = user_with_role(Role.INITIATING_OFFICER)
    person = make_person(officer)

    # when / then
    assert access.access_person(chair(), person.pk) == person


@pytest.mark.parametrize("role", RECORDING_ROLES)
def test_other_registry_roles_see_only_the_persons_they_recorded(role):
    # given
    user = user_with_role(role)
    own = make_person(user)
    colleague = make_person(user_with_role(role))

    # when / then
    assert access.access_person(user, own.pk) == own
    with pytest.raises(Http404):
        access.access_person(user, colleague.pk)
    assert list(access.persons_visible_to(user)) == [own]


def test_chair_of_another_municipality_sees_nothing():
    person = make_person(chair())
    stranger = chair(other_municipality())

    with pytest.raises(Http404):
        access.access_person(stranger, person.pk)
    assert not access.persons_visible_to(stranger).exists()


def test_recorder_who_moved_away_no_longer_sees_the_persons_recorded_there():
    # given: the officer's role is now in another municipality only
    officer = user_with_role(Role.INITIATING_OFFICER)
    person = make_person(officer)
    officer.memberships.update(is_active=False)
    officer = type(officer).objects.get(pk=officer.pk)

    with pytest.raises(Http404):
        access.access_person(officer, person.pk)


@pytest.mark.parametrize("role", NO_PERSONS_ROLES)
def test_roles_outside_the_registry_see_no_person(role):
    person = make_person(chair())
    user = user_with_role(role)

    assert not access.can_open_registry(user)
    assert not access.persons_visible_to(user).exists()
    with pytest.raises(Http404):
        access.access_person(user, person.pk)


def test_missing_person_is_404():
    with pytest.raises(Http404):
        access.access_person(chair(), 999_999)


def test_confidential_address_only_for_the_chair_and_who_recorded_it():
    # given
    member = user_with_role(Role.ZI_MEMBER)
    person = make_person(member)
    address = actions.add_address(
        acting_user=member,
        person_id=person.pk,
        kind="residence",
        city="Gliwice",
        is_confidential=True,
    )
    other_member = user_with_role(Role.ZI_MEMBER)
    foreign_chair = chair(other_municipality())

    # then
    assert access.can_see_confidential_address(member, address)
    assert access.can_see_confidential_address(chair(municipality()), address)
    assert not access.can_see_confidential_address(other_member, address)
    assert not access.can_see_confidential_address(foreign_chair, address)


def test_ordinary_address_is_visible_to_whoever_sees_the_person():
    member = user_with_role(Role.ZI_MEMBER)
    person = make_person(member)
    address = actions.add_address(
        acting_user=member, person_id=person.pk, kind="residence", city="Gliwice"
    )

    assert access.can_see_confidential_address(user_with_role(Role.ZI_MEMBER), address)


def test_confidential_address_cannot_be_fetched_by_a_chair_of_another_place_or_member():
    # given: recorded by the chair, the officer who recorded the person may not see it
    officer = user_with_role(Role.INITIATING_OFFICER)
    person = make_person(officer)
    the_chair = chair()
    address = actions.add_address(
        acting_user=the_chair,
        person_id=person.pk,
        kind="residence",
        city="Gliwice",
        is_confidential=True,
    )

    assert access.access_address(the_chair, address.pk) == address
    with pytest.raises(Http404):
        access.access_address(officer, address.pk)
