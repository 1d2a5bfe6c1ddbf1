"""Reads of the people registry. Every selector takes the viewer and starts from what they may
see (people.access); none of them writes the audit trail (the views do, once per request)."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.utils import timezone

from razem.core.crypto import blind_index
from razem.core.text import search_terms
from razem.people import access
from razem.people.models import Address, Contact, Person, Relationship
from razem.people.pesel import LENGTH as PESEL_LENGTH

PESEL_QUERY = re.compile(rf"\d{{{PESEL_LENGTH}}}")

ORDERINGS: dict[str, tuple[str, ...]] = {
    "surname": ("surname_key", "first_names_key", "id"),
    "-surname": ("-surname_key", "-first_names_key", "-id"),
    "birth_date": ("birth_date", "id"),
    "-birth_date": ("-birth_date", "-id"),
    "created": ("created_at", "id"),
    "-created": ("-created_at", "-id"),
}
DEFAULT_ORDERING = "surname"

AGE_CHILD = "child"
AGE_ADULT = "adult"
AGE_ELDERLY = "elderly"
ADULT_AGE = 18
ELDERLY_AGE = 65


def persons_visible_to(viewer) -> QuerySet[Person]:  # type: ignore[no-untyped-def]
    return access.persons_visible_to(viewer)


def _years_ago(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _age_condition(group: str, today: date) -> Q:
    """Age from the birth date, or from the estimated age when no birth date is known."""
    adult_born = _years_ago(today, ADULT_AGE)
    elderly_born = _years_ago(today, ELDERLY_AGE)
    no_date = Q(birth_date__isnull=True, estimated_age__isnull=False)
    if group == AGE_CHILD:
        return Q(birth_date__gt=adult_born) | (no_date & Q(estimated_age__lt=ADULT_AGE))
    if group == AGE_ADULT:
        return Q(birth_date__lte=adult_born, birth_date__gt=elderly_born) | (
            no_date & Q(estimated_age__gte=ADULT_AGE, estimated_age__lt=ELDERLY_AGE)
        )
    if group == AGE_ELDERLY:
        return Q(birth_date__lte=elderly_born) | (no_date & Q(estimated_age__gte=ELDERLY_AGE))
    return Q()


def _query_condition(query: str) -> Q:
    """An 11-digit query is a PESEL (exact match on the blind index); otherwise every term
    must begin the surname or a first name, with or without Polish letters."""
    compact = "".join(query.split())
    if PESEL_QUERY.fullmatch(compact):
        return Q(pesel_index=blind_index(compact))
    condition = Q()
    for term in search_terms(query):
        condition &= Q(surname_key__startswith=term) | Q(first_names_key__startswith=term)
    return condition


def search_persons(
    *,
    viewer,  # type: ignore[no-untyped-def]
    query: str = "",
    filters: Mapping[str, object] | None = None,
    ordering: str = DEFAULT_ORDERING,
) -> QuerySet[Person]:
    """Persons the viewer may see matching the query and filters (sex, has_disability,
    age_group: child / adult / elderly), in one of ORDERINGS. Touches no related table."""
    filters = filters or {}
    queryset = persons_visible_to(viewer).filter(_query_condition(query or ""))
    if filters.get("sex"):
        queryset = queryset.filter(sex=filters["sex"])
    if filters.get("has_disability") is not None:
        queryset = queryset.filter(has_disability=filters["has_disability"])
    if filters.get("age_group"):
        queryset = queryset.filter(_age_condition(str(filters["age_group"]), timezone.localdate()))
    return queryset.order_by(*_order_by(ORDERINGS.get(ordering, ORDERINGS[DEFAULT_ORDERING])))


def _order_by(fields: tuple[str, ...]) -> list[OrderBy | str]:
    """Unknown birth dates go last in both directions, on every database."""
    result: list[OrderBy | str] = []
    for name in fields:
        if name.lstrip("-") == "birth_date":
            expression = F("birth_date")
            descending = name.startswith("-")
            result.append(
                expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
            )
        else:
            result.append(name)
    return result


@dataclass
class AddressView:
    address: Address
    visible: bool


@dataclass
class PersonDetail:
    person: Person
    addresses: list[AddressView]
    contacts: list[Contact]
    relationships: list[Relationship]
    # Related persons the viewer may open; others are named without a link.
    visible_related_ids: set[int] = field(default_factory=set)

    @property
    def confidential_shown(self) -> list[Address]:
        return [a.address for a in self.addresses if a.visible and a.address.is_confidential]


def person_detail(*, viewer, person_id: int) -> PersonDetail:  # type: ignore[no-untyped-def]
    """The person with addresses, contacts and relationships (four queries in all).
    Raises Http404 when the viewer may not see the person. Confidential addresses are marked
    hidden unless access.can_see_confidential_address allows them."""
    person = access.access_person(viewer, person_id)
    visible = persons_visible_to(viewer).filter(pk=OuterRef("related_person_id"))
    relationships = list(
        Relationship.objects.filter(person=person)
        .select_related("related_person")
        .annotate(related_visible=Exists(visible))
        .order_by("kind", "related_person__surname_key", "id")
    )
    visible_related = {r.related_person_id for r in relationships if r.related_visible}
    addresses = [
        AddressView(address, access.can_see_confidential_address(viewer, address))
        for address in Address.objects.filter(person=person)
    ]
    return PersonDetail(
        person=person,
        addresses=addresses,
        contacts=list(Contact.objects.filter(person=person)),
        relationships=relationships,
        visible_related_ids=visible_related,
    )


def relationship_candidates(*, viewer, person: Person) -> QuerySet[Person]:  # type: ignore[no-untyped-def]
    """Persons the viewer may link to the person: visible, same municipality, not the person."""
    return (
        persons_visible_to(viewer)
        .filter(municipality_id=person.municipality_id)
        .exclude(pk=person.pk)
        .order_by(*ORDERINGS[DEFAULT_ORDERING])
    )
