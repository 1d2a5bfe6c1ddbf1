"""Writes to the people registry. Each action checks access, validates, saves and audits in one
transaction; sensitive values never reach the audit trail (they are masked)."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from razem.audit.events import EventType
from razem.audit.log import Subject, changes_between, record
from razem.core.crypto import blind_index
from razem.core.text import search_key
from razem.people import access
from razem.people.models import (
    RELATIONSHIP_INVERSE,
    Address,
    Contact,
    ContactKind,
    Household,
    HouseholdMember,
    Person,
    Relationship,
)
from razem.people.pesel import birth_date_of as pesel_birth_date
from razem.people.pesel import check_pesel, sex_of

MASKED = ("pesel", "street", "postal_code", "city", "value")

PERSON_FIELDS = (
    "first_names",
    "surname",
    "family_name",
    "former_names",
    "sex",
    "birth_date",
    "estimated_age",
    "estimated_age_on",
    "pesel",
    "citizenship",
    "has_disability",
    "notes",
)
ADDRESS_FIELDS = ("kind", "street", "postal_code", "city", "is_confidential")
MAX_ESTIMATED_AGE = 130

BIRTH_DATE_IN_FUTURE = _("The date of birth cannot be in the future.")
BIRTH_DATE_OR_AGE = _("Give either the date of birth or the estimated age, not both.")
ESTIMATED_AGE_RANGE = _("The estimated age must be between 0 and 130 years.")
PERSON_CHANGED_MEANWHILE = _(
    "Someone else changed this record in the meantime; reload it and enter your changes again."
)
NOT_ALLOWED_TO_RECORD = _("You cannot record persons in this municipality.")
CONTACT_EMAIL_INVALID = _("Enter a valid e-mail address.")
CONTACT_PHONE_INVALID = _(
    "A phone number may contain only digits, spaces, dashes, brackets and a leading plus."
)
RELATIONSHIP_SELF = _("A person cannot be related to themselves.")
RELATIONSHIP_OTHER_MUNICIPALITY = _("Both persons must be registered in the same municipality.")
RELATIONSHIP_EXISTS = _("These persons already have a recorded relationship.")
HOUSEHOLD_OTHER_MUNICIPALITY = _(
    "The person is registered in another municipality than the household."
)
HOUSEHOLD_MEMBER_EXISTS = _("The person already belongs to this household.")
HOUSEHOLD_DATES = _("The end date cannot be earlier than the start date.")

PHONE_CHARACTERS = set("0123456789 +-()")


def _snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {field: getattr(obj, field) for field in fields}


def _changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    return changes_between(old, new, masked=MASKED)


def normalise_pesel(value: str | None) -> str:
    return "".join((value or "").split())


def _validate_person(person: Person) -> None:
    """Rules across fields: dates, age, PESEL and its agreement with birth date and sex.

    A valid PESEL fills a missing birth date (when no age is estimated) and a missing sex.
    """
    errors: dict[str, list[Any]] = {}
    person.pesel = normalise_pesel(person.pesel)
    if person.birth_date is not None and person.birth_date > timezone.localdate():
        errors.setdefault("birth_date", []).append(BIRTH_DATE_IN_FUTURE)
    if person.estimated_age is not None and not 0 <= person.estimated_age <= MAX_ESTIMATED_AGE:
        errors.setdefault("estimated_age", []).append(ESTIMATED_AGE_RANGE)
    if person.birth_date is not None and person.estimated_age is not None:
        errors.setdefault("estimated_age", []).append(BIRTH_DATE_OR_AGE)
    if person.pesel:
        try:
            check_pesel(person.pesel, birth_date=person.birth_date, sex=person.sex or None)
        except ValidationError as error:
            errors.setdefault("pesel", []).extend(error.error_list)
        else:
            if person.birth_date is None and person.estimated_age is None:
                person.birth_date = pesel_birth_date(person.pesel)
            if not person.sex:
                person.sex = sex_of(person.pesel)
    if errors:
        raise ValidationError(errors)
    if person.estimated_age is not None and person.estimated_age_on is None:
        person.estimated_age_on = timezone.localdate()
    if person.estimated_age is None:
        person.estimated_age_on = None


def _fill_derived(person: Person) -> None:
    person.surname_key = search_key(person.surname)
    person.first_names_key = search_key(person.first_names)
    person.pesel_index = blind_index(person.pesel) if person.pesel else ""


@transaction.atomic(durable=True)
def create_person(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    municipality_id: int,
    first_names: str,
    surname: str,
    family_name: str = "",
    former_names: str = "",
    sex: str = "",
    birth_date: date | None = None,
    estimated_age: int | None = None,
    estimated_age_on: date | None = None,
    pesel: str = "",
    citizenship: str = "polskie",
    has_disability: bool = False,
    notes: str = "",
    request: HttpRequest | None = None,
) -> Person:
    """Record a person in the municipality. Raises PermissionDenied when the user holds no
    registry role there, ValidationError on bad data; audits PERSON_CREATED (PESEL masked)."""
    if not access.can_record_in(acting_user, municipality_id):
        raise PermissionDenied(NOT_ALLOWED_TO_RECORD)
    person = Person(
        municipality_id=municipality_id,
        first_names=first_names.strip(),
        surname=surname.strip(),
        family_name=family_name.strip(),
        former_names=former_names.strip(),
        sex=sex,
        birth_date=birth_date,
        estimated_age=estimated_age,
        estimated_age_on=estimated_age_on,
        pesel=pesel,
        citizenship=citizenship.strip(),
        has_disability=has_disability,
        notes=notes,
        created_by=acting_user,
    )
    _validate_person(person)
    _fill_derived(person)
    person.full_clean()
    person.save(force_insert=True)
    record(
        event_type=EventType.PERSON_CREATED,
        actor=acting_user,
        request=request,
        subject=Subject.of(person),
        extra={"changes": _changes({}, _snapshot(person, PERSON_FIELDS))},
    )
    return person


@transaction.atomic(durable=True)
def update_person(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    person_id: int,
    expected_version: int,
    changes: Mapping[str, Any],
    request: HttpRequest | None = None,
) -> Person:
    """Change a person's data. Locks the row; refuses with PERSON_CHANGED_MEANWHILE when the
    version differs from the one the form was loaded with. Audits PERSON_UPDATED with the
    changed fields (PESEL masked); saves nothing when nothing changed."""
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"Not person fields: {sorted(unknown)}")
    person = access.access_person(acting_user, person_id, for_update=True)
    if person.version != expected_version:
        raise ValidationError(PERSON_CHANGED_MEANWHILE, code="stale_version")
    before = _snapshot(person, PERSON_FIELDS)
    for field, value in changes.items():
        setattr(person, field, value.strip() if isinstance(value, str) else value)
    _validate_person(person)
    after = _snapshot(person, PERSON_FIELDS)
    changed = _changes(before, after)
    if not changed:
        return person
    _fill_derived(person)
    person.full_clean()
    person.version += 1
    person.save(
        update_fields=[
            *changed,
            "estimated_age_on",
            "surname_key",
            "first_names_key",
            "pesel_index",
            "version",
            "updated_at",
        ]
    )
    record(
        event_type=EventType.PERSON_UPDATED,
        actor=acting_user,
        request=request,
        subject=Subject.of(person),
        extra={"changes": changed, "version": person.version},
    )
    return person


@transaction.atomic(durable=True)
def add_address(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    person_id: int,
    kind: str,
    city: str,
    street: str = "",
    postal_code: str = "",
    is_confidential: bool = False,
    request: HttpRequest | None = None,
) -> Address:
    """Add an address to a visible person; audits ADDRESS_ADDED with the text masked."""
    person = access.access_person(acting_user, person_id)
    address = Address(
        person=person,
        municipality_id=person.municipality_id,
        kind=kind,
        street=street.strip(),
        postal_code=postal_code.strip(),
        city=city.strip(),
        is_confidential=is_confidential,
        created_by=acting_user,
    )
    address.full_clean()
    address.save(force_insert=True)
    record(
        event_type=EventType.ADDRESS_ADDED,
        actor=acting_user,
        request=request,
        subject=Subject.of(person),
        extra={
            "address": address.pk,
            "changes": _changes({}, _snapshot(address, ADDRESS_FIELDS)),
        },
    )
    return address


@transaction.atomic(durable=True)
def update_address(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    address_id: int,
    expected_version: int,
    changes: Mapping[str, Any],
    request: HttpRequest | None = None,
) -> Address:
    """Change an address the user may see (a confidential one only by those allowed); locks
    the row, checks the version like update_person, audits ADDRESS_UPDATED (text masked)."""
    unknown = set(changes) - set(ADDRESS_FIELDS)
    if unknown:
        raise ValueError(f"Not address fields: {sorted(unknown)}")
    address = access.access_address(acting_user, address_id, for_update=True)
    if address.version != expected_version:
        raise ValidationError(PERSON_CHANGED_MEANWHILE, code="stale_version")
    before = _snapshot(address, ADDRESS_FIELDS)
    for field, value in changes.items():
        setattr(address, field, value.strip() if isinstance(value, str) else value)
    changed = _changes(before, _snapshot(address, ADDRESS_FIELDS))
    if not changed:
        return address
    address.full_clean()
    address.version += 1
    address.save(update_fields=[*changed, "version", "updated_at"])
    record(
        event_type=EventType.ADDRESS_UPDATED,
        actor=acting_user,
        request=request,
        subject=Subject.of(address.person),
        extra={"address": address.pk, "changes": changed},
    )
    return address


def _validate_contact(kind: str, value: str) -> None:
    if kind == ContactKind.EMAIL:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError({"value": CONTACT_EMAIL_INVALID}) from None
    if kind == ContactKind.PHONE and (not value or not set(value) <= PHONE_CHARACTERS):
        raise ValidationError({"value": CONTACT_PHONE_INVALID})


@transaction.atomic(durable=True)
def add_contact(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    person_id: int,
    kind: str,
    value: str,
    note: str = "",
    request: HttpRequest | None = None,
) -> Contact:
    """Add a phone, e-mail or other contact to a visible person; audits CONTACT_ADDED."""
    person = access.access_person(acting_user, person_id)
    value = value.strip()
    _validate_contact(kind, value)
    contact = Contact(
        person=person,
        municipality_id=person.municipality_id,
        kind=kind,
        value=value,
        note=note.strip(),
    )
    contact.full_clean()
    contact.save(force_insert=True)
    record(
        event_type=EventType.CONTACT_ADDED,
        actor=acting_user,
        request=request,
        subject=Subject.of(person),
        extra={
            "contact": contact.pk,
            "changes": _changes({}, _snapshot(contact, ("kind", "value", "note"))),
        },
    )
    return contact


@transaction.atomic(durable=True)
def add_relationship(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    person_id: int,
    related_person_id: int,
    kind: str,
    request: HttpRequest | None = None,
) -> Relationship:
    """Record "person is <kind> of related person" and its inverse (RELATIONSHIP_INVERSE).
    Both persons must be visible to the user and in the same municipality."""
    if person_id == related_person_id:
        raise ValidationError({"related_person": RELATIONSHIP_SELF})
    person = access.access_person(acting_user, person_id)
    related = access.access_person(acting_user, related_person_id)
    if person.municipality_id != related.municipality_id:
        raise ValidationError({"related_person": RELATIONSHIP_OTHER_MUNICIPALITY})
    if Relationship.objects.filter(person=person, related_person=related).exists():
        raise ValidationError({"related_person": RELATIONSHIP_EXISTS})
    forward = Relationship(
        municipality_id=person.municipality_id, person=person, related_person=related, kind=kind
    )
    forward.full_clean(validate_constraints=False)
    backward = Relationship(
        municipality_id=person.municipality_id,
        person=related,
        related_person=person,
        kind=RELATIONSHIP_INVERSE[kind],
    )
    Relationship.objects.filter(person=related, related_person=person).delete()
    forward.save(force_insert=True)
    backward.save(force_insert=True)
    record(
        event_type=EventType.RELATIONSHIP_ADDED,
        actor=acting_user,
        request=request,
        subject=Subject.of(person),
        extra={"related_person": related.pk, "kind": kind},
    )
    return forward


@transaction.atomic(durable=True)
def remove_relationship(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    relationship_id: int,
    request: HttpRequest | None = None,
) -> None:
    """Remove a relationship in both directions; audits RELATIONSHIP_REMOVED."""
    relationship = access.access_relationship(acting_user, relationship_id)
    person_id, related_id = relationship.person_id, relationship.related_person_id
    Relationship.objects.filter(
        models.Q(person_id=person_id, related_person_id=related_id)
        | models.Q(person_id=related_id, related_person_id=person_id)
    ).delete()
    record(
        event_type=EventType.RELATIONSHIP_REMOVED,
        actor=acting_user,
        request=request,
        subject=Subject(
            type=Person._meta.label_lower,
            id=str(person_id),
            municipality_id=relationship.municipality_id,
        ),
        extra={"related_person": related_id, "kind": relationship.kind},
    )


@transaction.atomic(durable=True)
def create_household(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    municipality_id: int,
    label: str,
    request: HttpRequest | None = None,
) -> Household:
    """A new, empty household in a municipality where the user holds a registry role."""
    if not access.can_record_in(acting_user, municipality_id):
        raise PermissionDenied(NOT_ALLOWED_TO_RECORD)
    household = Household(municipality_id=municipality_id, label=label.strip())
    household.full_clean()
    household.save(force_insert=True)
    record(
        event_type=EventType.HOUSEHOLD_CHANGED,
        actor=acting_user,
        request=request,
        subject=Subject.of(household),
        extra={"created": True, "label": household.label},
    )
    return household


@transaction.atomic(durable=True)
def add_household_member(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    household_id: int,
    person_id: int,
    since: date | None = None,
    until: date | None = None,
    request: HttpRequest | None = None,
) -> HouseholdMember:
    """Add a visible person of the household's municipality; audits HOUSEHOLD_CHANGED."""
    household = access.access_household(acting_user, household_id)
    person = access.access_person(acting_user, person_id)
    if person.municipality_id != household.municipality_id:
        raise ValidationError({"person": HOUSEHOLD_OTHER_MUNICIPALITY})
    if since and until and until < since:
        raise ValidationError({"until": HOUSEHOLD_DATES})
    if HouseholdMember.objects.filter(household=household, person=person).exists():
        raise ValidationError({"person": HOUSEHOLD_MEMBER_EXISTS})
    member = HouseholdMember(household=household, person=person, since=since, until=until)
    member.full_clean()
    member.save(force_insert=True)
    record(
        event_type=EventType.HOUSEHOLD_CHANGED,
        actor=acting_user,
        request=request,
        subject=Subject.of(household),
        extra={"added_person": person.pk},
    )
    return member
