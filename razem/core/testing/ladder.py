"""The permission ladder (S2): every URL is declared here by its app's tests/ladder.py.

`razem/core/tests/test_permission_ladder.py` walks every URL pattern of the project and fails
if a pattern has no case, so a new page cannot be forgotten. For each case it checks:
anonymous -> sign-in page (or 401/403 for the API); a wrong role -> 403 or 404;
the right role in another municipality -> 404 (for pages scoped to a municipality's data);
the right role -> the expected status.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from razem.accounts.roles import Role

# Builds the URL's kwargs with objects that belong to the given municipality, created by
# the given user (the allowed one) when ownership matters.
KwargsBuilder = Callable[[Any, Any], dict[str, Any]]


@dataclass(frozen=True)
class UrlCase:
    name: str
    allowed: tuple[Role, ...] = ()
    kwargs: KwargsBuilder = field(default=lambda municipality, user: {})
    method: str = "get"
    data: dict[str, Any] | None = None
    expected_status: int = 200
    public: bool = False  # no sign-in needed (public pages, the sign-in page itself)
    any_role: bool = False  # every signed-in user may open it
    scoped: bool = True  # holds one municipality's data: other municipality -> 404
    api: bool = False  # DRF endpoint: anonymous gets 401/403 instead of a redirect
    query: str = ""  # appended to the URL, e.g. "?person=1"
    skip_reason: str = ""  # only for framework URLs (admin, static): a stated reason


def all_cases() -> list[UrlCase]:
    from importlib import import_module

    from django.apps import apps

    cases: list[UrlCase] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("razem."):
            continue
        try:
            module = import_module(f"{config.name}.tests.ladder")
        except ModuleNotFoundError:
            continue
        cases.extend(module.CASES)
    return cases
