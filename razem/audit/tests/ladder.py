"""The audit pages in the permission ladder: data-protection officers only.

None holds one municipality's object in its URL (an officer sees the municipalities where they
hold the role), so none is `scoped`; a person of another municipality in ?person= answers 404,
tested in test_views.py.
"""

from razem.accounts.roles import Role
from razem.core.testing.ladder import UrlCase

DPO = (Role.DATA_PROTECTION_OFFICER,)

CASES = [
    UrlCase(name="audit:search", allowed=DPO, scoped=False),
    UrlCase(name="audit:person_access", allowed=DPO, scoped=False),
    UrlCase(name="audit:export", allowed=DPO, scoped=False, query="?format=csv"),
    UrlCase(name="audit:verify_page", allowed=DPO, scoped=False),
    UrlCase(
        name="audit:verify_page", allowed=DPO, scoped=False, method="post", expected_status=302
    ),
]
