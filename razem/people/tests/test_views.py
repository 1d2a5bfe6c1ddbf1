from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from razem.accounts.roles import Role
from razem.audit.events import EventType
from razem.audit.models import AuditEvent
from razem.core.testing.auth import login
from razem.core.testing.factories import other_municipality, user_with_role
from razem.people import actions, pesel
from razem.people.models import Address, Contact, Person, Relationship, Sex
from razem.people.tests.helpers import bulk_persons, chair, make_person

pytestmark = pytest.mark.django_db

VALID_PESEL = pesel.build(date(1980, 5, 17), 123, Sex.MALE)
NO_PERSONS_ROLES = [
    Role.VOIVODESHIP_ANALYST,
    Role.DATA_PROTECTION_OFFICER,
    Role.MUNICIPALITY_ADMIN,
    Role.PROGRAMME_STAFF,
    Role.PREVENTION_COORDINATOR,
]


def _events(event_type: EventType) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_type=event_type))


def _person_post(**overrides) -> dict:  # type: ignore[no-untyped-def]
    data = {
        "first_names": "Łukasz",
        "surname": "Żółć",
        "sex": "M",
        "birth_date": "1980-05-17",
        "pesel": VALID_PESEL,
        "citizenship": "polskie",
    }
    data.update(overrides)
    return data


# --- who may open what


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("people:list"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role", NO_PERSONS_ROLES)
def test_roles_without_the_registry_get_403_on_the_list_and_404_on_a_person(client, role):
    person = make_person(chair())
    login(client, user_with_role(role))

    assert client.get(reverse("people:list")).status_code == 403
    assert client.get(reverse("people:create")).status_code == 403
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 404
    assert client.get(reverse("people:edit", args=[person.pk])).status_code == 404


def test_chair_of_another_municipality_gets_404(client):
    person = make_person(chair())
    login(client, chair(other_municipality()))

    for name in ("detail", "edit", "address_add", "contact_add", "relationship_add"):
        assert client.get(reverse(f"people:{name}", args=[person.pk])).status_code == 404
    assert person.surname not in client.get(reverse("people:list")).content.decode()


def test_member_sees_only_own_persons_on_the_list_and_404_on_others(client):
    member = user_with_role(Role.ZI_MEMBER)
    own = make_person(member, surname="Własna")
    colleague = make_person(user_with_role(Role.ZI_MEMBER), surname="Cudza")
    login(client, member)

    page = client.get(reverse("people:list")).content.decode()

    assert "Własna" in page
    assert "Cudza" not in page
    assert client.get(reverse("people:detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("people:detail", args=[colleague.pk])).status_code == 404


# --- list


def test_empty_list_says_so_helpfully(client):
    login(client, chair())

    response = client.get(reverse("people:list"))

    assert response.status_code == 200
    assert gettext("There are no persons you may see yet.") in response.content.decode()


def test_search_without_results_explains_what_to_do(client):
    user = chair()
    make_person(user)
    login(client, user)

    response = client.get(reverse("people:list"), {"q": "Zzz"})

    assert gettext("No person matches this search.") in response.content.decode()


def test_list_searches_without_diacritics_and_audits_only_the_query_length(client):
    # given
    user = chair()
    make_person(user, first_names="Łukasz", surname="Żółć")
    make_person(user, first_names="Jan", surname="Nowak")
    login(client, user)

    # when
    response = client.get(reverse("people:list"), {"q": "zolc"})

    # then
    page = response.content.decode()
    assert "Żółć" in page
    assert "Nowak" not in page
    (event,) = _events(EventType.PERSON_SEARCHED)
    assert event.extra_data["query_length"] == 4
    assert "zolc" not in str(event.extra_data)
    assert event.actor_id == user.pk


def test_plain_list_writes_one_listed_event(client):
    user = chair()
    make_person(user)
    login(client, user)

    client.get(reverse("people:list"))

    assert len(_events(EventType.PERSON_LISTED)) == 1
    assert not _events(EventType.PERSON_SEARCHED)


def test_htmx_search_returns_only_the_results(client):
    user = chair()
    make_person(user, surname="Żółć")
    login(client, user)

    response = client.get(reverse("people:list"), {"q": "zo"}, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert "Żółć" in page
    assert "<html" not in page


def test_list_filters_stay_in_pagination_links(client):
    user = chair()
    bulk_persons(user, 60)
    login(client, user)

    response = client.get(reverse("people:list"), {"disability": "no", "sort": "-created"})

    page = response.content.decode()
    assert "disability=no&amp;sort=-created&amp;page=2" in page
    assert response.context["page"].paginator.count == 60
    assert len(response.context["page"].object_list) == 50


def _list_query_count(client, rows: int) -> int:  # type: ignore[no-untyped-def]
    user = chair()
    bulk_persons(user, rows)
    login(client, user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("people:list"), {"q": "nazw", "sort": "-created"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(rows, 50)
    return len([q for q in queries if "SAVEPOINT" not in q["sql"]])


def test_list_runs_a_fixed_number_of_queries(client):
    small = _list_query_count(client, 10)
    Person.objects.all().delete()
    large = _list_query_count(client, 60)

    assert small == large
    assert large <= 12


# --- detail


def test_detail_writes_exactly_one_viewed_event_and_runs_fixed_queries(client):
    # given
    user = chair()
    person = make_person(user, pesel=VALID_PESEL)
    other = make_person(user, first_names="Anna", sex="F", pesel="")
    actions.add_relationship(
        acting_user=user, person_id=person.pk, related_person_id=other.pk, kind="spouse"
    )
    actions.add_contact(acting_user=user, person_id=person.pk, kind="phone", value="600100200")
    actions.add_address(acting_user=user, person_id=person.pk, kind="residence", city="Gliwice")
    login(client, user)

    # when
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("people:detail", args=[person.pk]))

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert VALID_PESEL in page
    assert "600100200" in page
    assert "Gliwice" in page
    assert "Anna Kowalski" in page
    (event,) = _events(EventType.PERSON_VIEWED)
    assert event.subject_id == str(person.pk)
    assert event.municipality_id == person.municipality_id
    # Savepoints come from the test's own transaction, not from the page.
    assert len([q for q in queries if "SAVEPOINT" not in q["sql"]]) <= 12
    inserts = [q for q in queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1


def test_confidential_address_is_hidden_from_others_and_shown_audited_to_the_chair(client):
    # given: a member records a person, the chair records a confidential address
    member = user_with_role(Role.ZI_MEMBER)
    person = make_person(member)
    the_chair = chair()
    actions.add_address(
        acting_user=the_chair,
        person_id=person.pk,
        kind="residence",
        street="ul. Tajna 5",
        city="Gliwice",
        is_confidential=True,
    )

    # when the member opens the person
    login(client, member)
    page = client.get(reverse("people:detail", args=[person.pk])).content.decode()

    # then
    assert "Tajna" not in page
    assert gettext("confidential address — hidden") in page
    assert not _events(EventType.CONFIDENTIAL_ADDRESS_VIEWED)

    # when the chair opens it
    login(client, the_chair)
    page = client.get(reverse("people:detail", args=[person.pk])).content.decode()

    # then
    assert "ul. Tajna 5" in page
    (event,) = _events(EventType.CONFIDENTIAL_ADDRESS_VIEWED)
    assert event.actor_id == the_chair.pk


def test_related_person_not_visible_to_the_viewer_is_not_named(client):
    member = user_with_role(Role.ZI_MEMBER)
    own = make_person(member)
    the_chair = chair()
    hidden = make_person(the_chair, first_names="Ukryta", surname="Osoba", sex="F")
    actions.add_relationship(
        acting_user=the_chair, person_id=own.pk, related_person_id=hidden.pk, kind="sibling"
    )
    login(client, member)

    page = client.get(reverse("people:detail", args=[own.pk])).content.decode()

    assert "Ukryta" not in page


# --- create and edit


def test_create_person(client):
    user = chair()
    login(client, user)

    response = client.post(reverse("people:create"), _person_post())

    person = Person.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    assert person.surname_key == "zolc"
    assert person.created_by == user
    assert len(_events(EventType.PERSON_CREATED)) == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"pesel": "44051401358"}, "pesel", pesel.PESEL_CHECKSUM),
        ({"pesel": "123"}, "pesel", pesel.PESEL_FORMAT),
        ({"sex": "F"}, "pesel", pesel.PESEL_SEX_MISMATCH),
        ({"birth_date": "1980-05-18"}, "pesel", None),
        (
            {"pesel": "", "birth_date": str(timezone.localdate() + timedelta(days=1))},
            "birth_date",
            actions.BIRTH_DATE_IN_FUTURE,
        ),
        ({"surname": "x" * 101}, "surname", None),
        ({"first_names": ""}, "first_names", None),
    ],
    ids=["checksum", "length", "sex", "birth_date", "future", "too_long", "missing"],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(
    client, overrides, field, message
):
    login(client, chair())

    response = client.post(reverse("people:create"), _person_post(**overrides))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    if message is not None:
        assert str(message) in form.errors[field]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Person.objects.exists()
    assert not _events(EventType.PERSON_CREATED)


def test_edit_person(client):
    user = chair()
    person = make_person(user)
    login(client, user)
    form = client.get(reverse("people:edit", args=[person.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(surname="Nowak", birth_date="1980-05-17")

    response = client.post(reverse("people:edit", args=[person.pk]), data)

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.surname == "Nowak"
    assert person.version == 2


def test_edit_conflict_is_refused_with_a_message_and_nothing_saved(client):
    # given: two users open the form at version 1; the first saves
    user = chair()
    person = make_person(user)
    actions.update_person(
        acting_user=user, person_id=person.pk, expected_version=1, changes={"surname": "Nowak"}
    )
    login(client, user)

    # when the second saves with the old version
    response = client.post(
        reverse("people:edit", args=[person.pk]),
        _person_post(surname="Wiśniewski", pesel="", version=1),
    )

    # then
    assert response.status_code == 200
    assert str(actions.PERSON_CHANGED_MEANWHILE) in response.content.decode()
    person.refresh_from_db()
    assert person.surname == "Nowak"
    assert person.version == 2


# --- addresses, contacts, relationships


def test_add_address_contact_and_relationship(client):
    user = chair()
    person = make_person(user)
    other = make_person(user, first_names="Ewa", sex="F")
    login(client, user)

    assert client.get(reverse("people:address_add", args=[person.pk])).status_code == 200
    response = client.post(
        reverse("people:address_add", args=[person.pk]),
        {"kind": "residence", "street": "ul. Długa 1", "postal_code": "44-100", "city": "Gliwice"},
    )
    assert response.status_code == 302
    assert Address.objects.get().street == "ul. Długa 1"

    response = client.post(
        reverse("people:contact_add", args=[person.pk]), {"kind": "email", "value": "a@b.pl"}
    )
    assert response.status_code == 302
    assert Contact.objects.get().value == "a@b.pl"

    response = client.post(
        reverse("people:relationship_add", args=[person.pk]),
        {"kind": "spouse", "related_person": other.pk},
    )
    assert response.status_code == 302
    assert Relationship.objects.count() == 2


def test_bad_contact_is_shown_next_to_the_field(client):
    user = chair()
    person = make_person(user)
    login(client, user)

    response = client.post(
        reverse("people:contact_add", args=[person.pk]), {"kind": "email", "value": "nie-mail"}
    )

    assert response.status_code == 200
    assert str(actions.CONTACT_EMAIL_INVALID) in response.context["form"].errors["value"]
    assert not Contact.objects.exists()


def test_relationship_to_an_invisible_person_is_not_offered(client):
    officer = user_with_role(Role.INITIATING_OFFICER)
    person = make_person(officer)
    foreign = make_person(chair(), first_names="Obca")
    login(client, officer)

    response = client.post(
        reverse("people:relationship_add", args=[person.pk]),
        {"kind": "spouse", "related_person": foreign.pk},
    )

    assert response.status_code == 200
    assert "related_person" in response.context["form"].errors
    assert not Relationship.objects.exists()
