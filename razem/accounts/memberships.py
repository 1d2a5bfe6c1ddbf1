"""The roles a signed-in user holds, loaded once per request."""

from dataclasses import dataclass

from razem.accounts.models import Membership
from razem.accounts.roles import ROLES_WITH_PERSONAL_DATA, Role

_CACHE_ATTR = "_razem_memberships"


@dataclass(frozen=True)
class Grant:
    """A role held where: a municipality for local roles, a voivodeship for the analyst."""

    membership_id: int
    role: Role
    municipality_id: int | None
    voivodeship_id: int | None
    institution_id: int
    place_name: str
    institution_name: str

    @property
    def role_label(self) -> str:
        return str(self.role.label)


def grants_of(user) -> list[Grant]:  # type: ignore[no-untyped-def]
    """Active memberships of the user (one query, cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        rows = Membership.objects.filter(
            user=user, is_active=True, institution__is_active=True
        ).values_list(
            "id",
            "role",
            "municipality_id",
            "voivodeship_id",
            "institution_id",
            "municipality__name",
            "voivodeship__name",
            "institution__name",
        )
        cached = [Grant(r[0], Role(r[1]), r[2], r[3], r[4], r[5] or r[6] or "", r[7]) for r in rows]
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget(user) -> None:  # type: ignore[no-untyped-def]
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_role(user, role: Role, municipality_id: int | None = None) -> bool:  # type: ignore[no-untyped-def]
    return any(
        g.role == role and (municipality_id is None or g.municipality_id == municipality_id)
        for g in grants_of(user)
    )


def has_any_role(user, roles, municipality_id: int | None = None) -> bool:  # type: ignore[no-untyped-def]
    return any(has_role(user, role, municipality_id) for role in roles)


def municipalities_with(user, roles) -> set[int]:  # type: ignore[no-untyped-def]
    return {
        g.municipality_id
        for g in grants_of(user)
        if g.role in roles and g.municipality_id is not None
    }


def needs_second_factor(user) -> bool:  # type: ignore[no-untyped-def]
    """Every role that can see personal data signs in with TOTP (S5)."""
    if user.is_superuser or user.is_staff:
        return True
    return any(g.role in ROLES_WITH_PERSONAL_DATA for g in grants_of(user))
