from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from razem.audit.events import EventType
from razem.audit.models import AuditEvent
from razem.core import crypto
from razem.people.models import Address, Person
from razem.people.tests.helpers import chair, make_person

OLD_KEYS = [Fernet.generate_key().decode()]
NEW_KEY = Fernet.generate_key().decode()


def _raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_round_trip():
    token = crypto.encrypt("Żółć 44051401359")

    assert token != "Żółć 44051401359"
    assert crypto.decrypt(token) == "Żółć 44051401359"


def test_decrypt_without_the_key_says_a_key_is_missing():
    token = crypto.encrypt("tajne")

    with override_settings(RAZEM_FIELD_KEYS=[NEW_KEY]), pytest.raises(ImproperlyConfigured):
        crypto.decrypt(token)


def test_blind_index_is_keyed_and_normalised():
    assert crypto.blind_index("4405 1401 359") == crypto.blind_index("44051401359")
    with override_settings(RAZEM_BLIND_INDEX_KEY="another"):
        other = crypto.blind_index("44051401359")
    assert other != crypto.blind_index("44051401359")


@pytest.mark.django_db
def test_values_in_the_database_are_not_plaintext():
    # given
    user = chair()
    person = make_person(user, pesel="80051712314", sex="", birth_date=None)
    address = Address.objects.create(
        person=person, municipality_id=person.municipality_id, kind="residence", city="Gliwice"
    )

    # then
    raw_pesel = _raw("people_person", "pesel", person.pk)
    raw_city = _raw("people_address", "city", address.pk)
    assert "80051712314" not in raw_pesel
    assert "Gliwice" not in raw_city
    assert Person.objects.get().pesel == "80051712314"
    assert Address.objects.get().city == "Gliwice"


@pytest.mark.django_db
def test_rotate_keys_re_encrypts_with_the_newest_key_and_the_old_key_can_go():
    # given: data encrypted under the old key list
    with override_settings(RAZEM_FIELD_KEYS=OLD_KEYS):
        person = make_person(chair(), pesel="80051712314", sex="", birth_date=None)
        address = Address.objects.create(
            person=person, municipality_id=person.municipality_id, kind="residence", city="Zabrze"
        )
        empty = Address.objects.create(
            person=person, municipality_id=person.municipality_id, kind="registered", city="B"
        )
    before = _raw("people_person", "pesel", person.pk)
    before_city = _raw("people_address", "city", address.pk)

    # when: a new key goes in front and the command runs
    with override_settings(RAZEM_FIELD_KEYS=[NEW_KEY, *OLD_KEYS]):
        call_command("rotate_keys", "--chunk-size", "1", stdout=StringIO())
        assert crypto.is_current(_raw("people_person", "pesel", person.pk))

    # then: the raw values changed and decrypt with the new key alone
    assert _raw("people_person", "pesel", person.pk) != before
    assert _raw("people_address", "city", address.pk) != before_city
    with override_settings(RAZEM_FIELD_KEYS=[NEW_KEY]):
        assert Person.objects.get(pk=person.pk).pesel == "80051712314"
        assert Address.objects.get(pk=address.pk).city == "Zabrze"
        assert Address.objects.get(pk=empty.pk).street == ""
    event = AuditEvent.objects.get(event_type=EventType.KEYS_ROTATED)
    assert event.extra_data["models"]["people.person"] == {"rows": 1, "re_encrypted": 1}
    assert event.extra_data["models"]["people.address"] == {"rows": 2, "re_encrypted": 2}


@pytest.mark.django_db
def test_rotate_keys_twice_leaves_current_rows_alone(capsys):
    person = make_person(chair(), pesel="80051712314", sex="", birth_date=None)
    before = _raw("people_person", "pesel", person.pk)

    call_command("rotate_keys")

    assert _raw("people_person", "pesel", person.pk) == before
    assert "Done: 0 rows re-encrypted." in capsys.readouterr().out
