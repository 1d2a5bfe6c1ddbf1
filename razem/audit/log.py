"""Writing the audit trail. Called by actions (inside their transaction) and by views that read
personal data. One INSERT per call: the chain is completed by the database trigger.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from razem.audit.chain import content_digest
from razem.audit.events import EventType
from razem.audit.models import AuditEvent

MASK = "***"


@dataclass(frozen=True)
class Subject:
    """What an event is about: a type label and an id (kept as text, the trail outlives rows)."""

    type: str
    id: str
    municipality_id: int | None = None

    @classmethod
    def of(cls, obj: models.Model) -> "Subject":
        return cls(
            type=obj._meta.label_lower,
            id=str(obj.pk),
            municipality_id=getattr(obj, "municipality_id", None),
        )


def client_address(request: HttpRequest | None) -> str | None:
    """The client's address as the database will store it (IPv6 in its short form), so the
    content hash computed here matches the one recomputed from the stored row."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR") or None
    return AuditEvent._meta.get_field("ip_address").get_prep_value(address)


def changes_between(
    old: Mapping[str, Any], new: Mapping[str, Any], *, masked: Iterable[str] = ()
) -> dict[str, list[Any]]:
    """Changed fields as {field: [old, new]}; sensitive values are replaced by a mask."""
    hidden = set(masked)
    result: dict[str, list[Any]] = {}
    for field, new_value in new.items():
        old_value = old.get(field)
        if old_value == new_value:
            continue
        if field in hidden:
            result[field] = [MASK if old_value else "", MASK if new_value else ""]
        else:
            result[field] = [_plain(old_value), _plain(new_value)]
    return result


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, models.Model):
        return value.pk
    return str(value)


def _build(
    *,
    event_type: EventType,
    actor: Any,
    request: HttpRequest | None,
    subject: Subject | None,
    municipality_id: int | None,
    extra: Mapping[str, Any] | None,
    actor_label: str = "",
) -> AuditEvent:
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    fields = {
        "event_time": timezone.now(),
        "actor_id": actor_id,
        # Without a signed-in actor (a failed sign-in) the attempted user name is kept.
        "actor_label": actor.get_username() if actor_id else actor_label[:150],
        "ip_address": client_address(request),
        "event_type": int(event_type),
        "subject_type": subject.type if subject else "",
        "subject_id": subject.id if subject else "",
        "municipality_id": municipality_id
        if municipality_id is not None
        else (subject.municipality_id if subject else None),
        "extra_data": dict(extra or {}),
    }
    return AuditEvent(**fields, content_hash=content_digest(**fields))


def record(
    *,
    event_type: EventType,
    actor: Any = None,
    request: HttpRequest | None = None,
    subject: Subject | None = None,
    municipality_id: int | None = None,
    extra: Mapping[str, Any] | None = None,
    actor_label: str = "",
) -> None:
    """Append one event. Inside an action it joins the action's transaction."""
    event = _build(
        event_type=event_type,
        actor=actor,
        request=request,
        subject=subject,
        municipality_id=municipality_id,
        extra=extra,
        actor_label=actor_label,
    )
    event.save(force_insert=True)


@dataclass(frozen=True)
class Entry:
    """One event of a batch written by record_many."""

    event_type: EventType
    subject: Subject | None = None
    extra: Mapping[str, Any] | None = None


def record_many(*, actor: Any, request: HttpRequest | None, entries: Iterable[Entry]) -> None:
    """Several events of one request in a single INSERT (P5: one extra query per request)."""
    events = [
        _build(
            event_type=entry.event_type,
            actor=actor,
            request=request,
            subject=entry.subject,
            municipality_id=None,
            extra=entry.extra,
        )
        for entry in entries
    ]
    if len(events) == 1:
        events[0].save(force_insert=True)  # one statement, no transaction to open around it
    elif events:
        AuditEvent.objects.bulk_create(events)


def record_views(
    *,
    actor: Any,
    request: HttpRequest | None,
    subjects: Iterable[Subject],
    event_type: EventType,
    extra: Mapping[str, Any] | None = None,
) -> None:
    """One "viewed" event per subject shown, written in a single INSERT (P5)."""
    record_many(
        actor=actor,
        request=request,
        entries=[Entry(event_type, subject, extra) for subject in subjects],
    )
