"""Audit of reads shared by the pages and the API: one event per request, never query text."""

from django.http import HttpRequest

from razem.audit.events import EventType
from razem.audit.log import Subject, record
from razem.people.selectors import PersonDetail


def person_viewed(request: HttpRequest, detail: PersonDetail) -> None:
    """PERSON_VIEWED; when confidential addresses were shown, also CONFIDENTIAL_ADDRESS_VIEWED
    naming them (the only case with a second row)."""
    subject = Subject.of(detail.person)
    record(event_type=EventType.PERSON_VIEWED, actor=request.user, request=request, subject=subject)
    shown = detail.confidential_shown
    if shown:
        record(
            event_type=EventType.CONFIDENTIAL_ADDRESS_VIEWED,
            actor=request.user,
            request=request,
            subject=subject,
            extra={"addresses": [address.pk for address in shown]},
        )


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
