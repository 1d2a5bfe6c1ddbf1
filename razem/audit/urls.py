from django.urls import path

from razem.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.placeholder, name="search"),
]
