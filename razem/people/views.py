"""Pages of the people registry: access -> form -> action -> redirect; reads are audited."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from razem.people import access, actions, read_audit, selectors
from razem.people.forms import (
    AddressForm,
    ContactForm,
    PersonEditForm,
    PersonForm,
    PersonSearchForm,
    RelationshipForm,
)
from razem.people.models import Person

PAGE_SIZE = 50


def _require_registry(request: HttpRequest) -> None:
    if not access.can_open_registry(request.user):
        raise PermissionDenied


def _attach_errors(form: Form, error: ValidationError) -> None:
    """Put an action's errors next to the form's fields (others on top of the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _viewer_municipality(request: HttpRequest) -> int | None:
    grant = getattr(request, "grant", None)
    return access.recording_municipality(request.user, grant.municipality_id if grant else None)


@require_http_methods(["GET"])
def person_list(request: HttpRequest) -> HttpResponse:
    _require_registry(request)
    form = PersonSearchForm(request.GET or None)
    arguments = form.search_arguments() if form.is_bound else {}
    persons = selectors.search_persons(viewer=request.user, **arguments)
    page = Paginator(persons, PAGE_SIZE).get_page(request.GET.get("page"))
    query = arguments.get("query", "")
    municipality_id = _viewer_municipality(request)
    read_audit.persons_listed(
        request, query=query, results=page.paginator.count, municipality_id=municipality_id
    )
    context = {
        "form": form,
        "page": page,
        "searching": bool(query)
        or any(v not in ("", None) for v in (arguments.get("filters") or {}).values()),
        "may_create": municipality_id is not None,
    }
    htmx = request.htmx  # type: ignore[attr-defined]
    # A history restore needs the whole page, not only the table.
    partial = bool(htmx) and not htmx.history_restore_request
    template = "people/_results.html" if partial else "people/person_list.html"
    return render(request, template, context)


@require_http_methods(["GET"])
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    detail = selectors.person_detail(viewer=request.user, person_id=pk)
    read_audit.person_viewed(request, detail)
    return render(request, "people/person_detail.html", {"detail": detail, "person": detail.person})


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    _require_registry(request)
    municipality_id = _viewer_municipality(request)
    if municipality_id is None:
        raise PermissionDenied
    form = PersonForm(request.POST or None, initial={"citizenship": "polskie"})
    if request.method == "POST" and form.is_valid():
        try:
            person = actions.create_person(
                acting_user=request.user,
                municipality_id=municipality_id,
                request=request,
                **_person_data(form),
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("The person has been recorded."))
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "person": None})


def _person_data(form: Form) -> dict:
    data = {
        field: form.cleaned_data[field]
        for field in actions.PERSON_FIELDS
        if field in form.cleaned_data
    }
    data.pop("estimated_age_on", None)
    return data


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.access_person(request.user, pk)
    if request.method == "POST":
        form = PersonEditForm(request.POST)
        if form.is_valid():
            try:
                actions.update_person(
                    acting_user=request.user,
                    person_id=person.pk,
                    expected_version=form.cleaned_data["version"],
                    changes=_person_data(form),
                    request=request,
                )
            except ValidationError as error:
                _attach_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("people:detail", pk=person.pk)
    else:
        form = PersonEditForm(initial=_person_initial(person))
    return render(request, "people/person_form.html", {"form": form, "person": person})


def _person_initial(person: Person) -> dict:
    initial = {field: getattr(person, field) for field in actions.PERSON_FIELDS}
    initial["version"] = person.version
    return initial


def _sub_form(
    request: HttpRequest,
    person: Person,
    form_class: type[Form],
    save,  # type: ignore[no-untyped-def]
    *,
    title: str,
    done: str,
    form_kwargs: dict | None = None,
) -> HttpResponse:
    """The shared flow of the address, contact and relationship pages."""
    kwargs = form_kwargs or {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            save(person, form.cleaned_data)
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("people:detail", pk=person.pk)
    context = {"form": form, "person": person, "title": title}
    return render(request, "people/person_subform.html", context)


@require_http_methods(["GET", "POST"])
def address_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(person: Person, data: dict) -> None:
        actions.add_address(acting_user=request.user, person_id=person.pk, request=request, **data)

    person = access.access_person(request.user, pk)
    return _sub_form(
        request,
        person,
        AddressForm,
        save,
        title=_("Add an address"),
        done=_("The address was added."),
    )


@require_http_methods(["GET", "POST"])
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(person: Person, data: dict) -> None:
        actions.add_contact(acting_user=request.user, person_id=person.pk, request=request, **data)

    person = access.access_person(request.user, pk)
    return _sub_form(
        request,
        person,
        ContactForm,
        save,
        title=_("Add a contact"),
        done=_("The contact was added."),
    )


@require_http_methods(["GET", "POST"])
def relationship_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.access_person(request.user, pk)

    def save(person: Person, data: dict) -> None:
        actions.add_relationship(
            acting_user=request.user,
            person_id=person.pk,
            related_person_id=data["related_person"].pk,
            kind=data["kind"],
            request=request,
        )

    candidates = selectors.relationship_candidates(viewer=request.user, person=person)
    return _sub_form(
        request,
        person,
        RelationshipForm,
        save,
        title=_("Add a relationship"),
        done=_("The relationship was recorded."),
        form_kwargs={"candidates": candidates},
    )
