"""Canonical content of an audit row and the chain arithmetic, shared by writer and verifier."""

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

GENESIS = ""


def canonical_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def content_digest(
    *,
    event_time: datetime,
    actor_id: int | None,
    actor_label: str,
    ip_address: str | None,
    event_type: int,
    subject_type: str,
    subject_id: str,
    municipality_id: int | None,
    extra_data: dict[str, Any],
) -> str:
    payload = json.dumps(
        [
            canonical_time(event_time),
            actor_id,
            actor_label,
            ip_address,
            int(event_type),
            subject_type,
            subject_id,
            municipality_id,
            extra_data,
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def link_hash(prev_hash: str, content_hash: str) -> str:
    """What the database trigger computes: sha256(prev_hash || content_hash)."""
    return hashlib.sha256((prev_hash + content_hash).encode("utf-8")).hexdigest()
