"""Error pages. They render without the database, which may be the thing that failed."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

DATABASE_DOWN = (OperationalError, InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    """A friendly 503 when the database is unreachable, a plain 500 otherwise; never a trace."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    ):
        body = loader.get_template("errors/503.html").render({})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        return response
    body = loader.get_template("errors/500.html").render({})
    return HttpResponse(body, status=500)
