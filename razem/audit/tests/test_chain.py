"""The writer and the database triggers: a contiguous hash chain that cannot be altered."""

from datetime import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from razem.audit.chain import GENESIS, content_digest, link_hash
from razem.audit.events import EventType
from razem.audit.log import Subject, record, record_views
from razem.audit.models import AuditEvent
from razem.audit.tests.helpers import chain
from razem.core.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _assert_chained(rows: list[AuditEvent]) -> None:
    previous = GENESIS
    for number, row in enumerate(rows, start=1):
        assert row.seq == number
        assert row.prev_hash == previous
        assert row.hash == link_hash(previous, row.content_hash)
        previous = row.hash


def _stored_content(row: AuditEvent) -> str:
    return content_digest(
        event_time=row.event_time,
        actor_id=row.actor_id,
        actor_label=row.actor_label,
        ip_address=row.ip_address,
        event_type=row.event_type,
        subject_type=row.subject_type,
        subject_id=row.subject_id,
        municipality_id=row.municipality_id,
        extra_data=row.extra_data,
    )


def test_writer_produces_a_contiguous_chain_with_correct_hashes():
    # given
    user = UserFactory()
    # when
    record(event_type=EventType.LOGIN, actor=user)
    record(
        event_type=EventType.PERSON_CREATED, actor=user, subject=Subject("people.person", "7", 1)
    )
    record(event_type=EventType.KEYS_ROTATED)
    # then
    rows = chain()
    assert [r.event_type for r in rows] == [
        EventType.LOGIN,
        EventType.PERSON_CREATED,
        EventType.KEYS_ROTATED,
    ]
    _assert_chained(rows)
    assert rows[1].municipality_id == 1
    assert rows[0].actor_label == user.username


def test_record_views_chains_three_subjects_written_in_one_insert(django_assert_num_queries):
    # given
    user = UserFactory()
    record(event_type=EventType.LOGIN, actor=user)
    subjects = [Subject("people.person", str(n), 1) for n in (11, 12, 13)]
    # when
    with django_assert_num_queries(1):
        record_views(
            actor=user, request=None, subjects=subjects, event_type=EventType.PERSON_VIEWED
        )
    # then
    rows = chain()
    assert [r.subject_id for r in rows[1:]] == ["11", "12", "13"]
    _assert_chained(rows)


def test_stored_fields_round_trip_to_the_same_content_hash():
    # given: an IPv6 address in its long form and details that JSON could reshape
    request = RequestFactory().get("/", REMOTE_ADDR="2001:0DB8:0000:0000:0000:0000:0000:0001")
    extra = {"zmiany": {"nazwisko": ["Łęcka", "Żółć"]}, "liczba": 2.5, "lista": [1, None, True]}
    # when
    record(event_type=EventType.PERSON_UPDATED, actor=UserFactory(), request=request, extra=extra)
    # then
    row = AuditEvent.objects.get()
    assert row.ip_address == "2001:db8::1"
    assert _stored_content(row) == row.content_hash


def test_event_time_keeps_microseconds():
    record(event_type=EventType.LOGIN)
    row = AuditEvent.objects.get()
    assert isinstance(row.event_time, datetime)
    assert _stored_content(row) == row.content_hash


def _refused(statement: str, params: list) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_update_of_an_audit_row_is_refused():
    # given
    record(event_type=EventType.LOGIN, extra={"a": 1})
    before = AuditEvent.objects.values().get()
    # when / then
    _refused("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", ["x", before["id"]])
    assert AuditEvent.objects.values().get() == before


def test_update_through_the_orm_is_refused():
    record(event_type=EventType.LOGIN)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.update(actor_label="x")
    assert AuditEvent.objects.get().actor_label == ""


def test_delete_of_an_audit_row_is_refused():
    # given
    record(event_type=EventType.LOGIN)
    record(event_type=EventType.LOGOUT)
    # when / then
    _refused("DELETE FROM audit_auditevent WHERE seq = %s", [1])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 2
    _assert_chained(chain())
