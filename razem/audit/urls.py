from django.urls import path

from razem.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.search, name="search"),
    path("dostep-do-osoby/", views.person_access, name="person_access"),
    path("eksport/", views.export, name="export"),
    path("weryfikacja/", views.verify_page, name="verify_page"),
]
