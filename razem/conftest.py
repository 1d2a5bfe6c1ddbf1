"""Shared test set-up: network blocked, skips as failures in CI, database-specific tests."""

import os
import socket

import pytest
from django.conf import settings

from razem.core.db.sqlite.base import set_audit_guard

FAIL_ON_SKIP = os.environ.get("RAZEM_FAIL_ON_SKIP") == "1"


def _is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    """Tests for one database are deselected on the other (not skipped: nothing is missing)."""
    other = "sqlite_only" if _is_postgres() else "postgres_only"
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker(other) else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if FAIL_ON_SKIP and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (RAZEM_FAIL_ON_SKIP=1): {report.longrepr}"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):  # type: ignore[no-untyped-def]
    """Tests never reach another host; loopback stays open for the database."""
    real_connect = socket.socket.connect

    def guarded(sock, address):  # type: ignore[no-untyped-def]
        host = address[0] if isinstance(address, tuple) else address
        if (
            isinstance(host, str)
            and host not in {"127.0.0.1", "localhost", "::1"}
            and ("/" not in host)
        ):
            raise RuntimeError(f"Tests may not open network connections (to {host}).")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _sqlite_flush_allowed(request):  # type: ignore[no-untyped-def]
    """Transactional tests empty every table afterwards, the audit table included."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        set_audit_guard(False)
        yield
        set_audit_guard(True)
    else:
        yield


@pytest.fixture(autouse=True)
def _reset_caches():  # type: ignore[no-untyped-def]
    from django.core.cache import cache

    cache.clear()
