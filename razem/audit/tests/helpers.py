"""Shared set-up for the audit tests: officers, persons, and tampering past the guards."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

from razem.accounts.roles import Role
from razem.audit.models import AuditEvent
from razem.core.db.sqlite.base import set_audit_guard
from razem.core.testing.factories import municipality, user_with_role
from razem.core.text import search_key
from razem.people.models import Person
from razem.territory.models import Municipality


def officer(place: Municipality | None = None, **fields: Any):  # type: ignore[no-untyped-def]
    return user_with_role(
        Role.DATA_PROTECTION_OFFICER, municipality_obj=place or municipality(), **fields
    )


def person(
    place: Municipality | None = None, first_names: str = "Ewa", surname: str = "Kowalska"
) -> Person:
    return Person.objects.create(
        municipality=place or municipality(),
        first_names=first_names,
        surname=surname,
        surname_key=search_key(surname),
        first_names_key=search_key(first_names),
    )


def chain() -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("seq"))


@contextmanager
def guards_off() -> Iterator[None]:
    """Lets a test alter the trail the way an intruder with database access would."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET session_replication_role")
    else:
        set_audit_guard(False)
        try:
            yield
        finally:
            set_audit_guard(True)


def tamper(sql: str, params: list[Any]) -> None:
    with guards_off(), connection.cursor() as cursor:
        cursor.execute(sql, params)
