"""REST API of the people registry: one view per operation, the same rules as the pages.

Reads are audited like the pages (one event per request); the query text is never stored.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from razem.core.api import ApiView
from razem.people import access, actions, read_audit, selectors
from razem.people.models import Sex
from razem.people.selectors import AGE_ADULT, AGE_CHILD, AGE_ELDERLY, ORDERINGS

CONFIDENTIAL_HIDDEN = _("confidential address — hidden")


class PersonPagination(PageNumberPagination):
    page_size = 50


class PersonListApi(ApiView):
    """GET /api/people/?q=&sex=&has_disability=&age_group=&ordering= — persons the caller may
    see; an 11-digit q is an exact PESEL match."""

    class FilterSerializer(serializers.Serializer):
        class Meta:
            ref_name = "PersonListFilter"

        q = serializers.CharField(required=False, allow_blank=True, max_length=100, default="")
        sex = serializers.ChoiceField(choices=Sex.choices, required=False, allow_blank=True)
        has_disability = serializers.BooleanField(required=False, allow_null=True, default=None)
        age_group = serializers.ChoiceField(
            choices=[AGE_CHILD, AGE_ADULT, AGE_ELDERLY], required=False, allow_blank=True
        )
        ordering = serializers.ChoiceField(
            choices=list(ORDERINGS), required=False, default=selectors.DEFAULT_ORDERING
        )

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "PersonListItem"

        id = serializers.IntegerField()
        first_names = serializers.CharField()
        surname = serializers.CharField()
        sex = serializers.CharField()
        birth_date = serializers.DateField(allow_null=True)
        estimated_age = serializers.IntegerField(allow_null=True)
        has_disability = serializers.BooleanField()
        municipality_id = serializers.IntegerField()

    def get(self, request: Request) -> Response:
        if not access.can_open_registry(request.user):
            raise PermissionDenied
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        persons = selectors.search_persons(
            viewer=request.user,
            query=data["q"],
            filters={
                "sex": data.get("sex", ""),
                "has_disability": data.get("has_disability"),
                "age_group": data.get("age_group", ""),
            },
            ordering=data["ordering"],
        )
        paginator = PersonPagination()
        page = paginator.paginate_queryset(persons, request, view=self)
        read_audit.persons_listed(
            request._request,
            query=data["q"],
            results=paginator.page.paginator.count,  # type: ignore[union-attr]
            municipality_id=access.recording_municipality(request.user),
            api=True,
        )
        return paginator.get_paginated_response(self.OutputSerializer(page, many=True).data)


class _AddressSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="address.id")
    kind = serializers.CharField(source="address.kind")
    is_confidential = serializers.BooleanField(source="address.is_confidential")
    text = serializers.SerializerMethodField()

    def get_text(self, item: selectors.AddressView) -> str:
        if not item.visible:
            return str(CONFIDENTIAL_HIDDEN)
        address = item.address
        return ", ".join(
            part for part in (address.street, address.postal_code, address.city) if part
        )


class PersonDetailApi(ApiView):
    """GET /api/people/<id>/ — the person with addresses, contacts and relationships."""

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "PersonDetail"

        id = serializers.IntegerField(source="person.id")
        version = serializers.IntegerField(source="person.version")
        first_names = serializers.CharField(source="person.first_names")
        surname = serializers.CharField(source="person.surname")
        family_name = serializers.CharField(source="person.family_name")
        former_names = serializers.CharField(source="person.former_names")
        sex = serializers.CharField(source="person.sex")
        birth_date = serializers.DateField(source="person.birth_date", allow_null=True)
        estimated_age = serializers.IntegerField(source="person.estimated_age", allow_null=True)
        pesel = serializers.CharField(source="person.pesel")
        citizenship = serializers.CharField(source="person.citizenship")
        has_disability = serializers.BooleanField(source="person.has_disability")
        municipality_id = serializers.IntegerField(source="person.municipality_id")
        addresses = _AddressSerializer(many=True)
        contacts = serializers.SerializerMethodField()
        relationships = serializers.SerializerMethodField()

        def get_contacts(self, detail: selectors.PersonDetail) -> list[dict]:
            return [
                {"id": c.pk, "kind": c.kind, "value": c.value, "note": c.note}
                for c in detail.contacts
            ]

        def get_relationships(self, detail: selectors.PersonDetail) -> list[dict]:
            return [
                {
                    "id": r.pk,
                    "kind": r.kind,
                    "related_person_id": (
                        r.related_person_id
                        if r.related_person_id in detail.visible_related_ids
                        else None
                    ),
                }
                for r in detail.relationships
            ]

    @extend_schema(operation_id="people_detail", responses=OutputSerializer)
    def get(self, request: Request, pk: int) -> Response:
        detail = selectors.person_detail(viewer=request.user, person_id=pk)
        read_audit.person_viewed(request._request, detail)
        return Response(self.OutputSerializer(detail).data)


class PersonCreateApi(ApiView):
    """POST /api/people/ — record a person in the caller's municipality; 201 with the person."""

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "PersonCreateInput"

        first_names = serializers.CharField(max_length=100)
        surname = serializers.CharField(max_length=100)
        family_name = serializers.CharField(max_length=100, required=False, allow_blank=True)
        former_names = serializers.CharField(max_length=200, required=False, allow_blank=True)
        sex = serializers.ChoiceField(choices=Sex.choices, required=False, allow_blank=True)
        birth_date = serializers.DateField(required=False, allow_null=True)
        estimated_age = serializers.IntegerField(
            required=False, allow_null=True, min_value=0, max_value=130
        )
        pesel = serializers.CharField(max_length=13, required=False, allow_blank=True)
        citizenship = serializers.CharField(max_length=60, required=False, allow_blank=True)
        has_disability = serializers.BooleanField(required=False, default=False)
        municipality_id = serializers.IntegerField(required=False)

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "PersonCreated"

        id = serializers.IntegerField()
        version = serializers.IntegerField()

    def post(self, request: Request) -> Response:
        if not access.can_open_registry(request.user):
            raise PermissionDenied
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        municipality_id = access.recording_municipality(
            request.user, data.pop("municipality_id", None)
        )
        if municipality_id is None:
            raise PermissionDenied
        try:
            person = actions.create_person(
                acting_user=request.user,
                municipality_id=municipality_id,
                request=request._request,
                **data,
            )
        except DjangoValidationError as error:
            raise ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        output = self.OutputSerializer({"id": person.pk, "version": person.version})
        return Response(output.data, status=status.HTTP_201_CREATED)


_list_view = PersonListApi.as_view()
_create_view = PersonCreateApi.as_view()


class PersonCollectionApi(ApiView):
    """/api/people/ serves two operations, each kept in its own view with its own serializers
    and checks: GET lists (PersonListApi), POST creates (PersonCreateApi)."""

    @extend_schema(
        operation_id="people_list",
        parameters=[PersonListApi.FilterSerializer],
        responses=PersonListApi.OutputSerializer(many=True),
    )
    def get(self, request: Request) -> HttpResponse:
        return _list_view(request._request)

    @extend_schema(
        operation_id="people_create",
        request=PersonCreateApi.InputSerializer,
        responses={201: PersonCreateApi.OutputSerializer},
    )
    def post(self, request: Request) -> HttpResponse:
        return _create_view(request._request)
