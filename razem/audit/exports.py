"""CSV and XLSX files of audit events, served as attachments that are never cached."""

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from razem.audit.events import EventType
from razem.audit.models import AuditEvent

FORMATS = ("csv", "xlsx")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheets run a cell starting with these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_EVENT_FIELDS = (
    "event_time",
    "seq",
    "actor_label",
    "ip_address",
    "event_type",
    "subject_type",
    "subject_id",
    "municipality_id",
    "extra_data",
)


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def local_time(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M:%S") if moment else ""


def event_headers() -> list[str]:
    return [
        _("Time"),
        _("Sequence number"),
        _("User"),
        _("Address"),
        _("Event"),
        _("Subject type"),
        _("Subject id"),
        _("Municipality"),
        _("Details"),
    ]


def event_rows(events: QuerySet[AuditEvent], names: dict[int, str]) -> Iterator[list[Any]]:
    """One row per event, read in chunks (exports can be long)."""
    labels = dict(EventType.choices)
    for row in events.values_list(*_EVENT_FIELDS).iterator(chunk_size=2000):
        time_, seq, actor, address, kind, subject_type, subject_id, municipality_id, extra = row
        yield [
            local_time(time_),
            seq,
            actor,
            address or "",
            str(labels.get(kind, kind)),
            subject_type,
            subject_id,
            names.get(municipality_id, "") if municipality_id else "",
            json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else "",
        ]


def reader_headers() -> list[str]:
    return [_("User"), _("Events"), _("First time"), _("Last time")]


def reader_rows(readers: Iterable[dict[str, Any]]) -> Iterator[list[Any]]:
    for reader in readers:
        yield [
            reader["actor_label"],
            reader["count"],
            local_time(reader["first"]),
            local_time(reader["last"]),
        ]


def _attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class Counted:
    """Passes rows through and counts them (the export's audit event states the row count)."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Sequence[Any]]:
        for row in self._rows:
            self.count += 1
            yield row


def csv_file(sheet: Sheet, *, filename: str) -> HttpResponse:
    """A CSV for spreadsheets set to Polish: semicolons, UTF-8 with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(sheet.headers)
    for row in sheet.rows:
        writer.writerow([safe_cell(value) for value in row])
    content = buffer.getvalue().encode("utf-8-sig")
    return _attachment(content, content_type=CSV_TYPE, filename=filename)


def xlsx_file(sheets: Sequence[Sheet], *, filename: str) -> HttpResponse:
    """An XLSX with one worksheet per sheet (write-only mode: rows are not kept in memory)."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = workbook.create_sheet(title=sheet.title[:31])
        worksheet.append(list(sheet.headers))
        for row in sheet.rows:
            worksheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(buffer.getvalue(), content_type=XLSX_TYPE, filename=filename)
