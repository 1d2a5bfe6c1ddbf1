"""The second factor: TOTP devices (an authenticator app) and one-time recovery codes.

Reads only; the writes (enrolment, verification, new codes) are in razem.accounts.actions.
"""

from base64 import b32encode
from binascii import unhexlify

import segno
from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

RECOVERY_CODE_COUNT = 10
TOTP_DIGITS = 6
DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"


def confirmed_totp_device(user) -> TOTPDevice | None:  # type: ignore[no-untyped-def]
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def has_confirmed_device(user) -> bool:  # type: ignore[no-untyped-def]
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_device(user) -> StaticDevice | None:  # type: ignore[no-untyped-def]
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def recovery_codes_left(user) -> int:  # type: ignore[no-untyped-def]
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def new_secret() -> str:
    """A fresh TOTP key (hex, as TOTPDevice stores it)."""
    return default_key()


def secret_for_manual_entry(hex_key: str) -> str:
    """The key in base32, in groups of four, as authenticator apps ask for it."""
    plain = b32encode(unhexlify(hex_key)).decode("ascii").rstrip("=")
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


def provisioning_url(user, hex_key: str) -> str:  # type: ignore[no-untyped-def]
    """The otpauth:// address an authenticator app reads from the QR code."""
    return TOTPDevice(user=user, key=hex_key, name=DEVICE_NAME).config_url


def qr_code_svg(url: str, *, title: str) -> str:
    """The QR code as inline SVG, drawn here (never by an outside service)."""
    return segno.make(url, error="m").svg_inline(
        scale=4, omitsize=True, title=title, svgclass="qr-code", lineclass=None
    )


def totp_matches(hex_key: str, code: str) -> bool:
    """Whether the code is valid for the key now (enrolment, before a device exists)."""
    if not looks_like_totp(code):
        return False
    totp = TOTP(unhexlify(hex_key), digits=TOTP_DIGITS)
    return totp.verify(int(code), tolerance=getattr(settings, "OTP_TOTP_TOLERANCE", 1))


def current_code(device: TOTPDevice) -> str:
    """The code the device shows now (demo command)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def looks_like_totp(code: str) -> bool:
    return code.isdigit() and len(code) == TOTP_DIGITS


def new_recovery_codes() -> list[str]:
    return [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
