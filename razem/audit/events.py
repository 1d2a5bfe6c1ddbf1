"""Audit event types, in numbered blocks per area so the numbers never move."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.IntegerChoices):
    # 100-199: accounts and sessions
    LOGIN = 100, _("signed in")
    LOGIN_FAILED = 101, _("failed sign-in")
    LOGOUT = 102, _("signed out")
    LOGOUT_EVERYWHERE = 103, _("signed out on every device")
    OTP_ENROLLED = 104, _("second factor set up")
    OTP_VERIFIED = 105, _("second factor confirmed")
    OTP_FAILED = 106, _("wrong second-factor code")
    RECOVERY_CODE_USED = 107, _("recovery code used")
    RECOVERY_CODES_CREATED = 108, _("recovery codes generated")
    SESSION_EXPIRED = 109, _("session expired")
    LOCKED_OUT = 110, _("account locked after failed sign-ins")
    ROLE_SWITCHED = 111, _("switched role")
    USER_CREATED = 120, _("user created")
    USER_UPDATED = 121, _("user updated")
    USER_DISABLED = 122, _("user disabled")
    MEMBERSHIP_GRANTED = 123, _("role granted")
    MEMBERSHIP_REVOKED = 124, _("role revoked")
    # 200-299: people registry
    PERSON_VIEWED = 200, _("person viewed")
    PERSON_CREATED = 201, _("person created")
    PERSON_UPDATED = 202, _("person updated")
    PERSON_SEARCHED = 203, _("people searched")
    PERSON_LISTED = 204, _("people list viewed")
    PERSON_EXPORTED = 205, _("people exported")
    ADDRESS_ADDED = 210, _("address added")
    ADDRESS_UPDATED = 211, _("address updated")
    CONFIDENTIAL_ADDRESS_VIEWED = 212, _("confidential address viewed")
    CONTACT_ADDED = 215, _("contact added")
    RELATIONSHIP_ADDED = 220, _("relationship added")
    RELATIONSHIP_REMOVED = 221, _("relationship removed")
    HOUSEHOLD_CHANGED = 225, _("household changed")
    # 300-399: Blue Card procedure (reserved)
    # 400-499: interdisciplinary team (reserved)
    # 500-599: programmes (reserved)
    # 600-699: prevention (reserved)
    # 700-799: planning and statistics (reserved)
    # 800-899: audit itself
    AUDIT_SEARCHED = 800, _("audit trail searched")
    AUDIT_EXPORTED = 801, _("audit trail exported")
    AUDIT_VERIFIED = 802, _("audit chain verified")
    # 900-999: system
    KEYS_ROTATED = 900, _("encryption keys rotated")
    DEMO_LOADED = 901, _("demo data loaded")
    DATA_GENERATED = 902, _("synthetic data generated")
