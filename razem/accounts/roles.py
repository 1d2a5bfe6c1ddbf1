"""Roles a user holds in a municipality's local system, and what each may reach."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MUNICIPALITY_ADMIN = "municipality_admin", _("municipality administrator")
    ZI_CHAIR = "zi_chair", _("chair of the interdisciplinary team")
    ZI_MEMBER = "zi_member", _("member of the interdisciplinary team")
    GROUP_MEMBER = "group_member", _("member of a diagnostic-support group")
    INITIATING_OFFICER = "initiating_officer", _("initiating officer (form A)")
    PROGRAMME_STAFF = "programme_staff", _("programme staff")
    PREVENTION_COORDINATOR = "prevention_coordinator", _("prevention coordinator")
    VOIVODESHIP_ANALYST = "voivodeship_analyst", _("voivodeship analyst")
    DATA_PROTECTION_OFFICER = "dpo", _("data protection officer")


# The voivode's office sees aggregates only, never a person: no second factor demanded, and
# the role is held in a voivodeship rather than a municipality.
VOIVODESHIP_ROLES = frozenset({Role.VOIVODESHIP_ANALYST})
ROLES_WITH_PERSONAL_DATA = frozenset(set(Role) - VOIVODESHIP_ROLES)

# Who may open the people registry (reads are audited and scoped further in people.access).
PEOPLE_REGISTRY_ROLES = frozenset(
    {Role.ZI_CHAIR, Role.ZI_MEMBER, Role.GROUP_MEMBER, Role.INITIATING_OFFICER}
)
