"""The data-protection officer's pages: who may open them, what they show, what they record."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from razem.accounts.roles import Role
from razem.audit.events import EventType
from razem.audit.exports import event_headers
from razem.audit.forms import DATES_REVERSED
from razem.audit.log import Subject, record
from razem.audit.models import AuditEvent
from razem.audit.tests.helpers import officer, person, tamper
from razem.audit.verify import PROBLEM_CONTENT
from razem.audit.views import UNKNOWN_FORMAT
from razem.core.testing.auth import login
from razem.core.testing.factories import municipality, other_municipality, user_with_role

pytestmark = pytest.mark.django_db

PAGES = ["audit:search", "audit:person_access", "audit:export", "audit:verify_page"]


def _read(actor, who, *, event_type=EventType.PERSON_VIEWED):  # type: ignore[no-untyped-def]
    record(event_type=event_type, actor=actor, subject=Subject.of(who))


def _rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


# --- who may open the pages -------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    "role", [Role.MUNICIPALITY_ADMIN, Role.ZI_CHAIR, Role.ZI_MEMBER, Role.VOIVODESHIP_ANALYST]
)
def test_other_roles_are_refused(client, name, role):
    login(client, user_with_role(role))
    assert client.get(reverse(name), {"format": "csv"}).status_code == 403


def test_other_roles_cannot_run_verification(client):
    login(client, user_with_role(Role.MUNICIPALITY_ADMIN))
    assert client.post(reverse("audit:verify_page")).status_code == 403
    assert not AuditEvent.objects.filter(event_type=EventType.AUDIT_VERIFIED).exists()


@pytest.mark.parametrize("name", PAGES)
def test_officer_opens_every_page(client, name):
    login(client, officer())
    assert client.get(reverse(name), {"format": "csv"}).status_code == 200


# --- search ------------------------------------------------------------------------------


def test_search_shows_only_the_officers_municipalities(client):
    # given
    here, there = person(), person(other_municipality(), "Jan", "Obcy")
    reader = user_with_role(Role.ZI_MEMBER, username="czytelnik")
    _read(reader, here)
    _read(reader, there)
    # when
    login(client, officer())
    response = client.get(reverse("audit:search"))
    # then
    events = response.context["page"].object_list
    assert [e.subject_id for e in events] == [str(here.pk)]
    assert events[0].municipality_name == municipality().name


def test_search_cannot_reach_another_municipality_by_url(client):
    # given
    there = person(other_municipality())
    _read(None, there)
    login(client, officer())
    # when
    response = client.get(reverse("audit:search"), {"municipality": other_municipality().pk})
    # then: the choice is not offered, so the filter is refused and nothing is listed
    assert response.status_code == 200
    assert response.context["page"] is None
    assert "municipality" in response.context["form"].errors


def test_search_filters_by_user_event_subject_and_dates(client):
    # given
    target, other = person(), person(first_names="Adam")
    reader = user_with_role(Role.ZI_MEMBER, username="czytelnik")
    someone = user_with_role(Role.ZI_MEMBER, username="ktos")
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        _read(reader, target)
    _read(reader, target)
    _read(reader, other)
    _read(someone, target)
    _read(reader, target, event_type=EventType.PERSON_UPDATED)
    login(client, officer())
    today = timezone.localdate()
    # when
    response = client.get(
        reverse("audit:search"),
        {
            "user": "czytelnik",
            "event_type": int(EventType.PERSON_VIEWED),
            "subject_type": "people.person",
            "subject_id": str(target.pk),
            "date_from": (today - timedelta(days=1)).isoformat(),
            "date_to": today.isoformat(),
        },
    )
    # then
    events = response.context["page"].object_list
    assert len(events) == 1
    assert (events[0].actor_label, events[0].subject_id) == ("czytelnik", str(target.pk))


def test_search_refuses_reversed_dates(client):
    login(client, officer())
    response = client.get(
        reverse("audit:search"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert response.context["form"].errors["date_to"] == [str(DATES_REVERSED)]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not AuditEvent.objects.filter(event_type=EventType.AUDIT_SEARCHED).exists()


def test_search_is_newest_first_paginated_and_recorded(client):
    # given
    who = person()
    for _ in range(55):
        _read(None, who)
    dpo = officer()
    login(client, dpo)
    # when
    first = client.get(reverse("audit:search"))
    second = client.get(reverse("audit:search"), {"page": 2})
    # then
    page_one = first.context["page"]
    assert len(page_one.object_list) == 50
    times = [(e.event_time, e.id) for e in page_one.object_list]
    assert times == sorted(times, reverse=True)
    # the first search is itself an event of the municipality, so it is found the second time
    assert len(second.context["page"].object_list) == 6
    searched = AuditEvent.objects.filter(event_type=EventType.AUDIT_SEARCHED).order_by("seq")
    assert [e.extra_data["page"] for e in searched] == [1, 2]
    assert searched[0].actor_id == dpo.pk
    assert searched[0].extra_data["results"] == 55
    assert searched[0].municipality_id == municipality().pk


def test_search_records_the_filters_used(client):
    login(client, officer())
    client.get(reverse("audit:search"), {"user": "czytelnik", "date_from": "2026-01-01"})
    event = AuditEvent.objects.get(event_type=EventType.AUDIT_SEARCHED)
    assert event.extra_data["filters"] == {"user": "czytelnik", "date_from": "2026-01-01"}


def _search_queries(client, count: int) -> int:  # type: ignore[no-untyped-def]
    who = person()
    for _ in range(count):
        _read(None, who)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("audit:search"))
    assert response.status_code == 200
    return len(queries)


def test_search_query_count_does_not_grow_with_events(client):
    # given
    login(client, officer())
    # when
    few = _search_queries(client, 5)
    many = _search_queries(client, 55)  # 60 in all
    # then
    assert few == many
    assert many <= 12


def _person_queries(client, who, count: int) -> int:  # type: ignore[no-untyped-def]
    for _ in range(count):
        _read(None, who)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("audit:person_access"), {"person": who.pk})
    assert response.status_code == 200
    return len(queries)


def test_person_access_query_count_does_not_grow_with_events(client):
    # given
    login(client, officer())
    who = person()
    # when
    few = _person_queries(client, who, 5)
    many = _person_queries(client, who, 55)
    # then
    assert few == many
    assert many <= 12


# --- who saw a person --------------------------------------------------------------------


def test_person_access_lists_users_with_counts(client):
    # given
    target, other = person(), person(first_names="Adam")
    anna = user_with_role(Role.ZI_MEMBER, username="anna")
    piotr = user_with_role(Role.ZI_CHAIR, username="piotr")
    with time_machine.travel(timezone.now() - timedelta(days=400)):
        _read(piotr, target)  # older than 12 months: not listed
    with time_machine.travel(timezone.now() - timedelta(days=30)):
        _read(anna, target)
    _read(anna, target)
    _read(anna, target, event_type=EventType.PERSON_UPDATED)
    _read(piotr, target)
    _read(piotr, other)
    login(client, officer())
    # when
    response = client.get(reverse("audit:person_access"), {"person": target.pk})
    # then
    assert response.status_code == 200
    readers = response.context["readers"]
    assert [(r["actor_label"], r["count"]) for r in readers] == [("anna", 3), ("piotr", 1)]
    assert readers[0]["first"] < readers[0]["last"]
    assert len(response.context["page"].object_list) == 4
    content = response.content.decode()
    assert "Ewa Kowalska" in content
    event = AuditEvent.objects.get(event_type=EventType.AUDIT_SEARCHED)
    assert event.extra_data == {"report": "person_access", "person": target.pk, "users": 2}


def test_person_access_for_another_municipalitys_person_is_not_found(client):
    there = person(other_municipality())
    login(client, officer())
    response = client.get(reverse("audit:person_access"), {"person": there.pk})
    assert response.status_code == 404


def test_person_access_for_a_missing_person_is_not_found(client):
    login(client, officer())
    assert client.get(reverse("audit:person_access"), {"person": 987654}).status_code == 404


def test_person_access_with_a_wrong_id_shows_the_error(client):
    login(client, officer())
    response = client.get(reverse("audit:person_access"), {"person": "abc"})
    assert response.status_code == 200
    assert "person" in response.context["form"].errors


def test_officer_of_two_municipalities_sees_both(client):
    # given
    dpo = officer()
    from razem.accounts.models import Membership

    grant = Membership.objects.get(user=dpo)
    Membership.objects.create(
        user=dpo,
        institution=grant.institution,
        role=Role.DATA_PROTECTION_OFFICER,
        municipality=other_municipality(),
    )
    there = person(other_municipality())
    _read(None, there)
    login(client, dpo)
    # then
    assert client.get(reverse("audit:person_access"), {"person": there.pk}).status_code == 200
    events = client.get(reverse("audit:search")).context["page"].object_list
    assert str(there.pk) in [e.subject_id for e in events]


# --- export ------------------------------------------------------------------------------


def test_export_csv_of_the_search(client):
    # given
    who = person()
    reader = user_with_role(Role.ZI_MEMBER, username="czytelnik")
    _read(reader, who)
    record(
        event_type=EventType.PERSON_UPDATED,
        actor=reader,
        subject=Subject.of(who),
        extra={"note": '=HYPERLINK("x")'},
    )
    login(client, officer())
    # when
    response = client.get(reverse("audit:export"), {"format": "csv", "user": "czytelnik"})
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-')
    assert response["Cache-Control"] == "no-store"
    rows = _rows(response)
    assert rows[0] == event_headers()
    assert len(rows) == 3
    assert rows[1][2] == "czytelnik"
    assert rows[1][5:7] == ["people.person", str(who.pk)]
    assert rows[1][7] == municipality().name
    assert "HYPERLINK" in rows[1][8]
    exported = AuditEvent.objects.get(event_type=EventType.AUDIT_EXPORTED)
    assert exported.extra_data == {
        "report": "search",
        "filters": {"user": "czytelnik"},
        "format": "csv",
        "rows": 2,
    }


def test_export_neutralises_spreadsheet_formulas(client):
    who = person()
    record(event_type=EventType.PERSON_VIEWED, subject=Subject("people.person", "=1+1", None))
    record(
        event_type=EventType.PERSON_VIEWED,
        subject=Subject("people.person", "=1+1", who.municipality_id),
    )
    login(client, officer())
    rows = _rows(client.get(reverse("audit:export"), {"format": "csv"}))
    assert rows[1][6] == "'=1+1"


def test_export_xlsx_opens_with_openpyxl(client):
    # given
    who = person()
    _read(user_with_role(Role.ZI_MEMBER, username="czytelnik"), who)
    login(client, officer())
    # when
    response = client.get(reverse("audit:export"), {"format": "xlsx"})
    # then
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 2
    assert values[1][2] == "czytelnik"
    assert AuditEvent.objects.get(event_type=EventType.AUDIT_EXPORTED).extra_data["rows"] == 1


def test_export_of_the_person_access_report(client):
    # given
    target = person()
    anna = user_with_role(Role.ZI_MEMBER, username="anna")
    _read(anna, target)
    _read(anna, target)
    login(client, officer())
    # when
    csv_response = client.get(
        reverse("audit:export"), {"format": "csv", "report": "person", "person": target.pk}
    )
    xlsx_response = client.get(
        reverse("audit:export"), {"format": "xlsx", "report": "person", "person": target.pk}
    )
    # then
    assert len(_rows(csv_response)) == 3
    workbook = load_workbook(io.BytesIO(xlsx_response.content))
    users, events = workbook.worksheets
    assert list(users.iter_rows(values_only=True))[1][:2] == ("anna", 2)
    assert len(list(events.iter_rows(values_only=True))) == 3
    exported = AuditEvent.objects.filter(event_type=EventType.AUDIT_EXPORTED).order_by("seq")
    assert [e.extra_data["format"] for e in exported] == ["csv", "xlsx"]
    assert exported[0].extra_data["filters"] == {"person": target.pk}
    assert exported[0].extra_data["rows"] == 2


def test_export_of_another_municipalitys_person_is_not_found(client):
    there = person(other_municipality())
    login(client, officer())
    response = client.get(
        reverse("audit:export"), {"format": "csv", "report": "person", "person": there.pk}
    )
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(event_type=EventType.AUDIT_EXPORTED).exists()


def test_export_needs_a_known_format(client):
    login(client, officer())
    response = client.get(reverse("audit:export"), {"format": "pdf"})
    assert response.status_code == 400
    assert response.content.decode() == str(UNKNOWN_FORMAT)


# --- verification page -------------------------------------------------------------------


def test_verify_page_runs_verification_and_shows_the_result(client):
    # given
    record(event_type=EventType.LOGIN)
    dpo = officer()
    login(client, dpo)
    assert client.get(reverse("audit:verify_page")).context["last"] is None
    # when
    response = client.post(reverse("audit:verify_page"), follow=True)
    # then
    last = response.context["last"]
    assert last.event_type == EventType.AUDIT_VERIFIED
    assert last.actor_id == dpo.pk
    assert last.extra_data["ok"] is True
    assert last.extra_data["head"] in response.content.decode()


def test_verify_page_reports_a_broken_chain(client):
    # given
    record(event_type=EventType.LOGIN)
    record(event_type=EventType.LOGOUT)
    tamper("UPDATE audit_auditevent SET actor_label = %s WHERE seq = %s", ["x", 2])
    login(client, officer())
    # when
    response = client.post(reverse("audit:verify_page"), follow=True)
    # then
    last = response.context["last"]
    assert last.extra_data["ok"] is False
    assert last.extra_data["broken_seq"] == 2
    assert last.extra_data["problem"] == str(PROBLEM_CONTENT)
    assert "badge danger" in response.content.decode()
