"""The data-protection officer's pages: search, who saw a person, export, chain verification.

Every read of the trail is itself recorded (AUDIT_SEARCHED, AUDIT_EXPORTED, AUDIT_VERIFIED).
"""

from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from razem.audit import exports, selectors, verify
from razem.audit.access import PersonRef, access_person_for_dpo, dpo_municipalities
from razem.audit.events import EventType
from razem.audit.forms import SUBJECT_TYPES, AuditSearchForm, PersonAccessForm
from razem.audit.log import record
from razem.audit.models import AuditEvent

PAGE_SIZE = 50
SUBJECT_LABELS = dict(SUBJECT_TYPES)
EXPORT_MAX_ROWS = 100_000

EXPORT_TOO_LARGE = gettext_lazy(
    "The export would have more than %(limit)s rows. Narrow the filters."
)
UNKNOWN_FORMAT = gettext_lazy("Choose the file format: csv or xlsx.")


def chain_intact(events: int, head: str) -> str:
    return ngettext(
        "The audit trail is intact: %(events)s event, head %(head)s.",
        "The audit trail is intact: %(events)s events, head %(head)s.",
        events,
    ) % {"events": events, "head": head}


CHAIN_BROKEN = gettext_lazy(
    "The audit trail is broken at sequence number %(seq)s (row %(id)s): %(problem)s."
)


def _scope_of(municipalities: frozenset[int], chosen: int | None = None) -> int | None:
    """The municipality an officer's own audit event belongs to, so their colleagues see it."""
    if chosen is not None:
        return chosen
    return next(iter(municipalities)) if len(municipalities) == 1 else None


def _search_form(request: HttpRequest, names: dict[int, str]) -> AuditSearchForm:
    choices = sorted(names.items(), key=lambda item: item[1])
    return AuditSearchForm(request.GET, municipalities=choices)


def _page(request: HttpRequest, events: QuerySet[AuditEvent], names: dict[int, str]) -> Page:
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for event in page.object_list:
        event.municipality_name = names.get(event.municipality_id, "")  # type: ignore[attr-defined]
        event.subject_label = SUBJECT_LABELS.get(event.subject_type, event.subject_type)  # type: ignore[attr-defined]
    return page


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    municipalities = dpo_municipalities(request.user)
    names = selectors.municipality_names(municipalities)
    form = _search_form(request, names)
    context: dict[str, Any] = {"form": form, "page": None}
    if form.is_valid():
        query = selectors.AuditQuery.from_cleaned(form.cleaned_data)
        events = selectors.audit_events_for(municipalities=municipalities, query=query)
        context["page"] = page = _page(request, events, names)
        record(
            event_type=EventType.AUDIT_SEARCHED,
            actor=request.user,
            request=request,
            municipality_id=_scope_of(municipalities, query.municipality),
            extra={
                "filters": query.as_extra(),
                "page": page.number,
                "results": page.paginator.count,
            },
        )
    return render(request, "audit/search.html", context)


@require_GET
def person_access(request: HttpRequest) -> HttpResponse:
    dpo_municipalities(request.user)
    form = PersonAccessForm(request.GET if "person" in request.GET else None)
    context: dict[str, Any] = {"form": form, "person": None}
    if form.is_valid():
        person = access_person_for_dpo(form.cleaned_data["person"], request.user)
        events = selectors.person_events(person=person)
        names = {person.municipality_id: person.municipality_name}
        readers = selectors.person_readers(events)
        context |= {
            "person": person,
            "readers": readers,
            "page": _page(request, events, names),
            "days": selectors.PERSON_ACCESS_DAYS,
        }
        record(
            event_type=EventType.AUDIT_SEARCHED,
            actor=request.user,
            request=request,
            municipality_id=person.municipality_id,
            extra={"report": "person_access", "person": person.id, "users": len(readers)},
        )
    return render(request, "audit/person_access.html", context)


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    municipalities = dpo_municipalities(request.user)
    file_format = request.GET.get("format", "")
    if file_format not in exports.FORMATS:
        return HttpResponseBadRequest(UNKNOWN_FORMAT)
    if request.GET.get("report") == "person":
        return _export_person(request, file_format)
    names = selectors.municipality_names(municipalities)
    form = _search_form(request, names)
    back = reverse("audit:search") + "?" + request.GET.urlencode()
    if not form.is_valid():
        return redirect(back)
    query = selectors.AuditQuery.from_cleaned(form.cleaned_data)
    events = selectors.audit_events_for(municipalities=municipalities, query=query)
    if events.count() > EXPORT_MAX_ROWS:
        messages.error(request, EXPORT_TOO_LARGE % {"limit": EXPORT_MAX_ROWS})
        return redirect(back)
    rows = exports.Counted(exports.event_rows(events, names))
    sheet = exports.Sheet(_("Events"), exports.event_headers(), rows)
    response = _file(file_format, [sheet], name="audit")
    _record_export(
        request,
        municipality_id=_scope_of(municipalities, query.municipality),
        extra={"report": "search", "filters": query.as_extra()},
        file_format=file_format,
        rows=rows.count,
    )
    return response


def _export_person(request: HttpRequest, file_format: str) -> HttpResponse:
    form = PersonAccessForm(request.GET)
    if not form.is_valid():
        return redirect(reverse("audit:person_access") + "?" + request.GET.urlencode())
    person: PersonRef = access_person_for_dpo(form.cleaned_data["person"], request.user)
    events = selectors.person_events(person=person)
    names = {person.municipality_id: person.municipality_name}
    rows = exports.Counted(exports.event_rows(events, names))
    sheets = [exports.Sheet(_("Events"), exports.event_headers(), rows)]
    if file_format == "xlsx":
        readers = exports.reader_rows(selectors.person_readers(events))
        sheets.insert(0, exports.Sheet(_("Users"), exports.reader_headers(), readers))
    response = _file(file_format, sheets, name=f"audit-person-{person.id}")
    _record_export(
        request,
        municipality_id=person.municipality_id,
        extra={"report": "person_access", "filters": {"person": person.id}},
        file_format=file_format,
        rows=rows.count,
    )
    return response


def _file(file_format: str, sheets: list[exports.Sheet], *, name: str) -> HttpResponse:
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        return exports.csv_file(sheets[-1], filename=filename)
    return exports.xlsx_file(sheets, filename=filename)


def _record_export(
    request: HttpRequest,
    *,
    municipality_id: int | None,
    extra: dict[str, Any],
    file_format: str,
    rows: int,
) -> None:
    record(
        event_type=EventType.AUDIT_EXPORTED,
        actor=request.user,
        request=request,
        municipality_id=municipality_id,
        extra=extra | {"format": file_format, "rows": rows},
    )


@require_http_methods(["GET", "POST"])
def verify_page(request: HttpRequest) -> HttpResponse:
    dpo_municipalities(request.user)
    if request.method == "POST":
        result = verify.run_verification(acting_user=request.user, request=request)
        if result.ok:
            messages.success(request, chain_intact(result.events, result.head_hash))
        else:
            broken = result.broken
            messages.error(
                request,
                CHAIN_BROKEN
                % {"seq": broken.seq or "-", "id": broken.event_id, "problem": broken.problem},
            )
        return redirect("audit:verify_page")
    return render(request, "audit/verify.html", {"last": verify.last_verification()})
