"""Verifying the chain: an intact trail passes, any alteration is found at its first link."""

import pytest
from django.core.management import CommandError, call_command

from razem.audit.events import EventType
from razem.audit.log import Subject, record
from razem.audit.models import AuditEvent
from razem.audit.tests.helpers import chain, tamper
from razem.audit.verify import (
    PROBLEM_CONTENT,
    PROBLEM_GAP,
    PROBLEM_HASH,
    PROBLEM_PREV_HASH,
    PROBLEM_UNCHAINED,
    run_verification,
    verify_chain,
)

pytestmark = pytest.mark.django_db


def _events(count: int) -> list[AuditEvent]:
    for n in range(count):
        record(
            event_type=EventType.PERSON_VIEWED,
            subject=Subject("people.person", str(n), 1),
            extra={"n": n, "tekst": "zażółć"},
        )
    return chain()


def test_empty_trail_is_intact():
    result = verify_chain()
    assert result.ok
    assert result.events == 0
    assert result.head_hash == ""


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 2000])
def test_intact_chain_passes_in_any_chunk_size(chunk_size):
    # given
    rows = _events(7)
    # when
    result = verify_chain(chunk_size=chunk_size)
    # then
    assert result.ok
    assert result.events == 7
    assert result.head_hash == rows[-1].hash


def test_changed_content_is_reported_at_that_row():
    # given
    rows = _events(6)
    # when: an intruder rewrites the user of row 4
    tamper("UPDATE audit_auditevent SET actor_label = %s WHERE seq = %s", ["someone", 4])
    # then
    result = verify_chain(chunk_size=2)
    assert not result.ok
    assert result.broken.seq == 4
    assert result.broken.event_id == rows[3].id
    assert result.broken.problem == str(PROBLEM_CONTENT)
    assert result.events == 3
    assert result.head_hash == rows[2].hash


def test_changed_json_details_are_reported():
    _events(3)
    tamper("UPDATE audit_auditevent SET extra_data = %s WHERE seq = %s", ['{"n": 99}', 2])
    result = verify_chain()
    assert (result.broken.seq, result.broken.problem) == (2, str(PROBLEM_CONTENT))


def test_rewritten_row_with_recomputed_content_hash_breaks_the_next_link():
    # given: the intruder recomputes the row's own hashes so that row looks consistent
    rows = _events(5)
    fake = "f" * 64
    from razem.audit.chain import link_hash

    tamper(
        "UPDATE audit_auditevent SET content_hash = %s, hash = %s WHERE seq = %s",
        [fake, link_hash(rows[1].hash, fake), 3],
    )
    # then: row 3's content no longer matches its hash
    result = verify_chain()
    assert (result.broken.seq, result.broken.problem) == (3, str(PROBLEM_CONTENT))


def test_changed_chain_hash_is_reported():
    _events(4)
    tamper("UPDATE audit_auditevent SET hash = %s WHERE seq = %s", ["0" * 64, 4])
    result = verify_chain()
    assert (result.broken.seq, result.broken.problem) == (4, str(PROBLEM_HASH))


def test_changed_previous_hash_is_reported():
    _events(4)
    tamper("UPDATE audit_auditevent SET prev_hash = %s WHERE seq = %s", ["0" * 64, 2])
    result = verify_chain()
    assert (result.broken.seq, result.broken.problem) == (2, str(PROBLEM_PREV_HASH))


def test_deleted_row_in_the_middle_is_reported_as_a_gap():
    # given
    rows = _events(6)
    # when
    tamper("DELETE FROM audit_auditevent WHERE seq = %s", [3])
    # then: the row after the hole is the first broken link
    result = verify_chain(chunk_size=2)
    assert not result.ok
    assert result.broken.seq == 4
    assert result.broken.event_id == rows[3].id
    assert result.broken.problem == str(PROBLEM_GAP) % {"expected": 3}
    assert result.events == 2


def test_deleted_first_row_is_reported_as_a_gap():
    _events(3)
    tamper("DELETE FROM audit_auditevent WHERE seq = %s", [1])
    result = verify_chain()
    assert result.broken.seq == 2
    assert result.broken.problem == str(PROBLEM_GAP) % {"expected": 1}


def test_row_taken_out_of_the_chain_is_reported():
    rows = _events(3)
    tamper("UPDATE audit_auditevent SET seq = NULL WHERE seq = %s", [3])
    result = verify_chain()
    assert result.broken.seq is None
    assert result.broken.event_id == rows[2].id
    assert result.broken.problem == str(PROBLEM_UNCHAINED)


def test_run_verification_appends_an_audited_event_with_the_head():
    # given
    rows = _events(3)
    # when
    result = run_verification()
    # then
    assert result.ok
    event = chain()[-1]
    assert event.event_type == EventType.AUDIT_VERIFIED
    assert event.seq == 4
    assert event.extra_data == {"ok": True, "events": 3, "head": rows[-1].hash}
    assert verify_chain().events == 4


def test_command_prints_ok_with_the_head_hash(capsys):
    # given
    rows = _events(5)
    # when
    call_command("audit", "verify", "--chunk-size", "2")
    # then
    out = capsys.readouterr().out
    assert out.strip() == f"OK: 5 events, chain intact, head {rows[-1].hash}"
    assert AuditEvent.objects.filter(event_type=EventType.AUDIT_VERIFIED).count() == 1


def test_command_reports_the_first_broken_link_and_fails():
    # given
    rows = _events(5)
    tamper("UPDATE audit_auditevent SET subject_id = %s WHERE seq = %s", ["999", 2])
    tamper("DELETE FROM audit_auditevent WHERE seq = %s", [4])
    # when
    with pytest.raises(CommandError) as error:
        call_command("audit", "verify")
    # then
    assert error.value.returncode == 1
    message = str(error.value)
    assert message.startswith(f"BROKEN: first broken link at seq 2 (id {rows[1].id}): ")
    assert str(PROBLEM_CONTENT) in message
    broken = AuditEvent.objects.get(event_type=EventType.AUDIT_VERIFIED)
    assert broken.extra_data["ok"] is False
    assert broken.extra_data["broken_seq"] == 2


def test_command_exit_status_from_the_shell_entry_point(capsys):
    # given: a broken chain
    _events(2)
    tamper("UPDATE audit_auditevent SET actor_label = %s WHERE seq = %s", ["x", 1])
    # when
    from razem.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["razem", "audit", "verify"])
    # then
    assert exit_.value.code == 1
    assert "BROKEN: first broken link at seq 1" in capsys.readouterr().err
