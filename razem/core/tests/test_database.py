"""SQLite runs in WAL mode with IMMEDIATE transactions (P7); PostgreSQL is configured by URL."""

import pytest
from django.db import connection

from config.settings import base


def test_sqlite_default_uses_wal_and_immediate_transactions(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)

    config = base._database()

    assert config["ENGINE"] == "razem.core.db.sqlite"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 20


def test_database_url_switches_to_postgresql_with_a_pool(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://razem:x@db.internal:5432/razem")

    config = base._database()

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "razem"
    assert config["OPTIONS"]["pool"]["max_size"] >= 1


@pytest.mark.sqlite_only
@pytest.mark.django_db
def test_sqlite_connection_has_audit_functions():
    with connection.cursor() as cursor:
        cursor.execute("SELECT razem_sha256('a')")
        assert cursor.fetchone()[0].startswith("ca978112")
