"""Permission ladder of the accounts URLs (see razem.core.testing.ladder)."""

from razem.accounts.models import Membership
from razem.accounts.roles import Role
from razem.core.testing.factories import user_with_role
from razem.core.testing.ladder import UrlCase

ADMIN = (Role.MUNICIPALITY_ADMIN,)


def _colleague(municipality, user):  # type: ignore[no-untyped-def]
    return {"user_id": user_with_role(Role.ZI_MEMBER, municipality_obj=municipality).pk}


def _colleague_membership(municipality, user):  # type: ignore[no-untyped-def]
    colleague = user_with_role(Role.ZI_MEMBER, municipality_obj=municipality)
    return {"membership_id": Membership.objects.get(user=colleague).pk}


CASES = [
    UrlCase("accounts:login", public=True),
    UrlCase("accounts:logout", any_role=True, method="post", expected_status=302),
    UrlCase("accounts:logout_everywhere", any_role=True, method="post", expected_status=302),
    # A verified session is sent on (to the dashboard); the pages exist for the sign-in step.
    UrlCase("accounts:second_factor", any_role=True, expected_status=302),
    UrlCase("accounts:second_factor_setup", any_role=True, expected_status=302),
    # Without freshly generated codes in the session there is nothing to show: to Security.
    UrlCase("accounts:recovery_codes", any_role=True, expected_status=302),
    UrlCase(
        "accounts:recovery_codes_regenerate", any_role=True, method="post", expected_status=302
    ),
    UrlCase("accounts:security", any_role=True),
    UrlCase("accounts:password_change", any_role=True),
    UrlCase("accounts:switch_role", any_role=True),
    # The list and the creation form show the administrator's own municipality only: an
    # administrator elsewhere sees their own users, so these are not "other municipality" pages.
    UrlCase("accounts:users", allowed=ADMIN, scoped=False),
    UrlCase("accounts:user_create", allowed=ADMIN, scoped=False),
    UrlCase("accounts:user_detail", allowed=ADMIN, kwargs=_colleague),
    UrlCase("accounts:membership_grant", allowed=ADMIN, kwargs=_colleague),
    UrlCase("accounts:user_disable", allowed=ADMIN, kwargs=_colleague),
    UrlCase("accounts:membership_revoke", allowed=ADMIN, kwargs=_colleague_membership),
]
