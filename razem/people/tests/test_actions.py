from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from razem.accounts.roles import Role
from razem.audit.events import EventType
from razem.audit.log import MASK
from razem.audit.models import AuditEvent
from razem.core.crypto import blind_index
from razem.core.testing.factories import municipality, other_municipality, user_with_role
from razem.people import actions, pesel
from razem.people.models import (
    Contact,
    Household,
    Person,
    Relationship,
    RelationshipKind,
    Sex,
)
from razem.people.tests.helpers import chair, make_person

pytestmark = pytest.mark.django_db

VALID_PESEL = pesel.build(date(1980, 5, 17), 123, Sex.MALE)


def _last_event(event_type: EventType) -> AuditEvent:
    return AuditEvent.objects.filter(event_type=event_type).latest("id")


def test_create_person_fills_search_keys_encrypts_pesel_and_audits():
    # given
    user = chair()

    # when
    person = make_person(user, first_names="Łukasz", surname="Żółć", pesel=VALID_PESEL)

    # then
    person.refresh_from_db()
    assert person.surname_key == "zolc"
    assert person.first_names_key == "lukasz"
    assert person.pesel == VALID_PESEL
    assert person.pesel_index == blind_index(VALID_PESEL)
    assert person.created_by == user
    event = _last_event(EventType.PERSON_CREATED)
    assert event.actor_id == user.pk
    assert event.subject_id == str(person.pk)
    assert event.extra_data["changes"]["pesel"] == ["", MASK]
    assert event.extra_data["changes"]["surname"] == [None, "Żółć"]
    assert VALID_PESEL not in str(event.extra_data)


def test_create_person_derives_birth_date_and_sex_from_pesel():
    user = chair()

    person = make_person(user, birth_date=None, sex="", pesel=VALID_PESEL)

    assert person.birth_date == date(1980, 5, 17)
    assert person.sex == Sex.MALE


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"pesel": "44051401358"}, "pesel", pesel.PESEL_CHECKSUM),
        ({"pesel": "1234"}, "pesel", pesel.PESEL_FORMAT),
        ({"birth_date": date(1980, 5, 18), "pesel": VALID_PESEL}, "pesel", None),
        ({"sex": Sex.FEMALE, "pesel": VALID_PESEL}, "pesel", pesel.PESEL_SEX_MISMATCH),
        (
            {"birth_date": timezone.localdate() + timedelta(days=1)},
            "birth_date",
            actions.BIRTH_DATE_IN_FUTURE,
        ),
        ({"birth_date": None, "estimated_age": 131}, "estimated_age", actions.ESTIMATED_AGE_RANGE),
        ({"estimated_age": 40}, "estimated_age", actions.BIRTH_DATE_OR_AGE),
        ({"surname": "x" * 101}, "surname", None),
    ],
    ids=[
        "checksum_case",
        "length_case",
        "birth_date_mismatch_case",
        "sex_mismatch_case",
        "future_case",
        "age_range_case",
        "date_and_age_case",
        "too_long_case",
    ],
)
def test_create_person_refuses_bad_data_and_saves_nothing(fields, field, message):
    # given
    user = chair()

    # when
    with pytest.raises(ValidationError) as error:
        make_person(user, **fields)

    # then
    assert field in error.value.message_dict
    if message is not None:
        assert str(message) in error.value.message_dict[field]
    assert not Person.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.PERSON_CREATED).exists()


def test_create_person_needs_a_registry_role_in_the_municipality():
    user = chair()
    analyst = user_with_role(Role.VOIVODESHIP_ANALYST)

    with pytest.raises(PermissionDenied):
        actions.create_person(
            acting_user=user,
            municipality_id=other_municipality().pk,
            first_names="Jan",
            surname="Nowak",
        )
    with pytest.raises(PermissionDenied):
        actions.create_person(
            acting_user=analyst,
            municipality_id=municipality().pk,
            first_names="Jan",
            surname="Nowak",
        )
    assert not Person.objects.exists()


def test_estimated_age_gets_the_date_it_was_estimated_on():
    person = make_person(chair(), birth_date=None, estimated_age=40)

    assert person.estimated_age_on == timezone.localdate()


def test_update_person_saves_changes_bumps_version_and_audits_changed_fields():
    # given
    user = chair()
    person = make_person(user)

    # when
    actions.update_person(
        acting_user=user,
        person_id=person.pk,
        expected_version=1,
        changes={"surname": "Łęcki", "pesel": VALID_PESEL},
    )

    # then
    person.refresh_from_db()
    assert person.surname == "Łęcki"
    assert person.surname_key == "lecki"
    assert person.version == 2
    assert person.pesel_index == blind_index(VALID_PESEL)
    event = _last_event(EventType.PERSON_UPDATED)
    assert event.extra_data["changes"] == {
        "surname": ["Kowalski", "Łęcki"],
        "pesel": ["", MASK],
    }


def test_update_person_with_a_stale_version_is_refused_and_saves_nothing():
    # given: someone else saved in the meantime
    user = chair()
    person = make_person(user)
    actions.update_person(
        acting_user=user, person_id=person.pk, expected_version=1, changes={"surname": "Nowak"}
    )

    # when
    with pytest.raises(ValidationError) as error:
        actions.update_person(
            acting_user=user,
            person_id=person.pk,
            expected_version=1,
            changes={"surname": "Wiśniewski"},
        )

    # then
    assert error.value.messages == [str(actions.PERSON_CHANGED_MEANWHILE)]
    person.refresh_from_db()
    assert person.surname == "Nowak"
    assert person.version == 2
    assert AuditEvent.objects.filter(event_type=EventType.PERSON_UPDATED).count() == 1


def test_update_person_without_changes_writes_nothing():
    user = chair()
    person = make_person(user)

    actions.update_person(
        acting_user=user, person_id=person.pk, expected_version=1, changes={"surname": "Kowalski"}
    )

    person.refresh_from_db()
    assert person.version == 1
    assert not AuditEvent.objects.filter(event_type=EventType.PERSON_UPDATED).exists()


def test_add_and_update_address_are_encrypted_and_masked_in_the_audit():
    # given
    user = chair()
    person = make_person(user)

    # when
    address = actions.add_address(
        acting_user=user,
        person_id=person.pk,
        kind="residence",
        street="ul. Zwycięstwa 1/2",
        postal_code="44-100",
        city="Gliwice",
        is_confidential=True,
    )
    actions.update_address(
        acting_user=user,
        address_id=address.pk,
        expected_version=1,
        changes={"city": "Zabrze"},
    )

    # then
    address.refresh_from_db()
    assert address.city == "Zabrze"
    assert address.version == 2
    assert address.municipality_id == person.municipality_id
    with connection.cursor() as cursor:
        cursor.execute("SELECT city FROM people_address WHERE id = %s", [address.pk])
        assert "Zabrze" not in cursor.fetchone()[0]
    added = _last_event(EventType.ADDRESS_ADDED)
    assert added.extra_data["changes"]["street"] == ["", MASK]
    assert "Zwycięstwa" not in str(added.extra_data)
    assert _last_event(EventType.ADDRESS_UPDATED).extra_data["changes"] == {"city": [MASK, MASK]}


def test_add_contact_validates_the_kind():
    user = chair()
    person = make_person(user)

    with pytest.raises(ValidationError) as error:
        actions.add_contact(acting_user=user, person_id=person.pk, kind="email", value="nie")
    assert error.value.message_dict["value"] == [str(actions.CONTACT_EMAIL_INVALID)]
    with pytest.raises(ValidationError) as error:
        actions.add_contact(acting_user=user, person_id=person.pk, kind="phone", value="abc")
    assert error.value.message_dict["value"] == [str(actions.CONTACT_PHONE_INVALID)]

    contact = actions.add_contact(
        acting_user=user, person_id=person.pk, kind="phone", value="+48 600 100 200"
    )
    assert Contact.objects.get().value == "+48 600 100 200"
    assert _last_event(EventType.CONTACT_ADDED).extra_data["contact"] == contact.pk


def test_add_relationship_stores_both_directions_and_remove_deletes_both():
    # given
    user = chair()
    mother = make_person(user, first_names="Anna", sex="F", birth_date=date(1970, 1, 1))
    child = make_person(user, first_names="Ola", sex="F", birth_date=date(2010, 1, 1))

    # when
    relationship = actions.add_relationship(
        acting_user=user,
        person_id=mother.pk,
        related_person_id=child.pk,
        kind=RelationshipKind.PARENT,
    )

    # then
    kinds = dict(Relationship.objects.values_list("person_id", "kind"))
    assert kinds == {mother.pk: RelationshipKind.PARENT, child.pk: RelationshipKind.CHILD}
    assert _last_event(EventType.RELATIONSHIP_ADDED).extra_data == {
        "related_person": child.pk,
        "kind": "parent",
    }

    # when
    actions.remove_relationship(acting_user=user, relationship_id=relationship.pk)

    # then
    assert not Relationship.objects.exists()
    assert _last_event(EventType.RELATIONSHIP_REMOVED).subject_id == str(mother.pk)


def test_add_relationship_refusals():
    user = chair()
    person = make_person(user)
    other = make_person(user, first_names="Piotr")
    actions.add_relationship(
        acting_user=user, person_id=person.pk, related_person_id=other.pk, kind="sibling"
    )

    with pytest.raises(ValidationError) as error:
        actions.add_relationship(
            acting_user=user, person_id=person.pk, related_person_id=person.pk, kind="sibling"
        )
    assert error.value.message_dict["related_person"] == [str(actions.RELATIONSHIP_SELF)]
    with pytest.raises(ValidationError) as error:
        actions.add_relationship(
            acting_user=user, person_id=other.pk, related_person_id=person.pk, kind="sibling"
        )
    assert error.value.message_dict["related_person"] == [str(actions.RELATIONSHIP_EXISTS)]


def test_add_relationship_across_municipalities_is_refused():
    # given: a chair of two municipalities
    user = chair()
    from razem.core.testing.factories import InstitutionFactory, MembershipFactory

    MembershipFactory(
        user=user,
        institution=InstitutionFactory(municipality=other_municipality()),
        role=Role.ZI_CHAIR,
    )
    here = make_person(user)
    there = actions.create_person(
        acting_user=user,
        municipality_id=other_municipality().pk,
        first_names="Ewa",
        surname="Nowak",
    )

    with pytest.raises(ValidationError) as error:
        actions.add_relationship(
            acting_user=user, person_id=here.pk, related_person_id=there.pk, kind="sibling"
        )
    assert error.value.message_dict["related_person"] == [
        str(actions.RELATIONSHIP_OTHER_MUNICIPALITY)
    ]
    assert not Relationship.objects.exists()


def test_households():
    user = chair()
    person = make_person(user)

    household = actions.create_household(
        acting_user=user, municipality_id=person.municipality_id, label="Kowalscy"
    )
    actions.add_household_member(acting_user=user, household_id=household.pk, person_id=person.pk)

    assert list(Household.objects.get().members.all()) == [person]
    with pytest.raises(ValidationError) as error:
        actions.add_household_member(
            acting_user=user, household_id=household.pk, person_id=person.pk
        )
    assert error.value.message_dict["person"] == [str(actions.HOUSEHOLD_MEMBER_EXISTS)]
    assert AuditEvent.objects.filter(event_type=EventType.HOUSEHOLD_CHANGED).count() == 2


def test_pesel_column_keeps_no_plaintext():
    user = chair()
    person = make_person(user, pesel=VALID_PESEL)

    with connection.cursor() as cursor:
        cursor.execute("SELECT pesel FROM people_person WHERE id = %s", [person.pk])
        raw = cursor.fetchone()[0]
    assert raw != VALID_PESEL
    assert VALID_PESEL not in raw
