"""The only way views obtain accounts and memberships they act on.

A municipality administrator works in the municipality of the active role; users and
memberships outside it answer 404, so their existence is not revealed.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from razem.accounts.memberships import Grant, grants_of
from razem.accounts.models import Membership, User
from razem.accounts.roles import Role


def administered_municipality_id(request: HttpRequest) -> int:
    """The municipality the signed-in administrator manages; 403 for any other role."""
    grant: Grant | None = getattr(request, "grant", None)
    if grant is None:
        raise PermissionDenied
    if grant.role != Role.MUNICIPALITY_ADMIN:
        raise PermissionDenied
    if grant.municipality_id is None:
        raise PermissionDenied
    return grant.municipality_id


def access_managed_user(*, user_id: int, municipality_id: int, for_update: bool = False) -> User:
    """A user who holds (or held) a role in the municipality; 404 otherwise."""
    in_municipality = Membership.objects.filter(municipality_id=municipality_id).values("user_id")
    queryset = User.objects.filter(pk=user_id, pk__in=in_municipality)
    if for_update:
        queryset = queryset.select_for_update()
    user = queryset.first()
    if user is None:
        raise Http404
    return user


def access_membership(
    *, membership_id: int, municipality_id: int, for_update: bool = False
) -> Membership:
    """A membership of the municipality (with its user and institution); 404 otherwise."""
    queryset = Membership.objects.select_related("user", "institution").filter(
        pk=membership_id, municipality_id=municipality_id
    )
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    membership = queryset.first()
    if membership is None:
        raise Http404
    return membership


def access_own_grant(user: User, membership_id: int | None) -> Grant:
    """One of the user's own active roles (role switch); 404 otherwise."""
    for grant in grants_of(user):
        if grant.membership_id == membership_id:
            return grant
    raise Http404
