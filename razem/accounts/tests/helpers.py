"""Helpers for the accounts tests: signing in through the real pages, audit look-ups."""

from binascii import unhexlify

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP

from razem.accounts.models import User
from razem.audit.events import EventType
from razem.audit.models import AuditEvent
from razem.core.testing.factories import DEFAULT_PASSWORD

LOGIN_URL = reverse("accounts:login")
SECOND_FACTOR_URL = reverse("accounts:second_factor")
SETUP_URL = reverse("accounts:second_factor_setup")


def post_password(client: Client, username: str, password: str = DEFAULT_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(LOGIN_URL, {"username": username, "password": password})


def code_for_key(hex_key: str) -> str:
    return str(TOTP(unhexlify(hex_key)).token()).zfill(6)


def events(event_type: EventType, **filters: object) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_type=event_type, **filters).order_by("id"))


def events_of(user: User, event_type: EventType) -> list[AuditEvent]:
    return events(event_type, actor_id=user.pk)
