"""Who may see which person: the only place that fetches a Person, an Address or a Relationship.

Invisible objects answer 404, so a URL never reveals whether a person is registered.
Who sees a person today (cards widen it in a later issue, see PERSON_SCOPES):
- the ZI chair: every person of their municipality;
- the other people-registry roles (ZI member, group member, initiating officer): the persons
  they recorded themselves in their municipality;
- everybody else (analyst, DPO, administrator, programme staff, prevention): nobody.
"""

from collections.abc import Callable

import rules
from django.db.models import Q, QuerySet
from django.http import Http404

from razem.accounts.memberships import grants_of, municipalities_with
from razem.accounts.roles import PEOPLE_REGISTRY_ROLES, Role
from razem.people.models import Address, Household, Person, Relationship

RECORDING_ROLES = PEOPLE_REGISTRY_ROLES - {Role.ZI_CHAIR}
NOTHING = Q(pk__in=[])


def _chair_scope(user) -> Q | None:  # type: ignore[no-untyped-def]
    municipality_ids = municipalities_with(user, {Role.ZI_CHAIR})
    if not municipality_ids:
        return None
    return Q(municipality_id__in=municipality_ids)


def _recorded_by_user_scope(user) -> Q | None:  # type: ignore[no-untyped-def]
    municipality_ids = municipalities_with(user, RECORDING_ROLES)
    if not municipality_ids:
        return None
    return Q(municipality_id__in=municipality_ids, created_by_id=user.pk)


# Each scope gives the persons one kind of entitlement reveals; a person is visible when any
# scope includes it. The Blue Card issue adds "persons in cards the user can see" here.
PERSON_SCOPES: list[Callable[..., Q | None]] = [_chair_scope, _recorded_by_user_scope]


@rules.predicate
def can_open_registry(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(registry_municipalities(user))


def registry_municipalities(user) -> set[int]:  # type: ignore[no-untyped-def]
    if not getattr(user, "is_authenticated", False):
        return set()
    return municipalities_with(user, PEOPLE_REGISTRY_ROLES)


def visible_persons_condition(user) -> Q:  # type: ignore[no-untyped-def]
    """A filter on Person selecting exactly the persons the user may see (never everything)."""
    if not can_open_registry(user):
        return NOTHING
    condition = NOTHING
    for scope in PERSON_SCOPES:
        part = scope(user)
        if part is not None:
            condition |= part
    return condition


def persons_visible_to(user) -> QuerySet[Person]:  # type: ignore[no-untyped-def]
    return Person.objects.filter(visible_persons_condition(user))


def access_person(user, person_id: int, *, for_update: bool = False) -> Person:  # type: ignore[no-untyped-def]
    """The person if the user may see it, else Http404. With for_update the row is locked
    (call it inside a transaction)."""
    queryset = persons_visible_to(user).filter(pk=person_id)
    if for_update:
        queryset = queryset.select_for_update()
    person = queryset.first()
    if person is None:
        raise Http404
    return person


def access_address(user, address_id: int, *, for_update: bool = False) -> Address:  # type: ignore[no-untyped-def]
    """An address of a visible person; a confidential one only for those who may see it."""
    queryset = Address.objects.select_related("person").filter(
        pk=address_id, person__in=persons_visible_to(user)
    )
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    address = queryset.first()
    if address is None:
        raise Http404
    if address.is_confidential and not can_see_confidential_address(user, address):
        raise Http404
    return address


def access_relationship(user, relationship_id: int) -> Relationship:  # type: ignore[no-untyped-def]
    relationship = Relationship.objects.filter(
        pk=relationship_id, person__in=persons_visible_to(user)
    ).first()
    if relationship is None:
        raise Http404
    return relationship


def access_household(user, household_id: int) -> Household:  # type: ignore[no-untyped-def]
    """Households are shared by the registry users of their municipality."""
    household = Household.objects.filter(
        pk=household_id, municipality_id__in=registry_municipalities(user)
    ).first()
    if household is None:
        raise Http404
    return household


def can_record_in(user, municipality_id: int) -> bool:  # type: ignore[no-untyped-def]
    return municipality_id in registry_municipalities(user)


def recording_municipality(user, preferred_id: int | None = None) -> int | None:  # type: ignore[no-untyped-def]
    """Where a new person is recorded: the active role's municipality when it is a registry
    role there, otherwise the first municipality where the user holds one."""
    allowed = registry_municipalities(user)
    if preferred_id in allowed:
        return preferred_id
    for grant in grants_of(user):
        if grant.municipality_id in allowed:
            return grant.municipality_id
    return None


@rules.predicate
def can_see_confidential_address(user, address: Address) -> bool:  # type: ignore[no-untyped-def]
    """Only the municipality's ZI chair and the user who recorded the address."""
    if not address.is_confidential:
        return True
    if address.created_by_id is not None and address.created_by_id == user.pk:
        return True
    return address.municipality_id in municipalities_with(user, {Role.ZI_CHAIR})
