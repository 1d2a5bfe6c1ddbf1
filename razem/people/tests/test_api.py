from datetime import date

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from razem.accounts.roles import Role
from razem.audit.events import EventType
from razem.audit.models import AuditEvent
from razem.core.testing.factories import other_municipality, user_with_role
from razem.people import actions, api, pesel
from razem.people.models import Person, Sex
from razem.people.tests.helpers import chair, make_person

pytestmark = pytest.mark.django_db

VALID_PESEL = pesel.build(date(1980, 5, 17), 123, Sex.MALE)


def _client(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    token = Token.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_anonymous_gets_401():
    response = APIClient().get(reverse("api-people-list"))

    assert response.status_code in {401, 403}


def test_list_searches_and_audits_without_the_query():
    # given
    user = chair()
    make_person(user, first_names="Łukasz", surname="Żółć")
    make_person(user, surname="Nowak")

    # when
    response = _client(user).get(reverse("api-people-list"), {"q": "zolc"})

    # then
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert response.json()["results"][0]["surname"] == "Żółć"
    event = AuditEvent.objects.get(event_type=EventType.PERSON_SEARCHED)
    assert event.extra_data == {"query_length": 4, "results": 1, "api": True}


def test_list_is_forbidden_for_roles_outside_the_registry():
    response = _client(user_with_role(Role.DATA_PROTECTION_OFFICER)).get(reverse("api-people-list"))

    assert response.status_code == 403


def test_list_rejects_bad_filters_as_json():
    response = _client(chair()).get(reverse("api-people-list"), {"age_group": "ancient"})

    assert response.status_code == 400
    assert "age_group" in response.json()


def test_detail_follows_the_access_rules_and_hides_confidential_addresses():
    # given
    member = user_with_role(Role.ZI_MEMBER)
    person = make_person(member, pesel=VALID_PESEL)
    actions.add_address(
        acting_user=chair(),
        person_id=person.pk,
        kind="residence",
        street="ul. Tajna 5",
        city="Gliwice",
        is_confidential=True,
    )

    # when
    response = _client(member).get(reverse("api-people-detail", args=[person.pk]))

    # then
    body = response.json()
    assert response.status_code == 200
    assert body["pesel"] == VALID_PESEL
    assert body["addresses"][0]["text"] == str(api.CONFIDENTIAL_HIDDEN)
    assert "Tajna" not in response.content.decode()
    assert AuditEvent.objects.filter(event_type=EventType.PERSON_VIEWED).count() == 1
    other = _client(chair(other_municipality())).get(reverse("api-people-detail", args=[person.pk]))
    assert other.status_code == 404


def test_create_validates_like_the_form_and_saves_nothing_on_bad_input():
    user = chair()
    client = _client(user)

    bad = client.post(
        reverse("api-people-list"),
        {"first_names": "Jan", "surname": "Kowalski", "pesel": "44051401358"},
        format="json",
    )
    assert bad.status_code == 400
    assert bad.json()["pesel"] == [str(pesel.PESEL_CHECKSUM)]
    assert not Person.objects.exists()

    good = client.post(
        reverse("api-people-list"),
        {"first_names": "Jan", "surname": "Kowalski", "pesel": VALID_PESEL},
        format="json",
    )
    assert good.status_code == 201
    person = Person.objects.get()
    assert good.json() == {"id": person.pk, "version": 1}
    assert person.birth_date == date(1980, 5, 17)
    assert person.created_by == user
