"""Reads for the accounts pages. Each takes the scope it may show."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from razem.accounts import otp
from razem.accounts.memberships import Grant, grants_of
from razem.accounts.models import Membership, User
from razem.territory.models import Institution


def users_of_municipality(*, municipality_id: int, search: str = "") -> QuerySet[User]:
    """Users holding or having held a role in the municipality, with its active roles
    preloaded as `local_memberships` (a fixed number of queries per page)."""
    in_municipality = Membership.objects.filter(municipality_id=municipality_id).values("user_id")
    local = (
        Membership.objects.filter(municipality_id=municipality_id, is_active=True)
        .select_related("institution")
        .order_by("role", "institution__name")
    )
    queryset = User.objects.filter(pk__in=in_municipality).prefetch_related(
        Prefetch("memberships", queryset=local, to_attr="local_memberships")
    )
    for word in search.split():
        queryset = queryset.filter(
            Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
        )
    return queryset.order_by("last_name", "first_name", "username")


def memberships_in_municipality(*, user: User, municipality_id: int) -> list[Membership]:
    """The user's roles in the municipality, active first; roles elsewhere are not shown."""
    return list(
        Membership.objects.filter(user=user, municipality_id=municipality_id)
        .select_related("institution")
        .order_by("-is_active", "role", "institution__name")
    )


def institutions_of_municipality(*, municipality_id: int) -> QuerySet[Institution]:
    return Institution.objects.filter(municipality_id=municipality_id, is_active=True).order_by(
        "name"
    )


@dataclass(frozen=True)
class SecurityOverview:
    grants: list[Grant]
    has_authenticator: bool
    recovery_codes_left: int


def security_overview(*, viewer: User) -> SecurityOverview:
    return SecurityOverview(
        grants=grants_of(viewer),
        has_authenticator=otp.has_confirmed_device(viewer),
        recovery_codes_left=otp.recovery_codes_left(viewer),
    )
