"""Signing a user in for tests, past the password and the second factor."""

import time

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from razem.accounts.middleware import SESSION_SEEN, SESSION_STARTED


def login(client: Client, user) -> None:  # type: ignore[no-untyped-def]
    """Force-log the user in and mark the session's second factor as verified.

    A confirmed TOTP device is created when the user has none.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    # As the sign-in action does: the clocks of the idle and absolute limits start now.
    now = time.time()
    session[SESSION_STARTED] = now
    session[SESSION_SEEN] = now
    session.save()
