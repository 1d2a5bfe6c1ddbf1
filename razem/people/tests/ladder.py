"""Permission ladder of the people registry (see razem/core/testing/ladder.py)."""

from razem.accounts.roles import Role
from razem.core.testing.ladder import UrlCase
from razem.core.text import search_key
from razem.people.models import Person


def _person(municipality, user) -> dict:  # type: ignore[no-untyped-def]
    person = Person.objects.create(
        municipality=municipality,
        first_names="Drabina",
        surname="Testowa",
        first_names_key=search_key("Drabina"),
        surname_key=search_key("Testowa"),
        created_by=user,
    )
    return {"pk": person.pk}


CHAIR = (Role.ZI_CHAIR,)
# Every registry role opens the list and the form (each sees only their own scope there).
REGISTRY = (Role.ZI_CHAIR, Role.ZI_MEMBER, Role.GROUP_MEMBER, Role.INITIATING_OFFICER)

CASES = [
    UrlCase("people:list", allowed=REGISTRY, scoped=False),
    UrlCase("people:create", allowed=REGISTRY, scoped=False),
    UrlCase("people:detail", allowed=CHAIR, kwargs=_person),
    UrlCase("people:edit", allowed=CHAIR, kwargs=_person),
    UrlCase("people:address_add", allowed=CHAIR, kwargs=_person),
    UrlCase("people:contact_add", allowed=CHAIR, kwargs=_person),
    UrlCase("people:relationship_add", allowed=CHAIR, kwargs=_person),
    UrlCase("api-people-list", allowed=REGISTRY, scoped=False, api=True),
    UrlCase("api-people-detail", allowed=CHAIR, kwargs=_person, api=True),
]
