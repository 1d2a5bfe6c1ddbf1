"""Database triggers that chain and protect the audit table, one variant per database."""

TABLE = "audit_auditevent"

POSTGRESQL = [
    f"""
    CREATE OR REPLACE FUNCTION razem_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE last_seq bigint; last_hash text;
    BEGIN
        -- One writer at a time extends the chain; held until the writer's transaction ends.
        PERFORM pg_advisory_xact_lock(hashtext('razem_audit_chain'));
        SELECT seq, hash INTO last_seq, last_hash FROM {TABLE}
            WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
        NEW.seq := COALESCE(last_seq, 0) + 1;
        NEW.prev_hash := COALESCE(last_hash, '');
        NEW.hash := encode(sha256(convert_to(NEW.prev_hash || NEW.content_hash, 'UTF8')), 'hex');
        RETURN NEW;
    END $$;
    """,
    f"""
    CREATE TRIGGER razem_audit_chain BEFORE INSERT ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION razem_audit_chain();
    """,
    """
    CREATE OR REPLACE FUNCTION razem_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'razem: the audit trail is append-only';
    END $$;
    """,
    f"""
    CREATE TRIGGER razem_audit_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION razem_audit_append_only();
    """,
]

POSTGRESQL_REVERSE = [
    f"DROP TRIGGER IF EXISTS razem_audit_append_only ON {TABLE};",
    f"DROP TRIGGER IF EXISTS razem_audit_chain ON {TABLE};",
    "DROP FUNCTION IF EXISTS razem_audit_append_only();",
    "DROP FUNCTION IF EXISTS razem_audit_chain();",
]

_LAST_HASH = f"(SELECT hash FROM {TABLE} WHERE seq = (SELECT MAX(seq) FROM {TABLE}))"

# SQLite runs one writer at a time, so the chain needs no extra lock; razem_sha256 and
# razem_audit_guard are registered by the razem.core.db.sqlite backend.
SQLITE = [
    f"""
    CREATE TRIGGER razem_audit_chain AFTER INSERT ON {TABLE}
    BEGIN
        UPDATE {TABLE} SET
            seq = (SELECT COALESCE(MAX(seq), 0) + 1 FROM {TABLE}),
            prev_hash = COALESCE({_LAST_HASH}, ''),
            hash = razem_sha256(COALESCE({_LAST_HASH}, '') || NEW.content_hash)
        WHERE id = NEW.id;
    END;
    """,
    f"""
    CREATE TRIGGER razem_audit_no_update BEFORE UPDATE ON {TABLE}
    WHEN OLD.hash IS NOT NULL AND razem_audit_guard() = 1
    BEGIN
        SELECT RAISE(ABORT, 'razem: the audit trail is append-only');
    END;
    """,
    f"""
    CREATE TRIGGER razem_audit_no_delete BEFORE DELETE ON {TABLE}
    WHEN razem_audit_guard() = 1
    BEGIN
        SELECT RAISE(ABORT, 'razem: the audit trail is append-only');
    END;
    """,
]

SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS razem_audit_no_delete;",
    "DROP TRIGGER IF EXISTS razem_audit_no_update;",
    "DROP TRIGGER IF EXISTS razem_audit_chain;",
]
