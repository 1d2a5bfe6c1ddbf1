"""Reading the audit trail for data-protection officers (scoped to their municipalities)."""

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Min, QuerySet
from django.utils import timezone

from razem.audit.access import PersonRef
from razem.audit.models import AuditEvent
from razem.territory.models import Municipality

PERSON_SUBJECT = "people.person"
PERSON_ACCESS_DAYS = 365


@dataclass(frozen=True)
class AuditQuery:
    """The search filters, as chosen in the form (empty values: no filter)."""

    user: str = ""
    event_type: int | None = None
    subject_type: str = ""
    subject_id: str = ""
    municipality: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_cleaned(cls, data: dict[str, Any]) -> "AuditQuery":
        return cls(
            user=data.get("user") or "",
            event_type=data.get("event_type"),
            subject_type=data.get("subject_type") or "",
            subject_id=data.get("subject_id") or "",
            municipality=data.get("municipality"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )

    def as_extra(self) -> dict[str, Any]:
        """The filters used, for the AUDIT_SEARCHED / AUDIT_EXPORTED event (plain JSON)."""
        return {
            name: value.isoformat() if isinstance(value, date) else value
            for name, value in asdict(self).items()
            if value not in (None, "")
        }


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_events_for(*, municipalities: Iterable[int], query: AuditQuery) -> QuerySet[AuditEvent]:
    """Events of the officer's municipalities matching the filters, newest first.

    Events without a municipality (sign-ins, system events) are not shown to officers.
    """
    allowed = set(municipalities)
    if query.municipality is not None:
        allowed &= {query.municipality}
    events = AuditEvent.objects.filter(municipality_id__in=allowed)
    if query.user:
        # Through the account (the actor index); the label keeps the name an event was made with.
        user_ids = get_user_model().objects.filter(username=query.user).values("id")
        events = events.filter(actor_id__in=user_ids)
    if query.event_type is not None:
        events = events.filter(event_type=query.event_type)
    if query.subject_type:
        events = events.filter(subject_type=query.subject_type)
    if query.subject_id:
        events = events.filter(subject_id=query.subject_id)
    if query.date_from is not None:
        events = events.filter(event_time__gte=_start_of(query.date_from))
    if query.date_to is not None:
        events = events.filter(event_time__lt=_start_of(query.date_to + timedelta(days=1)))
    return events.order_by("-event_time", "-id")


def municipality_names(ids: Iterable[int]) -> dict[int, str]:
    return dict(Municipality.objects.filter(id__in=list(ids)).values_list("id", "name"))


def person_events(*, person: PersonRef, now: datetime | None = None) -> QuerySet[AuditEvent]:
    """Every event about the person in the last 365 days, newest first.

    Answered by the (subject_type, subject_id, event_time) index. The person was already
    checked to be in the officer's municipality (access.access_person_for_dpo).
    """
    since = (now or timezone.now()) - timedelta(days=PERSON_ACCESS_DAYS)
    return AuditEvent.objects.filter(
        subject_type=PERSON_SUBJECT, subject_id=str(person.id), event_time__gte=since
    ).order_by("-event_time", "-id")


def person_readers(events: QuerySet[AuditEvent]) -> list[dict[str, Any]]:
    """Per user: how many events, the first and the last time (most active first)."""
    return list(
        events.order_by()
        .values("actor_id")
        .annotate(
            actor_label=Max("actor_label"),
            count=Count("id"),
            first=Min("event_time"),
            last=Max("event_time"),
        )
        .order_by("-count", "actor_label")
    )
