"""Who may read the audit trail: data-protection officers, for their own municipalities only."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from razem.accounts.memberships import municipalities_with
from razem.accounts.roles import Role
from razem.people.models import Person

AUDIT_ROLES = frozenset({Role.DATA_PROTECTION_OFFICER})


@dataclass(frozen=True)
class PersonRef:
    """All the officer learns about a person: the id and the name, never the record."""

    id: int
    name: str
    municipality_id: int
    municipality_name: str


def dpo_municipalities(user) -> frozenset[int]:  # type: ignore[no-untyped-def]
    """Municipalities where the user is the data-protection officer.

    Raises PermissionDenied (403) for anyone who holds the role nowhere.
    """
    municipalities = municipalities_with(user, AUDIT_ROLES)
    if not municipalities:
        raise PermissionDenied
    return frozenset(municipalities)


def access_person_for_dpo(person_id: int, user) -> PersonRef:  # type: ignore[no-untyped-def]
    """The person's id and name, if the person belongs to one of the officer's municipalities.

    Raises PermissionDenied for non-officers and Http404 for a person elsewhere or missing,
    so the answer does not reveal whether the person exists.
    """
    municipalities = dpo_municipalities(user)
    row = (
        Person.objects.filter(pk=person_id, municipality_id__in=municipalities)
        .values_list("id", "first_names", "surname", "municipality_id", "municipality__name")
        .first()
    )
    if row is None:
        raise Http404
    return PersonRef(
        id=row[0], name=f"{row[1]} {row[2]}", municipality_id=row[3], municipality_name=row[4]
    )
