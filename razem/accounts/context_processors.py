"""The top bar and the left menu: only the areas the active role may open."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from razem.accounts.memberships import grants_of
from razem.accounts.roles import PEOPLE_REGISTRY_ROLES, Role

# (URL name, label, roles that see the entry)
MENU = [
    ("home:dashboard", _("Dashboard"), None),
    ("people:list", _("People"), PEOPLE_REGISTRY_ROLES),
    ("audit:search", _("Audit"), frozenset({Role.DATA_PROTECTION_OFFICER})),
    ("accounts:users", _("Administration"), frozenset({Role.MUNICIPALITY_ADMIN})),
]


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    grant = getattr(request, "grant", None)
    items = []
    for name, label, roles in MENU:
        if roles is None or (grant is not None and grant.role in roles):
            items.append({"url": reverse(name), "label": label, "name": name})
    return {"menu_items": items, "active_grant": grant, "all_grants": grants_of(user)}
