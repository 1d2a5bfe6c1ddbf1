"""Shared set-up of the people registry's tests."""

from datetime import date

from razem.accounts.roles import Role
from razem.core.testing.factories import municipality, user_with_role
from razem.people import actions
from razem.people.models import Person


def chair(municipality_obj=None):  # type: ignore[no-untyped-def]
    return user_with_role(Role.ZI_CHAIR, municipality_obj=municipality_obj or municipality())


def make_person(user, **fields) -> Person:  # type: ignore[no-untyped-def]
    """A person recorded by `user` in the user's (first) registry municipality."""
    from razem.people.access import recording_municipality

    data = {
        "first_names": "Jan",
        "surname": "Kowalski",
        "sex": "M",
        "birth_date": date(1980, 5, 17),
    }
    data.update(fields)
    return actions.create_person(
        acting_user=user, municipality_id=recording_municipality(user), **data
    )


def bulk_persons(user, count: int, municipality_obj=None) -> list[Person]:  # type: ignore[no-untyped-def]
    """Many persons at once for list and query-count tests (keys filled like the actions do)."""
    from razem.core.text import search_key

    place = municipality_obj or municipality()
    persons = [
        Person(
            municipality=place,
            first_names=f"Imię{n}",
            surname=f"Nazwisko{n:04d}",
            surname_key=search_key(f"Nazwisko{n:04d}"),
            first_names_key=search_key(f"Imię{n}"),
            birth_date=date(1950 + n % 60, 1 + n % 12, 1 + n % 28),
            created_by=user,
        )
        for n in range(count)
    ]
    return Person.objects.bulk_create(persons)
