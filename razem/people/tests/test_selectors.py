from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from razem.accounts.roles import Role
from razem.core.testing.factories import user_with_role
from razem.people import actions, pesel, selectors
from razem.people.models import Sex
from razem.people.tests.helpers import bulk_persons, chair, make_person

pytestmark = pytest.mark.django_db


def _names(queryset) -> list[str]:  # type: ignore[no-untyped-def]
    return [person.surname for person in queryset]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Żółć", ["Żółć"]),
        ("zolc", ["Żółć"]),
        ("ZOLC", ["Żółć"]),
        ("żo", ["Żółć"]),
        ("lukasz", ["Żółć"]),
        ("Łukasz Żółć", ["Żółć"]),
        ("zolc lukasz", ["Żółć"]),
        ("zolc anna", []),
        ("kow", ["Kowalski"]),
        ("owal", []),
    ],
)
def test_search_by_name_with_and_without_diacritics(query, expected):
    # given
    user = chair()
    make_person(user, first_names="Łukasz", surname="Żółć")
    make_person(user, first_names="Anna", surname="Kowalski", sex="F")

    # when
    found = selectors.search_persons(viewer=user, query=query)

    # then
    assert _names(found) == expected


def test_search_by_full_pesel_uses_the_blind_index():
    user = chair()
    number = pesel.build(date(1990, 2, 3), 7, Sex.FEMALE)
    person = make_person(user, sex="", birth_date=None, pesel=number)
    make_person(user, surname="Nowak")

    assert list(selectors.search_persons(viewer=user, query=number)) == [person]
    assert list(selectors.search_persons(viewer=user, query=number[:10] + "0")) == []


def test_search_never_returns_persons_the_viewer_may_not_see():
    officer = user_with_role(Role.INITIATING_OFFICER)
    make_person(user_with_role(Role.INITIATING_OFFICER), surname="Nowak")
    own = make_person(officer, surname="Nowicki")

    assert list(selectors.search_persons(viewer=officer, query="now")) == [own]


def test_filters_and_ordering():
    # given
    user = chair()
    today = timezone.localdate()
    child = make_person(user, surname="Dziecko", birth_date=date(today.year - 5, 1, 1))
    adult = make_person(user, surname="Dorosła", sex="F", birth_date=date(1990, 1, 1))
    elderly = make_person(
        user, surname="Senior", has_disability=True, birth_date=date(today.year - 80, 1, 1)
    )
    guessed = make_person(user, surname="Szacowany", birth_date=None, estimated_age=70)

    def search(**filters):  # type: ignore[no-untyped-def]
        return set(selectors.search_persons(viewer=user, filters=filters))

    # then
    assert search(age_group="child") == {child}
    assert search(age_group="adult") == {adult}
    assert search(age_group="elderly") == {elderly, guessed}
    assert search(sex="F") == {adult}
    assert search(has_disability=True) == {elderly}
    assert search(has_disability=False) == {child, adult, guessed}
    by_birth = selectors.search_persons(viewer=user, ordering="birth_date")
    assert [p for p in by_birth if p.birth_date] == [elderly, adult, child]
    assert _names(selectors.search_persons(viewer=user, ordering="-surname"))[0] == "Szacowany"


def test_person_detail_loads_everything_in_a_fixed_number_of_queries():
    # given
    user = chair()
    person = make_person(user)
    for n in range(3):
        other = make_person(user, first_names=f"Krewny{n}")
        actions.add_relationship(
            acting_user=user, person_id=person.pk, related_person_id=other.pk, kind="sibling"
        )
        actions.add_address(acting_user=user, person_id=person.pk, kind="residence", city="G")
        actions.add_contact(acting_user=user, person_id=person.pk, kind="phone", value="600")

    # when
    with CaptureQueriesContext(connection) as queries:
        detail = selectors.person_detail(viewer=user, person_id=person.pk)
        names = [r.related_person.full_name for r in detail.relationships]

    # then
    assert len(names) == 3
    assert len(detail.addresses) == 3
    assert len(detail.contacts) == 3
    assert detail.visible_related_ids == {r.related_person_id for r in detail.relationships}
    assert len(queries) <= 4


@pytest.mark.parametrize("rows", [10, 60])
def test_search_query_count_does_not_grow(rows):
    user = chair()
    bulk_persons(user, rows)

    with CaptureQueriesContext(connection) as queries:
        found = list(selectors.search_persons(viewer=user, query="nazw")[:50])

    assert len(found) == min(rows, 50)
    assert len(queries) == 2  # the user's roles, the rows
