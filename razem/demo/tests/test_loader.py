from datetime import date

import pytest

from razem.accounts.models import Membership, User
from razem.accounts.roles import Role
from razem.audit.events import EventType
from razem.audit.models import AuditEvent
from razem.demo import places
from razem.demo.loader import DEMO_USERS, load_demo
from razem.demo.synthetic import pesel_for
from razem.people.models import Person

TODAY = date(2026, 11, 21)


@pytest.mark.django_db
def test_demo_has_one_user_per_role_with_a_second_factor():
    load_demo(today=TODAY)

    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role)
    for demo in DEMO_USERS:
        user = User.objects.get(username=demo.username)
        assert user.totpdevice_set.filter(confirmed=True).count() == 1


@pytest.mark.django_db
def test_demo_is_idempotent_and_keeps_user_changes():
    first = load_demo(today=TODAY)
    person = Person.objects.filter(municipality__teryt=places.GLIWICE).first()
    person.surname = "Zmieniona"
    person.save(update_fields=["surname"])
    persons = Person.objects.count()

    second = load_demo(today=TODAY)

    assert first["persons"] == persons
    assert second == {"institutions": 0, "users": 0, "persons": 0}
    assert Person.objects.count() == persons
    person.refresh_from_db()
    assert person.surname == "Zmieniona"
    assert AuditEvent.objects.filter(event_type=EventType.DEMO_LOADED).count() == 1


@pytest.mark.django_db
def test_demo_persons_live_in_households_in_the_seed_municipalities():
    load_demo(today=TODAY)

    counts = {
        teryt: Person.objects.filter(municipality__teryt=teryt).count()
        for teryt in places.MUNICIPALITIES
    }
    assert all(
        count >= wanted
        for count, (_p, _l, wanted) in zip(
            counts.values(), places.MUNICIPALITIES.values(), strict=True
        )
    )
    assert sum(counts.values()) >= 300
    assert not Person.objects.filter(households__isnull=True).exists()


def test_generated_pesel_is_valid_and_matches_date_and_sex():
    from razem.people.pesel import check_pesel

    for birth, sex in [(date(1985, 3, 9), "F"), (date(2004, 12, 31), "M"), (date(1899, 1, 1), "M")]:
        pesel = pesel_for(birth, sex, 123)
        check_pesel(pesel, birth_date=birth, sex=sex)
