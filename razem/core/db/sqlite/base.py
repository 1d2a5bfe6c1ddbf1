"""SQLite backend with the functions the audit trail's triggers need."""

import hashlib

from django.db.backends.sqlite3 import base

# Tests that empty every table between runs switch the append-only guard off for that moment.
_guard = {"enabled": True}


def set_audit_guard(enabled: bool) -> None:
    _guard["enabled"] = enabled


def _sha256_hex(value: str | None) -> str | None:
    if value is None:
        return None
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _audit_guard() -> int:
    return 1 if _guard["enabled"] else 0


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):  # type: ignore[no-untyped-def]
        connection = super().get_new_connection(conn_params)
        connection.create_function("razem_sha256", 1, _sha256_hex, deterministic=True)
        connection.create_function("razem_audit_guard", 0, _audit_guard)
        return connection
