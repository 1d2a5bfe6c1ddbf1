from django.urls import path

from razem.people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="list"),
    path("nowa/", views.person_create, name="create"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/edycja/", views.person_edit, name="edit"),
    path("<int:pk>/adresy/nowy/", views.address_add, name="address_add"),
    path("<int:pk>/kontakty/nowy/", views.contact_add, name="contact_add"),
    path("<int:pk>/relacje/nowa/", views.relationship_add, name="relationship_add"),
]
