from django.urls import path

from razem.people import api

urlpatterns = [
    path("people/", api.PersonCollectionApi.as_view(), name="api-people-list"),
    path("people/<int:pk>/", api.PersonDetailApi.as_view(), name="api-people-detail"),
]
