"""Base classes for the REST API: the same rules as the pages, authenticated by DRF."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_not_required
from rest_framework.views import APIView


class ApiView(APIView):
    """DRF authenticates API calls (token or session) itself, so the page-login middleware
    must let them through to DRF, which answers 401/403 in JSON."""

    @classmethod
    def as_view(cls, **initkwargs):  # type: ignore[no-untyped-def]
        return login_not_required(super().as_view(**initkwargs))


def api_view_public(view: Callable) -> Callable:
    return login_not_required(view)
