from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection

from razem.demo.generate import generate_people, pick_municipalities
from razem.people.models import Address, Person


@pytest.mark.django_db
def test_generator_spreads_persons_over_municipalities():
    places = pick_municipalities(3, seed=7)

    created = generate_people(municipalities=places, persons=1000, seed=7, today=date(2026, 11, 21))

    assert created == 1000
    assert Person.objects.count() == 1000
    assert Address.objects.count() == 1000
    assert set(Person.objects.values_list("municipality_id", flat=True)) == {p.id for p in places}


@pytest.mark.django_db
def test_generated_pesel_is_stored_encrypted_with_a_blind_index():
    places = pick_municipalities(1, seed=1)
    generate_people(municipalities=places, persons=50, seed=1, today=date(2026, 11, 21))
    person = Person.objects.exclude(pesel="").first()

    with connection.cursor() as cursor:
        cursor.execute("SELECT pesel FROM people_person WHERE id = %s", [person.id])
        raw = cursor.fetchone()[0]

    assert person.pesel not in raw
    assert len(person.pesel) == 11
    assert person.pesel_index


@pytest.mark.django_db
def test_generate_command_is_repeatable_by_seed(capsys):
    call_command("generate", municipalities=2, persons=100, seed=5)
    first = sorted(Person.objects.values_list("surname", flat=True))
    Person.objects.all().delete()

    call_command("generate", municipalities=2, persons=100, seed=5)

    assert sorted(Person.objects.values_list("surname", flat=True)) == first
    assert "Generated 100 persons" in capsys.readouterr().out
