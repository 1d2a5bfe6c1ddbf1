"""Walking the audit chain and proving it has not been altered (S3).

`verify_chain` reads the table by `seq` in keyset chunks (constant memory, millions of rows),
recomputes every row's content hash from its fields and checks each link. It stops at the first
broken link: everything after it is untrustworthy anyway. `run_verification` also appends an
AUDIT_VERIFIED event, so the trail records who checked it and which head hash they saw.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from razem.audit.chain import GENESIS, content_digest, link_hash
from razem.audit.events import EventType
from razem.audit.log import record
from razem.audit.models import AuditEvent

CHUNK_SIZE = 2000

# What can be wrong with a link; the page and the command show these texts.
PROBLEM_GAP = _("a row is missing before this one (expected sequence number %(expected)s)")
PROBLEM_CONTENT = _("the row's contents were changed after it was written")
PROBLEM_PREV_HASH = _("the row does not point to the previous row's hash")
PROBLEM_HASH = _("the row's chain hash does not match its contents and the previous row")
PROBLEM_UNCHAINED = _("the row was never linked into the chain (no sequence number)")

_FIELDS = (
    "id",
    "seq",
    "prev_hash",
    "hash",
    "content_hash",
    "event_time",
    "actor_id",
    "actor_label",
    "ip_address",
    "event_type",
    "subject_type",
    "subject_id",
    "municipality_id",
    "extra_data",
)


@dataclass(frozen=True)
class BrokenLink:
    seq: int | None
    event_id: int
    problem: str


@dataclass(frozen=True)
class VerificationResult:
    events: int
    head_hash: str
    broken: BrokenLink | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None

    def as_extra(self) -> dict[str, Any]:
        """What the AUDIT_VERIFIED event keeps (plain JSON)."""
        extra: dict[str, Any] = {"ok": self.ok, "events": self.events, "head": self.head_hash}
        if self.broken is not None:
            extra |= {
                "broken_seq": self.broken.seq,
                "broken_id": self.broken.event_id,
                "problem": self.broken.problem,
            }
        return extra


def _rows(chunk_size: int) -> Iterator[dict[str, Any]]:
    """Chained rows in `seq` order, one keyset page at a time (uses the unique seq index)."""
    last_seq = 0
    while True:
        chunk = list(
            AuditEvent.objects.filter(seq__gt=last_seq)
            .order_by("seq")
            .values(*_FIELDS)[:chunk_size]
        )
        yield from chunk
        if len(chunk) < chunk_size:
            return
        last_seq = chunk[-1]["seq"]


def _recomputed_content(row: dict[str, Any]) -> str:
    return content_digest(
        event_time=row["event_time"],
        actor_id=row["actor_id"],
        actor_label=row["actor_label"],
        ip_address=row["ip_address"],
        event_type=row["event_type"],
        subject_type=row["subject_type"],
        subject_id=row["subject_id"],
        municipality_id=row["municipality_id"],
        extra_data=row["extra_data"],
    )


def _problem(row: dict[str, Any], *, expected_seq: int, prev_hash: str) -> str | None:
    if row["seq"] != expected_seq:
        return str(PROBLEM_GAP) % {"expected": expected_seq}
    if _recomputed_content(row) != row["content_hash"]:
        return str(PROBLEM_CONTENT)
    if row["prev_hash"] != prev_hash:
        return str(PROBLEM_PREV_HASH)
    if row["hash"] != link_hash(row["prev_hash"] or "", row["content_hash"]):
        return str(PROBLEM_HASH)
    return None


def verify_chain(*, chunk_size: int = CHUNK_SIZE) -> VerificationResult:
    """Check every link from seq 1 to the head; report the first broken one.

    Read-only. The head hash of an intact chain can be written down outside the database:
    a later run whose chain no longer passes through it proves the tail was rewritten.
    """
    count = 0
    prev_hash = GENESIS
    for row in _rows(chunk_size):
        problem = _problem(row, expected_seq=count + 1, prev_hash=prev_hash)
        if problem is not None:
            return VerificationResult(count, prev_hash, BrokenLink(row["seq"], row["id"], problem))
        count += 1
        prev_hash = row["hash"]
    unchained = (
        AuditEvent.objects.filter(seq__isnull=True).order_by("id").values_list("id", flat=True)
    ).first()
    if unchained is not None:
        return VerificationResult(
            count, prev_hash, BrokenLink(None, unchained, str(PROBLEM_UNCHAINED))
        )
    return VerificationResult(count, prev_hash)


def run_verification(
    *, acting_user: Any = None, request: HttpRequest | None = None, chunk_size: int = CHUNK_SIZE
) -> VerificationResult:
    """Verify the chain, then append an AUDIT_VERIFIED event with the outcome and head hash.

    The event is written for a broken chain too: who found the break, and when, is evidence.
    """
    result = verify_chain(chunk_size=chunk_size)
    record(
        event_type=EventType.AUDIT_VERIFIED,
        actor=acting_user,
        request=request,
        extra=result.as_extra(),
    )
    return result


def last_verification() -> AuditEvent | None:
    """The most recent AUDIT_VERIFIED event (its extra_data holds the outcome)."""
    return (
        # municipality_id IS NULL lets the (municipality_id, event_type, event_time) index answer.
        AuditEvent.objects.filter(municipality_id__isnull=True, event_type=EventType.AUDIT_VERIFIED)
        .order_by("-event_time", "-id")
        .first()
    )
