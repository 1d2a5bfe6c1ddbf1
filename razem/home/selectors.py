"""What each role's dashboard shows. Aggregates only; every query is bounded."""

from datetime import timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from razem.accounts.memberships import Grant
from razem.accounts.models import Membership
from razem.accounts.roles import Role
from razem.audit.events import EventType
from razem.audit.models import AuditEvent
from razem.people.models import Person
from razem.territory.models import Institution, InstitutionKind, Municipality

UNUSUAL_READS_PER_DAY = 200


def chair_summary(grant: Grant) -> dict[str, Any]:
    persons = Person.objects.filter(municipality_id=grant.municipality_id)
    return {"persons_total": persons.count()}


def recorded_by_me(grant: Grant, user: Any) -> dict[str, Any]:
    mine = Person.objects.filter(municipality_id=grant.municipality_id, created_by=user)
    recent = list(
        mine.order_by("-created_at").values("id", "first_names", "surname", "created_at")[:10]
    )
    return {"recorded_count": mine.count(), "recorded_recent": recent}


def admin_summary(grant: Grant) -> dict[str, Any]:
    memberships = Membership.objects.filter(municipality_id=grant.municipality_id, is_active=True)
    user_ids = memberships.values("user_id")
    with_device = TOTPDevice.objects.filter(user_id__in=user_ids, confirmed=True).values("user_id")
    users_without_second_factor = list(
        memberships.exclude(user_id__in=with_device)
        .exclude(role=Role.VOIVODESHIP_ANALYST)
        .values("user_id", "user__username", "user__first_name", "user__last_name")
        .distinct()
        .order_by("user__last_name")[:20]
    )
    institutions = Institution.objects.filter(municipality_id=grant.municipality_id)
    return {
        "users_total": memberships.values("user_id").distinct().count(),
        "institutions_total": institutions.count(),
        "institutions_by_kind": [
            {"label": InstitutionKind(row["kind"]).label, "n": row["n"]}
            for row in institutions.values("kind").annotate(n=Count("id")).order_by("kind")
        ],
        "users_without_second_factor": users_without_second_factor,
    }


def dpo_summary(grant: Grant) -> dict[str, Any]:
    since = timezone.now() - timedelta(hours=24)
    events = AuditEvent.objects.filter(municipality_id=grant.municipality_id, event_time__gte=since)
    reads = Q(event_type=EventType.PERSON_VIEWED) | Q(event_type=EventType.PERSON_EXPORTED)
    top_readers = list(
        events.filter(reads)
        .values("actor_id", "actor_label")
        .annotate(n=Count("id"))
        .order_by("-n")[:5]
    )
    for reader in top_readers:
        reader["unusual"] = reader["n"] >= UNUSUAL_READS_PER_DAY
    return {
        "events_24h": events.count(),
        "top_readers": top_readers,
        "unusual_threshold": UNUSUAL_READS_PER_DAY,
    }


def analyst_summary(grant: Grant) -> dict[str, Any]:
    municipalities = Municipality.objects.filter(county__voivodeship_id=grant.voivodeship_id)
    return {
        "municipalities_total": municipalities.count(),
        "municipalities_using": municipalities.filter(uses_razem=True).count(),
        "municipalities_using_list": list(
            municipalities.filter(uses_razem=True).values("name", "teryt").order_by("name")[:50]
        ),
    }
