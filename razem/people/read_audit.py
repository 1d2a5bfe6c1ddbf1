"""Audit of reads shared by the pages and the API: one event per request, never query text."""

from django.http import HttpRequest

from razem.audit.events import EventType
from razem.audit.log import Entry, Subject, record, record_many
from razem.people.selectors import PersonDetail


def person_viewed(request: HttpRequest, detail: PersonDetail) -> None:
    """PERSON_VIEWED and, when confidential addresses were shown, CONFIDENTIAL_ADDRESS_VIEWED
    naming them; one INSERT either way."""
    subject = Subject.of(detail.person)
    entries = [Entry(EventType.PERSON_VIEWED, subject)]
    shown = detail.confidential_shown
    if shown:
        addresses = {"addresses": [address.pk for address in shown]}
        entries.append(Entry(EventType.CONFIDENTIAL_ADDRESS_VIEWED, subject, addresses))
    record_many(actor=request.user, request=request, entries=entries)


def persons_listed(
    request: HttpRequest,
    *,
    query: str,
    results: int,
    municipality_id: int | None,
    api: bool = False,
) -> None:
    """PERSON_SEARCHED with the query's length (it may hold a name), or PERSON_LISTED."""
    extra: dict[str, object] = {"query_length": len(query), "results": results}
    if api:
        extra["api"] = True
    record(
        event_type=EventType.PERSON_SEARCHED if query else EventType.PERSON_LISTED,
        actor=request.user,
        request=request,
        municipality_id=municipality_id,
        extra=extra,
    )
